"""The routes of the reader's own data (components/page/imports.py): upload, share, delete.

Every answer is JSON with a 4xx status and a message naming the file when something is wrong;
nothing is kept by an upload; a shared pack is named by its SHA-256 and deleted only with its
token.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from dash import Dash, html

from components.export.jobs import DiskStore, MemoryStore
from components.page import imports
from components.page.imports import PackShelf, canonical, pack_problem, register_imports

PACK = {
    "type": "FeatureCollection", "pack": 1, "name": "Class trip", "file": "trip.csv",
    "format": "atlas-csv", "span": {"start": "1920-01-01", "end": "1920-12-31"}, "tour": [],
    "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [131.9, 43.1]},
        "properties": {"id": "a", "layer": "events", "start": "1920-04-04", "end": "1920-04-05",
                       "precision": "day", "approximate": False, "names": {"en": "Landing"},
                       "source": [{"document": "trip.csv", "quote": "Landing", "row": 2}]},
    }],
}  # fmt: skip


@pytest.fixture
def client():
    app = Dash(__name__)
    app.layout = html.Div()
    register_imports(app, store=MemoryStore())
    return app.server.test_client()


def test_an_upload_without_a_file_is_told():
    app = Dash(__name__)
    app.layout = html.Div()
    register_imports(app)
    response = app.server.test_client().post("/import", data={})
    assert response.status_code == 400
    assert "form field 'file'" in response.get_json()["error"]


def multipart(name: str, data: bytes) -> dict:
    """A POST's keywords carrying ``data`` as the form's file (built here: Werkzeug's test
    builder spools big files to a temporary file it leaves open)."""
    body = (
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="'
        + name.encode()
        + b'"\r\nContent-Type: text/csv\r\n\r\n'
        + data
        + b"\r\n--B--\r\n"
    )
    return {"data": body, "content_type": "multipart/form-data; boundary=B"}


def test_a_file_over_10_mb_is_refused_before_it_is_read(client):
    big = b"x" * (imports.UPLOAD_LIMIT + imports.ENVELOPE + 1)
    response = client.post("/import", **multipart("big.csv", big))
    assert response.status_code == 413
    assert "10 MB" in response.get_json()["error"]


def test_a_file_just_over_10_mb_in_a_small_envelope_is_refused_naming_it(client):
    big = b"x" * (imports.UPLOAD_LIMIT + 10)
    response = client.post("/import", **multipart("../../etc/big.csv", big))
    assert response.status_code == 413
    assert response.get_json()["error"].startswith("big.csv: too big")


def test_a_shared_pack_is_named_by_its_sha256_and_served_back(client):
    response = client.post("/pack", data=json.dumps(PACK), content_type="application/json")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["hash"] == hashlib.sha256(canonical(PACK)).hexdigest()
    assert body["url"].endswith(f"/?pack={body['hash']}") and body["days"] == 30
    served = client.get(f"/pack/{body['hash']}.json")
    assert served.status_code == 200 and served.get_json() == PACK


def test_a_shared_pack_is_deleted_with_its_token_only(client):
    body = client.post("/pack", json=PACK).get_json()
    path, token = body["delete"].split("/", 3)[3].split("?token=")
    assert client.get(f"/{path}?token={token}").status_code == 200  # the page to confirm
    assert client.get(f"/pack/{body['hash']}.json").status_code == 200  # a GET deletes nothing
    assert client.post(f"/{path}", data={"token": "guess"}).status_code == 404
    assert client.post(f"/{path}", data={"token": token}).get_json() == {"deleted": body["hash"]}
    gone = client.get(f"/pack/{body['hash']}.json")
    assert gone.status_code == 404 and "unknown, deleted or expired" in gone.get_json()["error"]


def test_sharing_the_same_pack_twice_gives_two_tokens_that_both_delete(client):
    first = client.post("/pack", json=PACK).get_json()
    second = client.post("/pack", json=PACK).get_json()
    assert first["hash"] == second["hash"] and first["delete"] != second["delete"]
    path, token = first["delete"].split("/", 3)[3].split("?token=")
    assert client.post(f"/{path}", data={"token": token}).status_code == 200


@pytest.mark.parametrize(("body", "message"), [
    ("{not json", "not valid JSON"),
    ("[]", "expected a pack"),
    (json.dumps({**PACK, "pack": 2}), "expected pack format 1"),
    (json.dumps({**PACK, "features": [{"properties": {**PACK["features"][0]["properties"],
                                                      "start": "1920"}}]}),
     "trip.csv: feature 1: expected 'start' as YYYY-MM-DD"),
])  # fmt: skip
def test_a_crafted_pack_is_refused_with_what_was_wrong(client, body, message):
    response = client.post("/pack", data=body, content_type="application/json")
    assert response.status_code == 400 and message in response.get_json()["error"]


def test_a_pack_over_the_share_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr(imports, "SHARE_LIMIT", 100)
    response = client.post("/pack", json=PACK)
    assert response.status_code == 413 and "too big to share" in response.get_json()["error"]


def test_an_unknown_or_malformed_hash_is_a_404_in_json(client):
    for path in ("/pack/" + "0" * 64 + ".json", "/pack/xyz.json"):
        response = client.get(path)
        assert response.status_code == 404 and "error" in response.get_json()


def test_packs_are_kept_in_diskcache_with_their_own_expiry(tmp_path):
    diskcache = pytest.importorskip("diskcache")
    with diskcache.Cache(str(tmp_path)) as cache:
        shelf = PackShelf(DiskStore(cache), days=30)
        digest, token = shelf.put(canonical(PACK))
        _, expire = cache.get(imports.KEY + digest, expire_time=True)
        import time

        assert 29.9 * 86400 < expire - time.time() <= 30 * 86400
        assert json.loads(shelf.get(digest)) == PACK
        assert shelf.delete(digest, token) and shelf.get(digest) is None


def test_pack_days_reads_the_setting():
    assert imports.pack_days({"FEA_PACK_DAYS": "2"}) == 2
    with pytest.raises(ValueError, match="FEA_PACK_DAYS: expected a whole number"):
        imports.pack_days({"FEA_PACK_DAYS": "soon"})


def test_pack_problem_names_the_feature():
    bad = {**PACK, "features": [PACK["features"][0], {"properties": {"layer": "events"}}]}
    assert pack_problem(bad) == "feature 2: expected an 'id'"


LESSON = (b"layer,id,date,lat,lon,name_en,source,quote\n"
          b"events,e1,1920-04-04,43.1,131.9,Landing,trip.csv,We landed\n"
          b"events,e2,1920-13-04,43.1,131.9,Bad month,trip.csv,x\n")  # fmt: skip


def test_an_upload_returns_the_pack_and_the_report_and_keeps_nothing(client, tmp_path):
    response = client.post("/import", **multipart("lesson.csv", LESSON))
    assert response.status_code == 200
    body = response.get_json()
    assert [f["properties"]["id"] for f in body["pack"]["features"]] == ["e1"]
    assert body["pack"]["file"] == "lesson.csv"
    assert body["report"]["features"] == 1 and body["report"]["skipped"] == 1
    assert (
        body["report"]["errors"][0]["line"] == 3 and body["report"]["errors"][0]["field"] == "date"
    )


def test_a_file_the_importer_cannot_read_is_a_4xx_naming_it(client):
    response = client.post("/import", **multipart("notes.bin", b"\x00\x01\x02 not a table"))
    assert 400 <= response.status_code < 500
    assert "notes.bin" in response.get_json()["error"]


def test_an_unknown_format_asked_for_is_a_4xx_naming_it(client):
    body = multipart("lesson.csv", LESSON)
    body["data"] = (
        b'--B\r\nContent-Disposition: form-data; name="format"\r\n\r\nkml\r\n' + body["data"]
    )
    response = client.post("/import", **body)
    assert 400 <= response.status_code < 500 and "kml" in response.get_json()["error"]


def test_the_panel_links_the_importers_template_which_the_app_serves():
    from app import create_app
    from components.page.import_panel import TEMPLATE, import_panel
    from tests.fixtures import FIXTURE_DIR

    assert import_panel("en").children[2].href == TEMPLATE
    response = create_app(FIXTURE_DIR).server.test_client().get(TEMPLATE)
    assert response.status_code == 200 and response.data[:2] == b"PK"  # an XLSX is a zip
    response.close()
