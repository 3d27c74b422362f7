"""The routes of the reader's own data: upload a file, share a pack by link, delete it.

- ``POST /import`` (multipart, field ``file``): parses the file with
  :func:`geodata.imports.import_file` and answers ``{"pack", "report"}``. Nothing is kept:
  the pack lives in the reader's browser (IndexedDB, ``assets/fea-9-import.js``).
- ``POST /pack`` (the pack as JSON): keeps it, content-addressed by the SHA-256 of its
  canonical JSON, for ``FEA_PACK_DAYS`` days in the jobs store (DiskCache, or Redis with
  Celery), and answers ``{"hash", "url", "delete"}``: the link that opens it
  (``/?pack=<hash>``) and a delete link holding a secret token. A shared pack is a public
  file, not per-user state.
- ``GET /pack/<hash>.json``: the shared pack; ``GET|POST /pack/<hash>/delete?token=``: a
  page asking to confirm, then the deletion.

Every error is JSON ``{"error": message}`` naming the file (and row) with a 4xx status,
never a 500.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import logging
import re
import secrets
from pathlib import Path

import flask
from werkzeug.exceptions import RequestEntityTooLarge

from components.atlas.packs import pack_problem
from geodata.settings import setting

log = logging.getLogger(__name__)

#: The largest file ``/import`` takes: the importer's own limit (``FEA_IMPORT_MAX_BYTES``,
#: 10 MB by default); the multipart envelope may add ``ENVELOPE`` around it.
UPLOAD_LIMIT = int(setting("FEA_IMPORT_MAX_BYTES"))
MB = f"{UPLOAD_LIMIT / 2**20:g} MB"
ENVELOPE = 64 * 1024
#: The largest pack ``/pack`` keeps (its JSON, as posted).
SHARE_LIMIT = 10 * 1024 * 1024
HASH = re.compile(r"^[0-9a-f]{64}$")
KEY = "fea-pack:"


def _error(message: str, status: int = 400):
    return flask.jsonify({"error": message}), status


def pack_days(env=None) -> int:
    """How many days a shared pack is kept (``FEA_PACK_DAYS``, default 30).

    Examples
    --------
    >>> pack_days({}), pack_days({"FEA_PACK_DAYS": "7"})
    (30, 7)
    """
    value = setting("FEA_PACK_DAYS", env)
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"FEA_PACK_DAYS: expected a whole number of days, got {value!r}") from None
    if days < 1:
        raise ValueError(f"FEA_PACK_DAYS: expected at least 1 day, got {days}")
    return days


# ----------------------------------------------------------------------------- upload
def upload():
    """``POST /import``: the pack and the report of the file in the form's ``file`` field."""
    request = flask.request
    limit = UPLOAD_LIMIT + ENVELOPE
    if request.content_length is not None and request.content_length > limit:
        return _error(f"the file is too big: {request.content_length:,} bytes, "
                      f"the limit is {UPLOAD_LIMIT:,} bytes ({MB})", 413)  # fmt: skip
    request.max_content_length = limit  # a body sent without a length is cut there too
    try:
        sent = request.files.get("file")
    except RequestEntityTooLarge:
        return _error(f"the file is too big: the limit is {UPLOAD_LIMIT:,} bytes ({MB})", 413)
    if sent is None:
        return _error("no file: send it as the form field 'file'")
    name = Path(sent.filename or "upload").name[:200] or "upload"
    try:
        data = sent.stream.read(UPLOAD_LIMIT + 1)
    finally:
        sent.close()
    if len(data) > UPLOAD_LIMIT:
        return _error(f"{name}: too big, the limit is {UPLOAD_LIMIT:,} bytes ({MB})", 413)
    fmt = request.form.get("format") or None
    from geodata.imports import import_file  # the importer's modules only when asked

    try:
        result = import_file(data, filename=name, fmt=fmt)
    except ValueError as exc:  # the importer's whole-file failures (ImportFailed)
        return _error(str(exc) or f"{name}: could not be imported", 422)
    except Exception:  # a bug must not become a 500 page: the reader gets the file's name
        log.exception("import of %s failed", name)
        return _error(f"{name}: the importer failed on this file (the server logged why)", 422)
    return flask.jsonify({"pack": result.pack, "report": result.report})


