"""Interface strings in English, Chinese and Japanese, and name picking with fallbacks.

>>> text("play", "zh")
'播放'
>>> pick_name({"en": "Harbin", "ru": "Харбин"}, "ja")
'Harbin'
"""

from __future__ import annotations

LANGS = ("en", "zh", "ja")
LANG_LABELS = {"en": "English", "zh": "中文", "ja": "日本語"}
DEFAULT_LANG = "en"
#: Which languages a name falls back to, in order, when it lacks the chosen one.
FALLBACK = {"en": ("en", "ru", "zh", "ja"), "zh": ("zh", "ja", "en", "ru"),
            "ja": ("ja", "zh", "en", "ru")}  # fmt: skip
#: Font stacks for map labels: MapLibre draws them locally, so the right CJK variant matters.
LABEL_FONTS = {
    "en": "Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif",
    "zh": "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif",
    "ja": "Noto Sans CJK JP, Noto Sans JP, Yu Gothic, Hiragino Sans, sans-serif",
}
NAME_LANG_LABELS = {"en": "English", "zh": "中文", "ja": "日本語", "ru": "Русский"}

STRINGS: dict[str, dict[str, str]] = {
    "title": {"en": "Far East Atlas", "zh": "远东地图集", "ja": "極東アトラス"},
    "subtitle": {"en": "Russia, Japan and China in the Far East, 1917-1945",
                 "zh": "远东的俄、日、中，1917-1945", "ja": "極東の日露中、1917-1945"},
    "play": {"en": "Play", "zh": "播放", "ja": "再生"},
    "pause": {"en": "Pause", "zh": "暂停", "ja": "一時停止"},
    "step_back": {"en": "Previous step", "zh": "上一步", "ja": "前へ"},
    "step_forward": {"en": "Next step", "zh": "下一步", "ja": "次へ"},
    "speed": {"en": "Step", "zh": "步长", "ja": "間隔"},
    "day": {"en": "a day", "zh": "一天", "ja": "1日"},
    "week": {"en": "a week", "zh": "一周", "ja": "1週間"},
    "month": {"en": "a month", "zh": "一个月", "ja": "1か月"},
    "layers": {"en": "Layers", "zh": "图层", "ja": "レイヤー"},
    "legend": {"en": "Legend", "zh": "图例", "ja": "凡例"},
    "details": {"en": "Details", "zh": "详情", "ja": "詳細"},
    "details_hint": {"en": "Click anything on the map to read what the sources say.",
                     "zh": "点击地图上的任何标记，查看史料原文。",
                     "ja": "地図上の記号をクリックすると史料の記述が読めます。"},
    "names": {"en": "Names", "zh": "名称", "ja": "名称"},
    "dates": {"en": "Dates", "zh": "日期", "ja": "日付"},
    "figures": {"en": "Figures", "zh": "数字", "ja": "数値"},
    "strength": {"en": "Strength", "zh": "兵力", "ja": "兵力"},
    "amount": {"en": "Amount (USD)", "zh": "金额（美元）", "ja": "金額（米ドル）"},
    "mode": {"en": "Mode", "zh": "方式", "ja": "手段"},
    "nation": {"en": "Nation", "zh": "国家", "ja": "国"},
    "place": {"en": "Place", "zh": "地点", "ja": "場所"},
    "contents": {"en": "Contents", "zh": "内容", "ja": "内容"},
    "note": {"en": "Note", "zh": "注", "ja": "注"},
    "sources": {"en": "Sources", "zh": "史料", "ja": "史料"},
    "approximate": {"en": "Position approximate", "zh": "位置为推定", "ja": "位置は推定"},
    "unknown": {"en": "unknown", "zh": "不详", "ja": "不明"},
    "guide": {"en": "Key moments", "zh": "关键时刻", "ja": "重要な場面"},
    "previous": {"en": "Previous", "zh": "上一个", "ja": "前"},
    "next": {"en": "Next", "zh": "下一个", "ja": "次"},
    "no_data": {"en": "No layers have been built yet: run `python -m geodata build`.",
                "zh": "尚未生成图层：请运行 `python -m geodata build`。",
                "ja": "レイヤーがまだありません：`python -m geodata build` を実行してください。"},
    "ignored": {"en": "Ignored", "zh": "已忽略", "ja": "無視しました"},
    "air": {"en": "air", "zh": "空运", "ja": "空路"},
    "sea": {"en": "sea", "zh": "海运", "ja": "海路"},
    "land": {"en": "land", "zh": "陆运", "ja": "陸路"},
    "rail": {"en": "rail", "zh": "铁路", "ja": "鉄道"},
    "in_use": {"en": "in use", "zh": "使用中", "ja": "使用中"},
    "event_now": {"en": "happening", "zh": "进行中", "ja": "進行中"},
}  # fmt: skip


def text(key: str, lang: str) -> str:
    """The interface string ``key`` in ``lang`` (English when missing).

    Parameters
    ----------
    key : str
        A key of :data:`STRINGS`.
    lang : str
        ``en``, ``zh`` or ``ja``.

    Raises
    ------
    KeyError
        When ``key`` is not an interface string.

    Examples
    --------
    >>> text("layers", "ja")
    'レイヤー'
    """
    entry = STRINGS[key]
    return entry.get(lang) or entry["en"]


def pick_name(names: dict | None, lang: str) -> str:
    """The name in ``lang``, else the first of its fallbacks, else ``''``.

    Examples
    --------
    >>> pick_name({"en": "Vladivostok", "zh": "海参崴"}, "zh")
    '海参崴'
    >>> pick_name(None, "en")
    ''
    """
    names = names or {}
    for code in FALLBACK.get(lang, FALLBACK[DEFAULT_LANG]):
        if names.get(code):
            return names[code]
    return next((v for v in names.values() if v), "")
