"""Lesson handouts: a printable PDF of a period's key dates, with legend, scale and sources.

- :mod:`.dates`: the maps' dates (a period's key moments, evenly spaced days for the rest);
- :mod:`.content`: what a map shows on its day (the engine's rules), its caption, the quotes;
- :mod:`.view`: the one view of all the maps;
- :mod:`.model`: the handout as data (page layout, panels, legend, scale, sources);
- :mod:`.sheet`: the handout as HTML laid out for print;
- :mod:`.printing`: the maps from the export renderer, the PDF from Chromium's printToPDF;
- :mod:`.cli`: ``python app.py export --handout ...``.
"""
