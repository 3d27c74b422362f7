"""The political units of 1917-1946, declared as data, and the period lookup.

Each unit has one or more periods (inclusive ISO ``YYYY-MM-DD`` days, never epoch numbers),
names in the four languages, the building blocks (:data:`PARTS`) its shape is made of, a label
point and a note on how the shape was drawn. Every shape is approximate. Shapes are derived in
:mod:`geodata.basemap.shapes`: a unit takes the land of its parts less the land of every unit
listed before it in :data:`UNITS` that exists on the same day (``overlay`` units, occupations
drawn over a state, take nothing away).
"""

from __future__ import annotations

from geodata.basemap import regions as R
from geodata.basemap.periods import (
    ATLAS_END,
    ATLAS_START,
    Part,
    Period,
    Unit,
    UnitPeriod,
    check_day,
)  # fmt: skip
from geodata.dates import next_day


def _t(points) -> tuple[tuple[float, float], ...]:
    return tuple(tuple(p) for p in points)


SOVIET_FACES = ("RUS", "KAZ", "UZB", "KGZ", "AZE")  # RUS also holds Georgia and Armenia
PARTS = {
    "soviet-core": Part(SOVIET_FACES + ("UKR", "BLR"), _t(R.RUSSIA_ISLANDS),
                        outside=_t(R.WEST_OF_RIGA_LINE)),
    "west-ukraine-belarus": Part(("UKR", "BLR"), within=_t(R.WEST_OF_RIGA_LINE)),
    "bessarabia": Part(("MDA",)),
    "baltic": Part(("EST", "LVA")),  # the LVA face also holds Lithuania
    "fer-lands": Part(("RUS",), _t(R.RUSSIA_ISLANDS), within=_t(R.FER_REGION)),
    "tuva-lands": Part(("RUS",), within=_t(R.TUVA_REGION)),
    "south-sakhalin": Part(islands=_t(R.RUSSIA_ISLANDS), within=_t(R.KARAFUTO_REGION)),
    "north-sakhalin": Part(islands=_t(R.RUSSIA_ISLANDS), within=_t(R.NORTH_SAKHALIN_REGION)),
    "kurils": Part(islands=_t(R.KURIL_ISLANDS)),
    "japan-home": Part(islands=_t(R.JAPAN_ISLANDS)),
    "korea-land": Part(("PRK", "KOR"), _t(R.KOREA_ISLANDS)),
    "korea-north": Part(("PRK", "KOR"), _t(R.KOREA_ISLANDS), within=_t(R.KOREA_NORTH_OF_38)),
    "korea-south": Part(("PRK", "KOR"), _t(R.KOREA_ISLANDS), within=_t(R.KOREA_SOUTH_OF_38)),
    "taiwan-island": Part(islands=_t(R.TAIWAN_ISLANDS)),
    "kwantung-land": Part(("CHN",), _t(R.CHINA_ISLANDS), within=_t(R.KWANTUNG_REGION)),
    "china-core": Part(("CHN",), _t(R.CHINA_ISLANDS)),
    "manchuria": Part(("CHN",), _t(R.CHINA_ISLANDS), within=_t(R.MANCHURIA_REGION)),
    "rehe": Part(("CHN",), within=_t(R.REHE_REGION)),
    "outer-mongolia": Part(("MNG",)),
}  # fmt: skip


def _names(en: str, zh: str, ja: str, ru: str) -> dict:
    return {"en": en, "zh": zh, "ja": ja, "ru": ru}


