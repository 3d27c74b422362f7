"""Boundary lines and regions the period borders are cut with, declared as point lists.

Where a period boundary runs across land and is not a modern border, it is declared here as a
list of ``(lon, lat)`` points and closed into a region through the sea or through neighbouring
land that the region is never applied to. Every line is approximate: it is drawn from the
treaty or administrative limit it names, through places whose side of the line is known, not
surveyed. Where a boundary is also today's (the Amur, the Tumen, the Yalu, Mongolia's
borders), it is not declared here: the modern WDBII line is used (see
:mod:`geodata.basemap.modern`).

``SEEDS`` are points inside the modern land faces the units are built from.
"""

from __future__ import annotations

# Points inside modern land faces (one per face; the face is the polygon containing it).
SEEDS = {
    "RUS": (37.6, 55.75), "KAZ": (71.4, 51.1), "UZB": (69.2, 41.3), "TKM": (58.4, 37.9),
    "KGZ": (74.6, 42.9), "TJK": (68.8, 38.6), "AZE": (49.9, 40.4), "GEO": (44.8, 41.7),
    "ARM": (44.5, 40.2), "UKR": (30.5, 50.45), "BLR": (27.5, 53.9), "MDA": (28.8, 47.0),
    "EST": (24.7, 59.4), "LVA": (24.1, 56.95), "LTU": (25.3, 54.7),
    "CHN": (116.4, 39.9), "MNG": (106.9, 47.9), "PRK": (125.75, 39.0), "KOR": (127.0, 37.55),
}  # fmt: skip

# The Soviet-Polish line of the Treaty of Riga (1921), north to south, from the Latvian
# border to the Zbruch's mouth on the Dniester: west of Polotsk and Minsk (Soviet), east of
# Baranovichi, Sarny and Rivne (Polish), then down the Zbruch.
RIGA_LINE = [
    (28.25, 56.2), (27.95, 55.75), (27.55, 55.1), (27.3, 54.4), (27.2, 53.95), (27.05, 53.6),
    (27.1, 53.2), (27.55, 52.7), (27.75, 52.2), (27.6, 51.7), (27.45, 51.2), (27.35, 50.65),
    (27.0, 50.25), (26.45, 49.9), (26.15, 49.5), (26.2, 49.0), (26.35, 48.55),
]  # fmt: skip
WEST_OF_RIGA_LINE = [*RIGA_LINE, (26.0, 48.2), (20.0, 48.2), (20.0, 56.2)]

# The Far Eastern Republic (1920-1922): the former Transbaikal, Amur, Primorye and Kamchatka
# oblasts and north Sakhalin. West: down the middle of Lake Baikal, then south along the
# Khamar-Daban to the Mongolian border (Irkutsk stayed with Soviet Russia). North: the old
# limit of Yakutsk oblast along the Stanovoy and Dzhugdzhur ranges; the Okhotsk coast and
# Kamchatka were Kamchatka oblast. South and east it runs through China, Mongolia and the sea,
# where it is never applied.
FER_WEST_LINE = [
    (104.9, 49.8), (105.0, 51.45), (104.8, 51.65), (105.6, 52.1), (106.6, 52.7),
    (107.6, 53.3), (108.4, 54.1), (109.2, 55.0), (109.45, 55.7),
]  # fmt: skip
FER_NORTH_LINE = [
    (110.5, 56.4), (113.0, 57.0), (116.5, 56.9), (120.0, 56.4), (124.0, 56.2), (128.0, 55.8),
    (132.0, 55.9), (135.0, 56.8), (137.5, 58.2), (140.0, 60.3), (143.5, 61.8), (147.5, 62.6),
    (151.0, 63.2), (155.0, 63.5),
]  # fmt: skip
FER_REGION = [*FER_WEST_LINE, *FER_NORTH_LINE, (155.0, 40.0), (128.0, 38.0), (105.0, 45.0)]

# Tuva (Uryankhay): the basin of the upper Yenisei, closed by the crest of the Western and
# Eastern Sayan to the north and the Shapshal range to the west; the south side runs into
# Mongolia and takes the modern Russia-Mongolia line.
TUVA_NORTH_LINE = [
    (89.3, 49.4), (88.85, 50.3), (89.3, 51.2), (90.6, 52.05), (91.8, 52.4), (93.2, 52.75),
    (94.6, 53.1), (96.0, 53.6), (97.1, 53.75), (98.0, 53.3), (98.8, 52.6), (99.3, 52.0),
    (99.2, 51.2),
]  # fmt: skip
TUVA_REGION = [*TUVA_NORTH_LINE, (99.0, 48.5), (89.3, 48.5)]

