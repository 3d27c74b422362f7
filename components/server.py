"""The web server's guards: body and address limits, 404s, a health check, security headers,
and callback errors answered as short 400s.

:func:`harden` adds them to a built app (``app.py``'s :func:`create_app` calls it last, once
every callback and route is registered, since the CSP holds the hashes of Dash's inline
scripts).

- **Request bodies**: at most :data:`BODY_LIMIT` (1 MB, Dash's callbacks), refused before
  the view runs (413 and one line of text), unless a route allows more: :func:`allow_body`
  sets the limit of a path prefix (the longest prefix that matches wins), which Flask holds
  when the view reads the body, the view saying itself what was too big (``/import``).
- **Addresses**: a query string longer than :data:`MAX_QUERY` gets 414 (the page's own
  links are a few hundred characters; its URL state is read in the browser,
  ``assets/fea-1-core.js`` ``parseQuery``, which caps its notices).
- **Paths**: the page is served at ``/`` only (deep links are query strings, ``/?date=...``):
  any other path Dash would answer with the page gets 404, and so does a bad component
  suite path (``/_dash-component-suites/dash/../../x``), without a traceback in the log.
- **Callbacks**: an exception in ``/_dash-update-component`` (a crafted payload Dash or a
  callback could not read) is answered 400 with a short message and logged as one line.
- **Health**: ``/healthz`` answers JSON: the layers loaded and whether the job store
  answers a write and a read; 200 when both hold, else 503.
- **Headers** (Flask-Talisman): a CSP allowing our own host only, plus ``blob:`` workers
  (MapLibre), ``data:``/``blob:`` images (the PNG export), inline styles (plotly.js) and the
  hashes of Dash's inline scripts; ``nosniff``, ``DENY`` framing, ``same-origin`` referrers.
  HTTPS is not forced (a proxy in front does TLS). The server's version is not told: the
  development server says ``Server: far-east-atlas`` (:class:`QuietRequestHandler`), not
  ``Werkzeug/... Python/...``, and :class:`AtlasDash` leaves ``python_version`` out of the
  page's ``_dash-config``.
"""

from __future__ import annotations

import logging
import secrets
import time

import dash
import flask
from dash.exceptions import DependencyException, PreventUpdate
from flask_talisman import Talisman
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler

from components.export import profiles

log = logging.getLogger(__name__)

