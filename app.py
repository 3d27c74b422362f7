"""Far East Atlas: the Dash app.

``python app.py --port 8050 [--host 127.0.0.1]`` serves it; ``gunicorn app:server`` runs it
with several workers (the app keeps no per-user state on the server: each page holds its own
state in the browser). :func:`create_app` builds a fresh app, for tests and other tools.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from pathlib import Path

import dash
import flask

from components.atlas.data import load_atlas
from components.basemap.borders import borders_at_text
from components.basemap.style import basemap_style
from components.export.frames import frame_renderer
from components.export.jobs import celery_app_of, make_manager
from components.page import imports
from components.page.callbacks import register
from components.page.imports import register_imports
from components.page.layout import build_layout
from components.server import (
    AtlasDash,
    QuietRequestHandler,
    allow_body,
    cache_compressed_static,
    harden,
)
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR

#: The built basemap files the browser may load (``geodata/layers/basemap``), by name.
BASEMAP_FILE = re.compile(r"^[a-z0-9_]+\.(geojson|json|jpg)$")
ASSETS = Path(__file__).resolve().parent / "assets"
#: What Flask-Compress compresses: its defaults plus GeoJSON (the basemap's layers).
COMPRESSED = ["text/html", "text/css", "text/xml", "text/javascript", "application/json",
              "application/javascript", "application/geo+json", "image/svg+xml"]  # fmt: skip
#: Dash's page. Plotly.js comes with the page's scripts: ``assets/vendor/plotly-map.min.js``
#: (core and scattermap only, 3 MB instead of 4.8; see ``tools/plotly-bundle``) sets
#: ``window.Plotly``, which ``dcc.Graph`` then uses instead of loading the full bundle.
INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def buffer_static_files(response):
    """Read a streamed static file into memory and close it, so it is compressed whole.

    Flask-Compress would otherwise stream it through zstd and leave the file open.
    """
    if response.direct_passthrough and response.is_streamed and response.status_code == 200:
        body = b"".join(response.response)
        close = getattr(response.response, "close", None)
        if close is not None:
            close()
        response.direct_passthrough = False
        response.set_data(body)
    return response


def serve_basemap(name: str):
    """The built basemap files the browser loads (one copy, in ``geodata/layers/basemap``)."""
    if not BASEMAP_FILE.match(name) or not (BASEMAP_DIR / name).is_file():
        flask.abort(404)
    return flask.send_from_directory(BASEMAP_DIR, name, max_age=3600)


def serve_borders_at(date: str):
    """The units standing on ``date`` (``/basemap/borders-at/<date>.geojson``); 404 with the
    reason for a date that is not an ISO day in the atlas period."""
    try:
        body = borders_at_text(date)
    except (ValueError, FileNotFoundError) as err:
        return flask.Response(f"{err}\n", status=404, mimetype="text/plain")
    response = flask.Response(body, mimetype="application/geo+json")
    response.cache_control.max_age = 3600
    return response


def create_app(layers_dir: str | Path | None = None, manager=None) -> dash.Dash:
    """Build the atlas app.

    Parameters
    ----------
    layers_dir : str or Path, optional
        Where the GeoJSON layers are (default ``$FEA_LAYERS_DIR`` or ``geodata/layers``).
    manager : optional
        Dash's background callback manager for the animation export (default
        :func:`components.export.jobs.make_manager`: DiskCache, or Celery when configured).

    Returns
    -------
    dash.Dash
        Serves everything itself (Plotly.js, scripts, styles): nothing comes from another host.

    Examples
    --------
    >>> create_app(FIXTURE_DIR).title
    'Far East Atlas'
    """
    atlas = load_atlas(layers_dir)
    manager = manager if manager is not None else make_manager()
    server = flask.Flask(__name__)
    server.config["COMPRESS_MIMETYPES"] = COMPRESSED
    cache_compressed_static(server)
    app = AtlasDash(
        __name__,
        server=server,
        title="Far East Atlas",
        assets_folder=str(ASSETS),
        serve_locally=True,
        compress=True,
        update_title=None,
        index_string=INDEX,
        background_callback_manager=manager,
    )
    app.server.after_request(buffer_static_files)  # runs before Flask-Compress's hook
    app.server.add_url_rule("/basemap/<name>", "basemap", serve_basemap)
    app.server.add_url_rule("/basemap/borders-at/<date>.geojson", "borders_at", serve_borders_at)
    app.layout = build_layout(atlas, style=basemap_style())
    register(app, atlas, manager, frame_renderer(atlas))
    register_imports(app, manager)  # /import, /pack: the reader's own data (issue 13)
    allow_body(app.server, "/import", imports.UPLOAD_LIMIT + imports.ENVELOPE)  # else 1 MB
    allow_body(app.server, "/pack", imports.SHARE_LIMIT)
    harden(app, atlas, manager)  # limits, 404s, /healthz, headers: once all is registered
    return app


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python app.py [--host H] [--port N]`` serves the atlas;
    ``python app.py export ...`` writes a PNG, a GIF, frames or a standalone page
    (:mod:`components.export.cli`). Returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["export"]:
        from components.export.cli import main as export_main  # only the exporter's imports

        return export_main(argv[1:])
    parser = argparse.ArgumentParser(
        description="Serve the Far East Atlas (or: app.py export --help)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--layers", default=None, help="folder of the GeoJSON layers")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)
    app = _default()[0] if args.layers is None else create_app(args.layers)
    app.run(host=args.host, port=args.port, debug=args.debug, request_handler=QuietRequestHandler)
    return 0


@functools.cache
def _default() -> tuple[dash.Dash, object]:
    manager = make_manager()
    return create_app(manager=manager), celery_app_of(manager)


def __getattr__(name: str):
    """``server`` (WSGI, for ``gunicorn app:server``) and ``celery_app`` (Celery's app when
    ``FEA_CELERY_BROKER`` is set, for ``celery -A app:celery_app worker``; else None), built
    on first use so that importing this module, or exporting, does not build a server."""
    if name == "server":
        return _default()[0].server
    if name == "celery_app":
        return _default()[1]
    raise AttributeError(f"module 'app' has no attribute {name!r}")


if __name__ == "__main__":
    sys.exit(main())