_SOVIET_NOTE = (
    "Approximate. Drawn from the modern WDBII borders of the former Soviet republics, cut "
    "along the Riga line of 1921 (a list of points, west of Polotsk and Minsk, down the "
    "Zbruch) until September 1939. The borders in flux during the Civil War (Finland, the "
    "Baltic, Poland, Ukraine, the Caucasus, Central Asia, 1917-1921) are not drawn: the 1921 "
    "line is shown from 1917, and Soviet control of Siberia and the Far East in 1918-1922 was "
    "partial (see the intervention layers). The Karelian and Petsamo changes with Finland and "
    "Kaliningrad (1945) are not drawn."
)
_SAKHALIN_SOURCE = {
    "document": "001_3b66db8a6edcebbc.txt",
    "quote": "北樺太の駐兵は、1925年の日ソ基本条約で日ソ国交が開かれるまで続けた",
}
UNITS = (
    Unit("kwantung", "japan", "leased", (121.65, 39.05), (
        "Approximate. The tip of the Liaodong peninsula south of a line from the head of "
        "Pulandian Bay to Pikou (a list of points), leased to Japan by the Treaty of "
        "Portsmouth (1905); its islands are those within that region."), (
        Period("1905-09-05", "1945-08-22", _names(
            "Kwantung Leased Territory", "关东州", "関東州",
            "Квантунская область"),
            ("kwantung-land",),
            "Soviet troops took Dalian and Port Arthur on 22 August 1945."),
    )),
    Unit("karafuto", "japan", "colony", (142.8, 47.6), (
        "Approximate. Sakhalin south of the 50th parallel (Treaty of Portsmouth, 1905), cut "
        "from the GSHHS island along the parallel."), (
        Period("1905-09-05", "1945-08-25", _names(
            "Karafuto (South Sakhalin)", "桦太（南库页岛）", "樺太",
            "Карафуто (Южный Сахалин)"),
            ("south-sakhalin",),
            "Soviet forces completed the occupation on 25 August 1945."),
    )),
    Unit("korea", "japan", "colony", (127.2, 40.0), (
        "Approximate. The modern WDBII land borders of North and South Korea (the Yalu and the "
        "Tumen, as fixed by the Gando Convention of 1909) and the islands around the "
        "peninsula."), (
        Period("1910-08-29", "1945-09-02", _names(
            "Korea (Japanese rule)", "朝鲜（日本统治）", "朝鮮（日本統治）",
            "Корея (японское правление)"),
            ("korea-land",),
            "Japanese rule ended with the surrender of 2 September 1945."),
    )),
    Unit("korea-soviet-zone", "occupation", "occupation", (127.2, 40.0),
         "Approximate. Korea north of the 38th parallel, cut along the parallel.", (
        Period("1945-09-03", "1946-12-31", _names(
            "Korea: Soviet zone (north of the 38th parallel)", "朝鲜：苏军占领区（三八线以北）",
            "朝鮮：ソ連占領地域（北緯38度線以北）",
            "Корея: советская зона (к северу от 38-й параллели)"),
            ("korea-north",)),
    )),
    Unit("korea-us-zone", "occupation", "occupation", (127.9, 36.4), (
        "Approximate. Korea south of the 38th parallel, cut along the parallel; US troops "
        "landed on 8 September 1945."), (
        Period("1945-09-03", "1946-12-31", _names(
            "Korea: US zone (south of the 38th parallel)", "朝鲜：美军占领区（三八线以南）",
            "朝鮮：アメリカ占領地域（北緯38度線以南）",
            "Корея: американская зона (к югу от 38-й параллели)"),
            ("korea-south",)),
    )),
    Unit("taiwan", "japan", "colony", (120.95, 23.7), (
        "Approximate. Taiwan and the Pescadores: the GSHHS islands within a box around "
        "them."), (
        Period("1895-05-08", "1945-10-25", _names(
            "Taiwan (Japanese rule)", "台湾（日本统治）", "台湾（日本統治）",
            "Тайвань (японское правление)"),
            ("taiwan-island",),
            "Handed to the Republic of China on 25 October 1945."),
    )),
    Unit("japan", "japan", "state", (138.4, 36.3), (
        "Approximate. The GSHHS islands of the archipelago from the Ryukyus and the Bonins to "
        "the Kurils, selected by a region drawn through the sea (a list of points)."), (
        Period("1875-05-07", "1945-09-01", _names(
            "Empire of Japan", "日本帝国", "大日本帝国",
            "Японская империя"),
            ("japan-home", "kurils"),
            "The Kurils were Japanese from 1875 until August 1945."),
        Period("1945-09-02", "1946-12-31", _names(
            "Japan (Allied occupation)", "日本（盟军占领）", "日本（連合国占領下）",
            "Япония (оккупация союзниками)"),
            ("japan-home",),
            "The Kurils are shown with the USSR after the Soviet landings of August 1945."),
    )),
    Unit("tuva", "tuva", "state", (94.6, 51.6), (
        "Approximate. The upper Yenisei basin closed by the crests of the Sayan (a list of "
        "points), and the modern Russia-Mongolia line to the south. Before August 1921 the "
        "area (Uryankhay, a Russian protectorate from 1914, contested in 1918-1921) is drawn "
        "with the Russian state."), (
        Period("1921-08-14", "1944-10-10", _names(
            "Tuvan People's Republic", "图瓦人民共和国（唐努乌梁海）", "トゥヴァ人民共和国",
            "Тувинская Народная Республика"),
            ("tuva-lands",),
            "Annexed by the USSR on 11 October 1944."),
    )),
    Unit("fer", "fer", "state", (118.0, 54.2), (
        "Approximate. The former Transbaikal, Amur, Primorye and Kamchatka oblasts and north "
        "Sakhalin: west along the middle of Lake Baikal and the Khamar-Daban, north along the "
        "old limit of Yakutsk oblast (lists of points); south along the modern WDBII border "
        "(the Argun, Amur and Ussuri, per the treaties of Aigun 1858 and Peking 1860). The "
        "Republic did not control all of it: Ataman Semenov held Chita until October 1920 and "
        "Vladivostok was under other governments until October 1922."), (
        Period("1920-04-06", "1922-11-14", _names(
            "Far Eastern Republic", "远东共和国", "極東共和国",
            "Дальневосточная республика"),
            ("fer-lands",),
            "Merged into Soviet Russia on 15 November 1922."),
    )),
    Unit("north-sakhalin-occupation", "occupation", "occupation", (142.9, 52.3), (
        "Approximate. Sakhalin north of the 50th parallel, cut from the GSHHS island; drawn "
        "over the Russian state, which kept the sovereignty."), (
        Period("1920-07-03", "1925-05-14", _names(
            "North Sakhalin (Japanese occupation)", "北库页岛（日本占领）", "北樺太（保障占領）",
            "Северный Сахалин (японская оккупация)"),
            ("north-sakhalin",),
            (
            "Japan announced the occupation on 3 July 1920 after the Nikolayevsk incident and "
            "withdrew by 15 May 1925 under the Soviet-Japanese Basic Convention.")),
    ), overlay=True, sources=(_SAKHALIN_SOURCE,)),
    Unit("manchukuo", "manchukuo", "state", (125.8, 45.6), (
        "Approximate. Against the USSR and Korea the modern WDBII line (the Argun, Amur, "
        "Ussuri and Tumen); against Mongolia the modern China-Mongolia line, which near the "
        "Khalkhin Gol is the line the MPR and the USSR claimed in 1939 (Japan and Manchukuo "
        "claimed the river itself); against China proper a list of points along the Great Wall "
        "from Shanhaiguan and the western limits of Rehe and the Hsingan provinces."), (
        Period("1932-03-01", "1933-03-03", _names(
            "Manchukuo", "满洲国", "満洲国",
            "Маньчжоу-го"),
            ("manchuria",),
            "Rehe, claimed from the start, is drawn from the fall of Chengde on 4 March 1933."),
        Period("1933-03-04", "1945-08-18", _names(
            "Manchukuo", "满洲国", "満洲国",
            "Маньчжоу-го"),
            ("manchuria", "rehe"),
            "An empire from 1 March 1934; Puyi abdicated on 18 August 1945."),
    )),
    Unit("manchuria-soviet-occupation", "occupation", "occupation", (125.8, 45.6), (
        "Approximate. The lands of Manchukuo, drawn over the Republic of China, to which the "
        "Sino-Soviet treaty of 14 August 1945 returned them; Soviet troops stayed into 1946. "
        "Their withdrawal is not drawn: the occupation is drawn to the end of the atlas span."), (
        Period("1945-08-19", "1946-12-31", _names(
            "Manchuria (Soviet occupation)", "东北（苏军占领）", "満洲（ソ連軍占領下）",
            "Маньчжурия (советская оккупация)"),
            ("manchuria", "rehe")),
    ), overlay=True),
    Unit("mongolia", "mongolia", "state", (103.0, 46.8),
         "Approximate. The modern WDBII borders of Mongolia.", (
        Period("1917-01-01", "1919-11-21", _names(
            "Mongolia (Bogd Khanate)", "蒙古（博克多汗国）", "モンゴル（ボグド・ハーン政権）",
            "Монголия (Богдо-ханство)"),
            ("outer-mongolia",),
            "Autonomous under Chinese suzerainty by the Kyakhta agreement of 1915."),
        Period("1921-02-22", "1924-11-25", _names(
            "Mongolia (Bogd Khanate)", "蒙古（博克多汗国）", "モンゴル（ボグド・ハーン政権）",
            "Монголия (Богдо-ханство)"),
            ("outer-mongolia",),
            (
            "The Bogd Khan was restored in February 1921; the People's Government ruled from "
            "July 1921.")),
        Period("1924-11-26", "1946-12-31", _names(
            "Mongolian People's Republic", "蒙古人民共和国", "モンゴル人民共和国",
            "Монгольская Народная Республика"),
            ("outer-mongolia",)),
    )),
    Unit("china", "china", "state", (104.0, 33.0), (
        "Approximate. The modern WDBII borders of China, less the units drawn over them, with "
        "the islands along its coast. Tibet, self-governing from 1913, is drawn within the "
        "Republic's claimed borders; Hong Kong, Macau and Guangzhouwan are not drawn."), (
        Period("1917-01-01", "1919-11-21", _names(
            "Republic of China", "中华民国", "中華民国",
            "Китайская Республика"),
            ("china-core",)),
        Period("1919-11-22", "1921-02-21", _names(
            "Republic of China", "中华民国", "中華民国",
            "Китайская Республика"),
            ("china-core", "outer-mongolia"),
            (
            "Outer Mongolia's autonomy was revoked in November 1919 and Chinese troops held "
            "Urga until February 1921.")),
        Period("1921-02-22", "1946-12-31", _names(
            "Republic of China", "中华民国", "中華民国",
            "Китайская Республика"),
            ("china-core",)),
    )),
    Unit("russia", "russia", "state", (100.0, 62.0), _SOVIET_NOTE, (
        Period("1917-01-01", "1917-03-15", _names(
            "Russian Empire", "俄罗斯帝国", "ロシア帝国",
            "Российская империя"),
            ("soviet-core",)),
        Period("1917-03-16", "1917-11-07", _names(
            "Russia (Provisional Government)", "俄国（临时政府）", "ロシア（臨時政府）",
            "Россия (Временное правительство)"),
            ("soviet-core",)),
        Period("1917-11-08", "1922-12-29", _names(
            "Soviet Russia", "苏俄", "ソビエト・ロシア",
            "Советская Россия"),
            ("soviet-core",)),
        Period("1922-12-30", "1939-09-16", _names(
            "USSR", "苏联", "ソ連",
            "СССР"),
            ("soviet-core",)),
        Period("1939-09-17", "1940-06-27", _names(
            "USSR", "苏联", "ソ連",
            "СССР"),
            ("soviet-core", "west-ukraine-belarus")),
        Period("1940-06-28", "1940-08-02", _names(
            "USSR", "苏联", "ソ連",
            "СССР"),
            ("soviet-core", "west-ukraine-belarus", "bessarabia")),
        Period("1940-08-03", "1944-10-10", _names(
            "USSR", "苏联", "ソ連",
            "СССР"),
            ("soviet-core", "west-ukraine-belarus", "bessarabia", "baltic")),
        Period("1944-10-11", "1945-09-01", _names(
            "USSR", "苏联", "ソ連",
            "СССР"),
            ("soviet-core", "west-ukraine-belarus", "bessarabia", "baltic", "tuva-lands")),
        Period("1945-09-02", "1946-12-31", _names(
            "USSR", "苏联", "ソ連",
            "СССР"),
            ("soviet-core", "west-ukraine-belarus", "bessarabia", "baltic", "tuva-lands", "kurils"),
            (
            "South Sakhalin and the Kurils are drawn with the USSR after the Soviet landings "
            "of August 1945 (annexed in February 1946; drawn so to the end of the atlas span).")),
    )),
)  # fmt: skip


