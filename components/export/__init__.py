"""Teaching exports made offline: PNG, animated GIF, PNG frames and a standalone HTML page.

- :mod:`components.export.render`: the export figure (title, date, legend, attribution).
- :mod:`components.export.kaleido_batch`: one warm Chromium (kaleido's) for a whole batch.
- :mod:`components.export.gif`: frames to an animated GIF or a folder of PNGs.
- :mod:`components.export.html`: the standalone page (no server, no network).
- :mod:`components.export.cli`: ``python app.py export ...`` (``main(argv) -> int``).
"""
