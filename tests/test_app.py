"""The app factory: served locally, compressed, callbacks registered, WSGI server."""

import app as app_module
from tests.fixtures import FIXTURE_DIR


def test_create_app_serves_the_page_with_everything_local():
    app = app_module.create_app(FIXTURE_DIR)
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    # Plotly.js comes as the small vendored bundle, not the full one
    assert "/assets/vendor/plotly-map.min.js" in page and "/plotly.min.js" not in page
    assert "https://" not in page.split("_dash-config")[0]
    layout = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert layout.status_code == 200 and layout.headers["Content-Encoding"] == "gzip"
    assert len(app.callback_map) >= 5


def test_static_files_are_compressed_and_closed():
    client = app_module.create_app(FIXTURE_DIR).server.test_client()
    engine = sorted(app_module.ASSETS.glob("fea-*.js"))[0].name  # the engine's first script
    response = client.get(f"/assets/{engine}", headers={"Accept-Encoding": "gzip, zstd"})
    assert response.status_code == 200 and response.headers["Content-Encoding"] in ("gzip", "zstd")
    response.close()


def test_module_exposes_a_wsgi_server():
    assert callable(app_module.server.wsgi_app)


def test_background_jobs_use_diskcache_unless_celery_is_configured(tmp_path):
    import os

    from components.export.jobs import make_manager

    manager = make_manager({"FEA_CACHE_DIR": str(tmp_path)})
    app = app_module.create_app(FIXTURE_DIR, manager=manager)
    assert type(manager).__name__ == "DiskcacheManager"
    # jobs run outside Dash's callbacks (polled and downloaded through routes of their own)
    assert not [cb for cb in app.callback_map.values() if cb.get("background")]
    if not os.environ.get("FEA_CELERY_BROKER"):
        assert app_module.celery_app is None


def test_the_app_is_hardened_once_everything_is_registered():
    from components.server import AtlasDash

    app = app_module.create_app(FIXTURE_DIR)
    assert isinstance(app, AtlasDash)
    client = app.server.test_client()
    assert client.get("/healthz").json["ok"] is True
    assert "Content-Security-Policy" in client.get("/").headers
    assert client.get("/no-such-page").status_code == 404


def test_borders_of_a_day_are_served_and_bad_dates_get_the_reason():
    client = app_module.create_app(FIXTURE_DIR).server.test_client()
    response = client.get("/basemap/borders-at/1921-01-01.geojson")
    assert response.status_code == 200 and response.mimetype == "application/geo+json"
    assert "Far Eastern Republic" in response.get_data(as_text=True)
    response = client.get("/basemap/borders-at/1921-02-30.geojson")
    assert response.status_code == 404 and "1921-02-30" in response.get_data(as_text=True)
    # outside the borders' coverage: no units, never an error
    response = client.get("/basemap/borders-at/1947-01-01.geojson")
    assert response.status_code == 200 and response.json["features"] == []


def test_vendored_plotly_is_the_version_plotly_python_writes_figures_for():
    import re

    from plotly.offline import get_plotlyjs_version

    head = (app_module.ASSETS / "vendor" / "plotly-map.min.js").read_text(encoding="utf-8")[:200]
    vendored = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", head).group(1)
    # rebuild with tools/plotly-bundle (make plotly-bundle) when plotly is upgraded
    assert vendored.split(".")[:2] == get_plotlyjs_version().split(".")[:2]