def unit_periods(units=None) -> list[UnitPeriod]:
    """Every period of every unit, flattened, in :data:`UNITS` order.

    Examples
    --------
    >>> [p.id for p in unit_periods() if p.unit == "manchukuo"]
    ['manchukuo@1932-03-01', 'manchukuo@1933-03-04']
    """
    out = []
    for unit in UNITS if units is None else units:
        for period in unit.periods:
            note = " ".join(t for t in (unit.note, period.note) if t)
            out.append(UnitPeriod(
                id=f"{unit.id}@{period.start}", unit=unit.id, sovereign=unit.sovereign,
                kind=unit.kind, start=period.start, end=period.end, names=period.names,
                parts=period.parts, label=unit.label, note=note, overlay=unit.overlay,
                sources=unit.sources,
            ))  # fmt: skip
    return out


def borders_at(date: str, units=None) -> list[UnitPeriod]:
    """The units as they stood on ``date`` (an ISO day within the atlas span), in priority order.

    Parameters
    ----------
    date : str
        ``YYYY-MM-DD``, between :data:`ATLAS_START` and :data:`ATLAS_END`.
    units : list of Unit, optional
        Defaults to :data:`geodata.basemap.units.UNITS`.

    Examples
    --------
    >>> [p.unit for p in borders_at("1921-06-01") if p.unit in ("fer", "russia")]
    ['fer', 'russia']
    >>> borders_at("1939-08-20")[-1].names["en"]
    'USSR'
    >>> borders_at("1950-01-01")
    Traceback (most recent call last):
    ...
    ValueError: date '1950-01-01' is outside the atlas period 1917-01-01..1946-12-31
    """
    check_day(date)
    if not ATLAS_START <= date <= ATLAS_END:
        raise ValueError(f"date {date!r} is outside the atlas period {ATLAS_START}..{ATLAS_END}")
    return [p for p in unit_periods(units) if p.start <= date <= p.end]


def change_days(units=None) -> list[str]:
    """The days on which some unit begins or changes (each period's start, in the atlas).

    Examples
    --------
    >>> "1932-03-01" in change_days() and "1922-12-30" in change_days()
    True
    """
    days = {ATLAS_START}
    for p in unit_periods(units):
        for day in (p.start, next_day(p.end)):
            if ATLAS_START < day <= ATLAS_END:
                days.add(day)
    return sorted(days)
