"""The server's guards (issue 12, findings 2, 6, 7 and 8), through the app factory.

Each test first reproduces what the probe found (a 500, a 100 MB body taken, the page on any
path, no headers) and then checks the answer now given.
"""

from __future__ import annotations

import io
import json
import logging
import sys

import flask
import pytest
from dash.dependencies import Wildcard

import app as app_module
from components import server as guards
from components.export.jobs import make_manager
from components.page.ids import Id
from tests.fixtures import FIXTURE_DIR

#: What a crafted request could carry instead of what the page sends, for any input.
CRAFTED = (None, 12345, -1, 1e308, True, "x", "", "x" * 50_000, ["en"], [], [[[[]]]], {},
           {"day": "x"}, {"id": ["x"], "layer": 5}, {"a": {"b": {"c": None}}})  # fmt: skip
DISPATCH = "/_dash-update-component"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    manager = make_manager({"FEA_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    return app_module.create_app(FIXTURE_DIR, manager=manager)


@pytest.fixture
def client(app):
    return app.server.test_client()


# ----------------------------------------------------------------------------- payloads
def _layout_ids(app) -> list:
    return [c.id for c in app.layout._traverse() if getattr(c, "id", None) is not None]


def _concrete(app, dep_id, prop: str, value=None, with_value=False):
    """``{"id", "property"[, "value"]}`` of a dependency; a list for an ALL pattern, one
    entry per matching component of the layout."""

    def item(component_id):
        out = {"id": component_id, "property": prop}
        return {**out, "value": value} if with_value else out

    if isinstance(dep_id, dict) and any(isinstance(v, Wildcard) for v in dep_id.values()):
        fixed = {k: v for k, v in dep_id.items() if not isinstance(v, Wildcard)}
        return [item(i) for i in _layout_ids(app) if isinstance(i, dict)
                and all(i.get(k) == v for k, v in fixed.items())]  # fmt: skip
    return item(str(dep_id) if not isinstance(dep_id, dict) else dep_id)


def server_callbacks(app) -> dict:
    """Dash's request key and callback map entry of every callback that runs on the server."""
    return {key: cb for key, cb in app.callback_map.items() if cb.get("callback") is not None}


def payload(app, key: str, cb: dict, values: dict | None = None) -> dict:
    """The body the page would post for ``key``, with ``values`` (by input index) instead of
    ``None`` for the inputs and states."""
    values = values or {}
    outputs = cb["output"] if isinstance(cb["output"], list) else [cb["output"]]
    deps = [*cb["inputs"], *cb.get("state", [])]
    filled = [_concrete(app, d["id"], d["property"], values.get(i), with_value=True)
              for i, d in enumerate(deps)]  # fmt: skip
    shaped = [_concrete(app, o.component_id, o.component_property) for o in outputs]
    n_in = len(cb["inputs"])
    first = filled[0][0] if isinstance(filled[0], list) and filled[0] else filled[0]
    first_id = first.get("id") if isinstance(first, dict) else ""
    shown_id = json.dumps(first_id, sort_keys=True) if isinstance(first_id, dict) else first_id
    changed = [f"{shown_id}.{cb['inputs'][0]['property']}"]
    return {
        "output": key,
        "outputs": shaped if isinstance(cb["output"], list) else shaped[0],
        "inputs": filled[:n_in],
        "state": filled[n_in:],
        "changedPropIds": changed,
    }


def crafted_payloads(app):
    """(name, body) of crafted values in each input of every server callback, and broken
    bodies: an unknown input, a pattern index that is not one, fields missing or mistyped."""
    for key, cb in server_callbacks(app).items():
        name = getattr(cb["callback"], "__wrapped__", cb["callback"]).__name__
        deps = [*cb["inputs"], *cb.get("state", [])]
        for i, dep in enumerate(deps):
            for j, value in enumerate(CRAFTED):
                yield f"{name}:{dep['id']}.{dep['property']}={j}", payload(app, key, cb, {i: value})
        body = payload(app, key, cb)
        yield f"{name}:unknown input url.search", {**body, "inputs": [
            {"id": "url", "property": "search", "value": 12345}]}  # fmt: skip
        yield f"{name}:no inputs", {k: v for k, v in body.items() if k != "inputs"}
        yield f"{name}:inputs not a list", {**body, "inputs": "x"}
        yield f"{name}:outputs cut", {**body, "outputs": []}
        yield f"{name}:state missing", {k: v for k, v in body.items() if k != "state"}
    yield "pattern index 'x'", {
        "output": "guide-body.children", "outputs": {"id": "guide-body", "property": "children"},
        "inputs": [[{"id": {"type": Id.PERIOD_BUTTON.value, "index": "x"}, "property": "n_clicks",
                     "value": 1}]], "changedPropIds": []}  # fmt: skip
    yield "unknown output", {"output": "nothing.children", "inputs": [], "changedPropIds": [],
                             "outputs": {"id": "nothing", "property": "children"}}  # fmt: skip
    yield "a list body", [1, 2]
    yield "a string body", "x"
    yield "null body", None


def test_no_crafted_callback_payload_gets_a_500(app, client, caplog):
    """Finding 6: 18 of 32 crafted payloads gave bare 500s. Now: 200/204, or 400 with a
    short message (no traceback) and one log line."""
    caplog.set_level(logging.WARNING, logger="components.server")
    statuses, net = {}, []
    for name, body in crafted_payloads(app):
        caplog.clear()
        response = client.post(DISPATCH, data=json.dumps(body), content_type="application/json")
        statuses[name] = response.status_code
        text = response.get_data(as_text=True)
        assert response.status_code in (200, 204, 400), (name, response.status_code, text[:300])
        if response.status_code == 400:
            assert len(text) < 300 and "Traceback" not in text, (name, text)
            net.append(name)
        lines = [r for r in caplog.records if r.name == "components.server"]
        assert len(lines) == (1 if response.status_code == 400 else 0), name
        assert all("\n" not in r.getMessage() for r in lines)
    assert len(statuses) > 200
    # the page's own callbacks (components/page/callbacks.py) answer every crafted value of
    # their inputs themselves, in English: none reaches the net
    mine = ("chrome:", "export_chrome:", "details:")
    assert not [n for n in net if n.startswith(mine) and "=" in n]
    print(f"\n{len(statuses)} crafted payloads; {len(net)} answered 400 by the net:")
    for name in net:
        print("  ", name)


def test_a_crafted_language_gets_the_english_page_not_an_error(app, client):
    key, cb = next((k, c) for k, c in server_callbacks(app).items()
                   if c["callback"].__wrapped__.__name__ == "export_chrome")  # fmt: skip
    response = client.post(DISPATCH, json=payload(app, key, cb, {0: ["en"]}))
    assert response.status_code == 200
    assert response.json["response"]["export-heading"]["children"] == "Export"


def test_the_net_passes_prevent_update_and_http_errors_on():
    from dash.exceptions import PreventUpdate

    server = flask.Flask("t")

    def raising():
        raise {"p": PreventUpdate(), "v": ValueError("bad\nsecond line")}[flask.request.args["e"]]

    server.add_url_rule(DISPATCH, DISPATCH, raising, methods=["POST"])
    server.register_error_handler(PreventUpdate, lambda _e: ("", 204))
    guards.guard_dispatch(server)
    client = server.test_client()
    assert client.post(f"{DISPATCH}?e=p", json={}).status_code == 204
    response = client.post(f"{DISPATCH}?e=v", json={"output": "a.b"})
    assert response.status_code == 400 and "Traceback" not in response.get_data(as_text=True)
    assert response.get_data(as_text=True).count("\n") == 1


# ----------------------------------------------------------------------------- limits
def test_a_callback_body_over_1_mb_is_refused_before_it_is_read(client):
    """Finding 2: a 100 MB body was accepted."""
    response = client.post(DISPATCH, data=b"x" * (guards.BODY_LIMIT + 1),
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 413
    assert response.get_data(as_text=True) == (
        "the request body is too large: 1,048,577 bytes, at most 1,048,576 here\n"
    )


def test_a_body_without_a_length_is_cut_at_the_limit(client):
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder(path=DISPATCH, method="POST", content_type="application/json",
                             data=b" " * (2 * guards.MB)).get_environ()  # fmt: skip
    del environ["CONTENT_LENGTH"]  # sent chunked: the server learns the size as it reads
    body = _Counted(b" " * (2 * guards.MB))
    environ.update({"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True,
                    "wsgi.input": body})  # fmt: skip
    response = client.open(environ)
    assert response.status_code in (400, 413) and "Traceback" not in response.text
    assert body.taken <= guards.BODY_LIMIT + 64 * 1024  # read no further than the limit


class _Counted(io.BytesIO):
    taken = 0

    def read(self, n=-1):
        out = super().read(n)
        self.taken += len(out)
        return out

    def readline(self, n=-1):
        out = super().readline(n)
        self.taken += len(out)
        return out


def test_a_route_may_allow_larger_bodies_and_say_itself_what_was_too_big():
    server = flask.Flask("t")
    server.add_url_rule("/up", "up", lambda: str(len(flask.request.get_data())),
                        methods=["POST"])  # fmt: skip
    guards.allow_body(server, "/up", 3 * guards.MB)
    server.before_request(guards._check_request)
    server.register_error_handler(413, guards._too_large)
    client = server.test_client()
    assert client.post("/up", data=b"x" * (2 * guards.MB)).get_data() == b"2097152"
    response = client.post("/up", data=b"x" * (4 * guards.MB))
    assert response.status_code == 413 and b"3,145,728" in response.get_data()
    assert guards.body_limit(server, "/other") == guards.BODY_LIMIT


def test_the_import_route_takes_its_10_mb_and_callbacks_stay_at_1(app):
    assert guards.body_limit(app.server, "/import") > 10 * guards.MB
    assert guards.body_limit(app.server, DISPATCH) == guards.BODY_LIMIT


def test_a_5_mb_query_is_refused_in_one_line(client):
    """Finding 2: a 5 MB ``?layers=`` gave 92 MB of notices (the browser reads the query,
    assets/fea-1-core.js, and caps them; the server refuses such an address outright)."""
    response = client.get("/?layers=" + "x," * (5 * guards.MB // 2))
    assert response.status_code == 414 and len(response.get_data()) < 200
    assert client.get("/?date=1939-08-20&lang=ja&layers=events,places&view=118.5,47.6,6") \
        .status_code == 200  # fmt: skip


# ----------------------------------------------------------------------------- paths
@pytest.mark.parametrize("path", ["/nope", "/assets/../app.py", "/a/b/c", "/index.html",
                                  "/_dash-component-suites/dash/../../dash/__init__.py",
                                  "/_dash-component-suites/nosuchpackage/x.js"])  # fmt: skip
def test_unknown_paths_answer_404_without_a_traceback(client, caplog, path):
    """Finding 7: a traversal gave a 500 and a traceback; any path gave the page."""
    response = client.get(path)
    assert response.status_code == 404
    assert "Traceback" not in response.get_data(as_text=True)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_page_and_dash_routes_still_answer(client):
    for path in ("/", "/?date=1939-08-20", "/_dash-layout", "/_dash-dependencies",
                 "/basemap/borders-at/1921-01-01.geojson"):  # fmt: skip
        assert client.get(path).status_code == 200, path


def test_healthz_reports_layers_and_the_job_store(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["ok"] is True
    assert response.json["jobs"] == "ok" and response.json["layers"]["places"] > 0


def test_healthz_is_503_when_the_job_store_does_not_answer(tmp_path):
    from components.atlas.data import load_atlas

    class Unreachable:  # a manager whose backend refuses every call, as a Redis that is down
        handle = property(lambda self: (_ for _ in ()).throw(ConnectionError("refused")))

    report, status = guards.health(load_atlas(FIXTURE_DIR), Unreachable())
    assert status == 503 and report["jobs"].startswith("unreachable: ConnectionError: refused")
    report, status = guards.health(load_atlas(tmp_path), None)  # no layers built
    assert status == 503 and not any(report["layers"].values())


# ----------------------------------------------------------------------------- headers
def test_security_headers_and_no_version_disclosed(client):
    """Finding 8: no CSP, nosniff, framing or referrer policy; versions disclosed."""
    response = client.get("/")
    csp = dict(part.strip().split(" ", 1) for part in
               response.headers["Content-Security-Policy"].split(";"))  # fmt: skip
    assert csp["default-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert csp["worker-src"] == "'self' blob:" and csp["img-src"] == "'self' data: blob:"
    assert "'unsafe-inline'" in csp["style-src"] and "'unsafe-inline'" not in csp["script-src"]
    assert "'sha256-" in csp["script-src"] and "http" not in response.headers[
        "Content-Security-Policy"]  # fmt: skip
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # no forced HTTPS
    page = response.get_data(as_text=True)
    assert "python_version" not in page and sys.version not in page


def test_the_development_server_does_not_name_werkzeug_nor_python(app):
    import http.client
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app.server, request_handler=guards.QuietRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        response.read()
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert response.status == 200
    assert response.headers.get_all("Server") == [guards.SERVER_NAME]


def test_the_server_clears_export_profiles_left_by_killed_renderers(tmp_path, monkeypatch):
    import subprocess
    import tempfile

    from components.export.profiles import PREFIX

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left = tmp_path / f"{PREFIX}{int(done.stdout)}-x"
    (left / "Default").mkdir(parents=True)
    app_module.create_app(FIXTURE_DIR)
    assert not left.exists()


def _request(method: str, path: str):
    return type("Request", (), {"method": method, "path": path, "full_path": path + "?"})


def test_static_files_are_compressed_once_and_callbacks_never_kept(monkeypatch):
    """A worker compresses a static file once (the Plotly bundle cost most of a first visit
    under load); a callback's answer is never taken from the cache."""
    import flask_compress.flask_compress as compressor

    from app import create_app
    from components import server as guards
    from tests.fixtures import FIXTURE_DIR

    compressed = []
    real = compressor._compress_data

    def counted(app, data, algorithm):
        compressed.append(len(data))
        return real(app, data, algorithm)

    monkeypatch.setattr(compressor, "_compress_data", counted)
    client = create_app(FIXTURE_DIR).server.test_client()
    gzip = {"Accept-Encoding": "gzip"}
    first = client.get("/assets/vendor/plotly-map.min.js", headers=gzip)
    second = client.get("/assets/vendor/plotly-map.min.js", headers=gzip)
    assert first.headers["Content-Encoding"] == "gzip" and first.data == second.data
    assert len(first.data) > 100_000
    assert len(compressed) == 1  # the second visit got the kept body
    assert guards.compress_cache_key(_request("POST", "/_dash-update-component")) == ""
    day = "/basemap/borders-at/1939-08-20.geojson"
    assert guards.compress_cache_key(_request("GET", day)) == ""
    assert guards.compress_cache_key(_request("GET", "/assets/atlas.css")) == "/assets/atlas.css?"
