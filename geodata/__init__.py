"""Far East Atlas data pipeline: cited records, the historical gazetteer, geocoding, layers.

This package never imports Dash or the app's components: data flows one way, into the app.

>>> from geodata import geocode
>>> geocode("Hsinking").name
'Changchun'
"""

from geodata.geocode import GeocodeError, Match, geocode, suggest
from geodata.layers import LAYER_NAMES, build_layers, write_layers
from geodata.records import RecordsError, load_records

__all__ = [
    "LAYER_NAMES", "GeocodeError", "Match", "RecordsError", "build_layers", "geocode",
    "load_records", "suggest", "write_layers",
]  # fmt: skip