# China proper / Manchuria. The Great Wall from Shanhaiguan west to Gubeikou and beyond (the
# line of the Tanggu Truce, 1933), then the western limit of Rehe and of the Hsingan
# provinces north to the Mongolian border near the Khalkhin Gol.
GREAT_WALL_LINE = [
    (119.8, 39.95), (119.6, 40.12), (119.0, 40.25), (118.3, 40.42), (117.6, 40.38),
    (117.15, 40.68), (116.6, 40.95), (116.25, 41.05),
]  # fmt: skip
REHE_WEST_LINE = [(116.3, 41.55), (116.9, 42.1), (117.2, 42.7), (117.7, 43.4)]
HSINGAN_WEST_LINE = [(118.4, 44.3), (119.2, 45.2), (119.7, 46.0), (119.85, 46.9)]
# Fengtian against Rehe: east of Chaoyang, Lingyuan and Chifeng (Rehe), west of Jinzhou and
# Xinmin (Fengtian), north to the Jirim league.
FENGTIAN_REHE_LINE = [
    (119.8, 39.95), (120.35, 40.55), (120.95, 41.25), (121.5, 41.9), (121.9, 42.6),
    (121.6, 43.3), (120.6, 43.9), (119.5, 44.1), (118.4, 44.3),
]  # fmt: skip
_MANCHURIA_OUTSIDE = [  # through Mongolia, Russia, Korea and the sea, never applied
    (117.0, 47.3), (115.0, 48.0), (115.0, 54.5), (136.0, 54.5), (136.0, 41.0), (126.5, 38.3),
    (123.0, 38.2), (121.0, 38.0), (119.9, 39.6),
]  # fmt: skip
MANCHURIA_REGION = [*FENGTIAN_REHE_LINE, *HSINGAN_WEST_LINE, *_MANCHURIA_OUTSIDE]
REHE_REGION = [
    *GREAT_WALL_LINE,
    *REHE_WEST_LINE,
    (118.4, 44.3),
    *reversed(FENGTIAN_REHE_LINE[:-1]),
]

# The Kwantung Leased Territory: the tip of the Liaodong peninsula south of a line from the
# head of Pulandian Bay to Pikou (Pitsewo) on the Korea Bay.
KWANTUNG_LINE = [(121.55, 39.5), (121.95, 39.55), (122.4, 39.42)]
KWANTUNG_REGION = [*KWANTUNG_LINE, (122.9, 39.2), (122.9, 38.5), (120.9, 38.5), (120.9, 39.4)]

# Sakhalin at the 50th parallel (Treaty of Portsmouth, 1905).
KARAFUTO_REGION = [(140.5, 45.7), (145.5, 45.7), (145.5, 50.0), (140.5, 50.0)]
NORTH_SAKHALIN_REGION = [(140.5, 50.0), (145.5, 50.0), (145.5, 54.6), (140.5, 54.6)]

# Korea at the 38th parallel (the Soviet and US occupation zones, August-September 1945).
KOREA_NORTH_OF_38 = [(123.5, 38.0), (131.5, 38.0), (131.5, 43.5), (123.5, 43.5)]
KOREA_SOUTH_OF_38 = [(123.5, 38.0), (131.5, 38.0), (131.5, 32.5), (123.5, 32.5)]

# Island groups: an island (land with no land border) goes to the group whose region holds
# its representative point.
RUSSIA_ISLANDS = [
    (28.0, 66.0), (28.0, 74.0), (150.0, 74.0), (150.0, 45.6), (145.3, 45.6), (141.6, 45.75),
    (138.5, 43.5), (131.0, 42.45), (130.6, 42.2), (130.0, 50.0), (60.0, 50.0), (40.0, 62.0),
]  # fmt: skip
JAPAN_ISLANDS = [
    (122.5, 23.5), (131.0, 24.0), (143.5, 24.0), (145.35, 43.0), (145.35, 45.0),
    (141.8, 45.7), (139.0, 45.6), (135.5, 40.5), (131.0, 37.0), (129.6, 35.1), (129.0, 34.2),
    (127.8, 33.0), (125.5, 31.0),
]  # fmt: skip
KURIL_ISLANDS = [(145.4, 43.0), (150.5, 43.0), (157.0, 50.0), (157.0, 51.5), (155.5, 51.5),
                 (145.4, 45.0)]  # fmt: skip
KOREA_ISLANDS = [
    (124.0, 39.75), (126.0, 40.2), (129.8, 41.0), (131.5, 38.5), (131.5, 37.0), (129.0, 34.9),
    (128.7, 34.6), (127.5, 33.0), (125.5, 32.8), (123.8, 34.0),
]  # fmt: skip
TAIWAN_ISLANDS = [(119.0, 21.5), (122.3, 21.5), (122.3, 25.7), (119.0, 25.7)]
CHINA_ISLANDS = [
    (107.95, 21.55), (107.4, 18.0), (111.5, 17.5), (117.5, 22.0), (122.3, 21.5),
    (122.3, 25.8), (123.3, 28.5), (123.3, 31.0), (122.9, 37.0), (123.2, 38.5),
    (124.05, 39.75), (119.0, 41.0), (110.0, 30.0),
]  # fmt: skip