# ------------------------------------------------------------------------------ share
def canonical(pack: dict) -> bytes:
    """The pack's canonical JSON, whose SHA-256 names it.

    Examples
    --------
    >>> canonical({"b": 1, "a": "é"})
    b'{"a":"\\xc3\\xa9","b":1}'
    """
    return json.dumps(pack, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


class PackShelf:
    """Shared packs in the jobs store, each kept ``days`` days.

    ``store`` is :func:`components.export.jobs.store_of`'s store (DiskCache or Redis) or a
    :class:`components.export.jobs.MemoryStore`; the packs get their own expiry.
    """

    def __init__(self, store, days: int):
        self.store, self.ttl = store, days * 86400

    def _set(self, key: str, value) -> None:
        if hasattr(self.store, "cache"):
            self.store.cache.set(key, value, expire=self.ttl)
        elif hasattr(self.store, "client"):
            self.store.client.set(key, json.dumps(value).encode(), ex=self.ttl)
        else:
            self.store.set(key, value)

    def _get(self, key: str):
        if hasattr(self.store, "client"):
            raw = self.store.client.get(key)
            return None if raw is None else json.loads(raw)
        return self.store.get(key)

    def _delete(self, key: str) -> None:
        if hasattr(self.store, "cache"):
            self.store.cache.delete(key)
        elif hasattr(self.store, "client"):
            self.store.client.delete(key)
        else:
            self.store.data.pop(key, None)

    def put(self, body: bytes) -> tuple[str, str]:
        """Keep ``body`` (canonical pack JSON); its hash and a new delete token."""
        digest = hashlib.sha256(body).hexdigest()
        token = secrets.token_urlsafe(24)
        record = self._get(KEY + digest) or {"pack": body.decode(), "tokens": []}
        record["tokens"] = [*record["tokens"], _token_hash(token)][-20:]
        self._set(KEY + digest, record)
        return digest, token

    def get(self, digest: str) -> str | None:
        """The pack's JSON text, or None when unknown or expired."""
        record = self._get(KEY + digest) if HASH.match(digest) else None
        return record["pack"] if record else None

    def delete(self, digest: str, token: str) -> bool:
        """Delete the pack when ``token`` is one of its delete tokens."""
        record = self._get(KEY + digest) if HASH.match(digest) else None
        if not record or not any(hmac.compare_digest(_token_hash(token), t)
                                 for t in record["tokens"]):  # fmt: skip
            return False
        self._delete(KEY + digest)
        return True


def _token_hash(token: str) -> str:
    return hashlib.sha256(str(token).encode()).hexdigest()


def share(shelf: PackShelf):
    """``POST /pack``: keep the posted pack; its link and its delete link."""
    request = flask.request
    if request.content_length is not None and request.content_length > SHARE_LIMIT:
        return _error(f"the pack is too big to share: {request.content_length:,} bytes, "
                      f"the limit is {SHARE_LIMIT:,}", 413)  # fmt: skip
    body = request.stream.read(SHARE_LIMIT + 1)
    if len(body) > SHARE_LIMIT:
        return _error(f"the pack is too big to share: the limit is {SHARE_LIMIT:,} bytes", 413)
    try:
        pack = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(f"the pack is not valid JSON ({exc})")
    problem = pack_problem(pack)
    if problem:
        return _error(f"{_name(pack)}: {problem}")
    digest, token = shelf.put(canonical(pack))
    root = request.host_url
    return flask.jsonify({"hash": digest, "url": f"{root}?pack={digest}",
                          "delete": f"{root}pack/{digest}/delete?token={token}",
                          "days": shelf.ttl // 86400})  # fmt: skip


def _name(pack) -> str:
    name = pack.get("file") if isinstance(pack, dict) else None
    return name if isinstance(name, str) and name else "the pack"


def serve_pack(shelf: PackShelf, digest: str):
    """``GET /pack/<hash>.json``."""
    text = shelf.get(digest)
    if text is None:
        return _error(f"no shared pack {digest[:64]}: unknown, deleted or expired", 404)
    response = flask.Response(text, mimetype="application/json")
    response.cache_control.no_store = True
    return response


def delete_pack(shelf: PackShelf, digest: str):
    """``GET /pack/<hash>/delete?token=``: a page to confirm; ``POST``: the deletion."""
    request = flask.request
    token = request.values.get("token", "")
    if request.method == "GET":
        return flask.Response(
            "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Delete a shared pack</title>"
            f"<form method=post><p>Delete the shared pack {html.escape(digest[:12])}…?</p>"
            f"<input type=hidden name=token value=\"{html.escape(token)}\">"
            "<button>Delete</button></form></html>", mimetype="text/html")  # fmt: skip
    if not shelf.delete(digest, token):
        return _error("no shared pack with this hash and delete token", 404)
    return flask.jsonify({"deleted": digest})


def register_imports(app, manager=None, store=None) -> None:
    """Add the import and share routes to ``app`` (a Dash app).

    Parameters
    ----------
    app : dash.Dash
    manager : optional
        The background callback manager whose store keeps shared packs
        (:func:`components.export.jobs.store_of`).
    store : optional
        A store to use instead (tests: :class:`components.export.jobs.MemoryStore`).
    """
    server = app.server
    server.add_url_rule("/import", "import_file", upload, methods=["POST"])
    if store is None and manager is not None:
        from components.export.jobs import store_of

        store = store_of(manager)
    if store is None:
        return
    shelf = PackShelf(store, pack_days())
    server.add_url_rule("/pack", "share_pack", lambda: share(shelf), methods=["POST"])
    server.add_url_rule(
        "/pack/<digest>.json", "shared_pack", lambda digest: serve_pack(shelf, digest)
    )
    server.add_url_rule(
        "/pack/<digest>/delete",
        "delete_pack",
        lambda digest: delete_pack(shelf, digest),
        methods=["GET", "POST"],
    )