MB = 1 << 20
#: The largest request body of a route that allows no more (Dash's callbacks).
BODY_LIMIT = 1 * MB
#: The longest query string served.
MAX_QUERY = 8 * 1024
#: Where Dash answers a callback.
DISPATCH = "/_dash-update-component"
#: What the server calls itself (instead of the development server's version).
SERVER_NAME = "far-east-atlas"
#: The CSP, less the script hashes that :func:`harden` adds to ``script-src``.
CSP = {
    "default-src": "'self'",
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "worker-src": ["'self'", "blob:"],
    "child-src": ["'self'", "blob:"],
    "connect-src": "'self'",
    "font-src": ["'self'", "data:"],
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


class AtlasDash(dash.Dash):
    """Dash, less ``python_version`` in the page's ``_dash-config`` (Dash puts
    ``sys.version`` there for its debug menu, which this app does not show)."""

    def _config(self):
        config = super()._config()
        config.pop("python_version", None)
        return config


def allow_body(server: flask.Flask, prefix: str, limit: int) -> None:
    """Let requests whose path starts with ``prefix`` carry bodies up to ``limit`` bytes.

    >>> server = flask.Flask("x")
    >>> allow_body(server, "/import", 10 * MB)
    >>> body_limit(server, "/import/file"), body_limit(server, "/_dash-update-component")
    (10485760, 1048576)
    """
    server.config.setdefault("ATLAS_BODY_LIMITS", {})[prefix] = int(limit)


def body_limit(server: flask.Flask, path: str) -> int:
    """The body limit of ``path``: the longest allowed prefix's, else :data:`BODY_LIMIT`."""
    limits = server.config.get("ATLAS_BODY_LIMITS", {})
    best = max((p for p in limits if path.startswith(p)), key=len, default=None)
    return limits[best] if best is not None else server.config.get("MAX_CONTENT_LENGTH") \
        or BODY_LIMIT  # fmt: skip


def _allowed(path: str) -> bool:
    return any(path.startswith(p) for p in flask.current_app.config.get("ATLAS_BODY_LIMITS", {}))


def _text(message: str, status: int, **headers) -> flask.Response:
    response = flask.Response(message.rstrip("\n") + "\n", status=status, mimetype="text/plain")
    response.headers.update(headers)
    return response


def _check_request():
    """Before every view: the query string and the body within their limits, the path one
    we serve."""
    request = flask.request
    if len(request.query_string) > MAX_QUERY:
        return _text(f"the address is too long: its query is {len(request.query_string):,} "
                     f"bytes, at most {MAX_QUERY:,} are read", 414)  # fmt: skip
    limit, own = body_limit(flask.current_app, request.path), _allowed(request.path)
    if not own and request.content_length is not None and request.content_length > limit:
        return _text(f"the request body is too large: {request.content_length:,} bytes, "
                     f"at most {limit:,} here", 413)  # fmt: skip
    # a body sent without a length is cut there too; a route that allowed more reads its
    # body within its limit and says itself what was too big
    request.max_content_length = limit
    rule = request.url_rule
    if rule is not None and rule.rule.endswith("<path:path>") and rule.endpoint == rule.rule:
        return _text(f"not found: {request.path} (the atlas is at /)", 404)
    return None


def _too_large(error):
    limit = flask.request.max_content_length or BODY_LIMIT
    return _text(f"the request body is too large: at most {limit:,} bytes here", 413)


def _bad_suite_path(_error):
    return _text(f"not found: {flask.request.path}", 404)


class QuietRequestHandler(WSGIRequestHandler):
    """The development server's request handler, naming the server without its version
    nor Python's (``python app.py`` runs it; gunicorn says only ``gunicorn``)."""

    def version_string(self) -> str:
        return SERVER_NAME


def guard_dispatch(server: flask.Flask) -> None:
    """Answer an exception in a callback with 400 and a short message, logged as one line.

    PreventUpdate (204) and HTTP errors (413...) go on as Dash and Flask answer them.
    """
    view = server.view_functions[DISPATCH]

    def dispatch(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except (PreventUpdate, HTTPException):
            raise
        except Exception as exc:  # noqa: BLE001 - the client gets a line, the log one too
            body = flask.request.get_json(silent=True)
            output = body.get("output") if isinstance(body, dict) else None
            first = (str(exc).splitlines() or [""])[0][:200]
            log.warning("callback %s refused: %s: %s", str(output)[:200], type(exc).__name__,
                        first)  # fmt: skip
            return _text(f"bad callback request ({type(exc).__name__}): the values sent "
                         "are not what the page sends", 400)  # fmt: skip

    dispatch.__name__ = getattr(view, "__name__", "dispatch")
    server.view_functions[DISPATCH] = dispatch


def health(atlas, manager) -> tuple[dict, int]:
    """The health report: ``{"ok", "layers": {id: features}, "jobs": "ok" | why}``, status.

    Layers are loaded when one has a feature; the job backend is reachable when a key
    written to its store (:func:`components.export.jobs.store_of`) reads back.
    """
    layers = {name: len(features) for name, features in atlas.layers.items()}
    jobs = "not configured"
    if manager is not None:
        try:
            from components.export.jobs import store_of

            store, key, value = store_of(manager), "fea-health:" + secrets.token_hex(8), time.time()
            store.set(key, value, ttl=60)
            jobs = "ok" if store.get(key) == value else "the store did not keep a value"
            store.delete(key)
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            jobs = f"unreachable: {type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"
    ok = any(layers.values()) and jobs in ("ok", "not configured")
    return {"ok": ok, "layers": layers, "jobs": jobs}, 200 if ok else 503


def harden(app: dash.Dash, atlas, manager=None) -> Talisman:
    """Add the limits, 404s, health check, callback guard and headers to ``app``.

    Call it once every callback and route is registered. Returns the Talisman instance.
    """
    server = app.server
    profiles.clear_stale()  # export browsers' profiles left by renderers killed outright
    server.config.setdefault("MAX_CONTENT_LENGTH", BODY_LIMIT)
    server.before_request(_check_request)
    server.register_error_handler(413, _too_large)
    server.register_error_handler(DependencyException, _bad_suite_path)
    guard_dispatch(server)

    def healthz():
        report, status = health(atlas, manager)
        response = flask.jsonify(report)
        response.status_code = status
        response.cache_control.no_store = True
        return response

    server.add_url_rule("/healthz", "healthz", healthz)
    csp = {**CSP, "script-src": [*CSP["script-src"], *app.csp_hashes()]}
    return Talisman(server, force_https=False, strict_transport_security=False,  # a proxy does TLS
                    session_cookie_secure=False, content_security_policy=csp,
                    frame_options="DENY", referrer_policy="same-origin",
                    x_content_type_options=True)  # fmt: skip


#: The static files whose compressed bodies are kept (the same bytes for every visitor).
STATIC_PREFIXES = ("/assets/", "/_dash-component-suites/", "/basemap/")


class StaticCompressCache:
    """Flask-Compress's cache, for static files only: compressing the 3 MB Plotly bundle again
    on every first visit was most of a page load's cost under load. A callback's answer or a
    borders-of-the-day file is never kept (their key is empty); one copy a worker, bounded by
    the static files there are.

    >>> cache = StaticCompressCache()
    >>> cache.set("gzip;/assets/x.js?m=1", b"z"); cache.set("gzip;", b"never")
    >>> cache.get("gzip;/assets/x.js?m=1"), cache.get("gzip;")
    (b'z', None)
    """

    def __init__(self):
        self._kept: dict[str, bytes] = {}

    def get(self, key: str):
        return self._kept.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.partition(";")[2]:
            self._kept[key] = value


def compress_cache_key(request) -> str:
    """The key of a static file's compressed body (its path and query), else ``""``."""
    path = request.path
    static = request.method == "GET" and path.startswith(STATIC_PREFIXES)
    return request.full_path if static and "/borders-at/" not in path else ""


def cache_compressed_static(server: flask.Flask) -> None:
    """Keep the compressed bodies of static files (call before Dash sets up Flask-Compress)."""
    server.config["COMPRESS_CACHE_BACKEND"] = StaticCompressCache
    server.config["COMPRESS_CACHE_KEY"] = compress_cache_key
