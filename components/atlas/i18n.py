"""Interface strings in English, Chinese and Japanese, and name picking with fallbacks.

>>> text("play", "zh")
'播放'
>>> pick_name({"en": "Harbin", "ru": "Харбин"}, "ja")
'Harbin'
"""

from __future__ import annotations

from components.atlas.timeline import MONTHS_EN

LANGS = ("en", "zh", "ja")
LANG_LABELS = {"en": "English", "zh": "中文", "ja": "日本語"}
DEFAULT_LANG = "en"
#: Which languages a name falls back to, in order, when it lacks the chosen one. Japanese
#: never falls back to Chinese: a place without a Japanese name in the seeds carries GeoNames'
#: katakana form (``names_from``); units, events and routes fall back to English.
FALLBACK = {"en": ("en", "ru", "zh", "ja"), "zh": ("zh", "ja", "en", "ru"),
            "ja": ("ja", "en", "ru")}  # fmt: skip
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
    "names_of_the_date": {"en": "Names through time", "zh": "历史名称", "ja": "時代ごとの名称"},
    "dates": {"en": "Dates", "zh": "日期", "ja": "日付"},
    "figures": {"en": "Figures", "zh": "数字", "ja": "数値"},
    "strength": {"en": "Strength", "zh": "兵力", "ja": "兵力"},
    "amount": {"en": "Amount (USD)", "zh": "金额（美元）", "ja": "金額（米ドル）"},
    "mode": {"en": "Mode", "zh": "方式", "ja": "手段"},
    "nation": {"en": "Nation", "zh": "国家", "ja": "国"},
    "place": {"en": "Place", "zh": "地点", "ja": "場所"},
    "contents": {"en": "Contents", "zh": "内容", "ja": "内容"},
    "note": {"en": "Atlas note", "zh": "本图集注", "ja": "本アトラスの注"},
    "atlas_note": {"en": "Other accounts (atlas note)", "zh": "其他记载（本图集注）",
                   "ja": "他の記録（本アトラスの注）"},
    "translation": {"en": "Atlas translation", "zh": "本图集译文", "ja": "本アトラスの訳"},
    "border_approximate": {"en": "Borders approximate", "zh": "疆界为近似", "ja": "境界は概略"},
    "sources": {"en": "Sources", "zh": "史料", "ja": "史料"},
    "position_unknown": {"en": "position unknown: not drawn", "zh": "位置不详：不绘出",
                         "ja": "位置不明：表示しない"},
    "approximate": {"en": "Position approximate", "zh": "位置为推定", "ja": "位置は推定"},
    "unknown": {"en": "unknown", "zh": "不详", "ja": "不明"},
    "on_this_day": {"en": "On this day", "zh": "当日", "ja": "この日"},
    "guide": {"en": "Key moments", "zh": "关键时刻", "ja": "重要な場面"},
    "previous": {"en": "Previous", "zh": "上一个", "ja": "前"},
    "next": {"en": "Next", "zh": "下一个", "ja": "次"},
    "tour": {"en": "Tour", "zh": "导览", "ja": "ツアー"},
    "tour_stop": {"en": "Stop", "zh": "停止", "ja": "停止"},
    "tour_title": {"en": "Play the key moments one after another",
                   "zh": "依次播放关键时刻", "ja": "主な出来事を順に再生"},
    "no_data": {"en": "No layers have been built yet: run `python -m geodata build`.",
                "zh": "尚未生成图层：请运行 `python -m geodata build`。",
                "ja": "レイヤーがまだありません：`python -m geodata build` を実行してください。"},
    "ignored": {"en": "Ignored", "zh": "已忽略", "ja": "無視しました"},
    "borders_uncovered": {"en": "No borders of the day are drawn for this date.",
                          "zh": "此日期未绘当时疆界。",
                          "ja": "この日付の当時の国境は描いていません。"},
    "air": {"en": "air", "zh": "空运", "ja": "空路"},
    "sea": {"en": "sea", "zh": "海运", "ja": "海路"},
    "land": {"en": "land", "zh": "陆运", "ja": "陸路"},
    "rail": {"en": "rail", "zh": "铁路", "ja": "鉄道"},
    "attack": {"en": "attack", "zh": "进攻", "ja": "攻撃"},
    "advance": {"en": "advance", "zh": "推进", "ja": "前進"},
    "withdrawal": {"en": "withdrawal", "zh": "撤退", "ja": "撤退"},
    "transfer": {"en": "transfer", "zh": "调动", "ja": "移動"},
    "in_use": {"en": "in use", "zh": "使用中", "ja": "使用中"},
    "event_now": {"en": "happening", "zh": "进行中", "ja": "進行中"},
    "export": {"en": "Export", "zh": "导出", "ja": "書き出し"},
    "export_png": {"en": "PNG of this view", "zh": "导出当前视图 PNG", "ja": "この表示を PNG で"},
    "export_scale": {"en": "Scale", "zh": "倍率", "ja": "倍率"},
    "exporting": {"en": "Drawing…", "zh": "正在绘制…", "ja": "描画中…"},
    "exported": {"en": "Saved", "zh": "已保存", "ja": "保存しました"},
    "export_failed": {"en": "Export failed", "zh": "导出失败", "ja": "書き出しに失敗しました"},
    "animation": {"en": "Animation (GIF)", "zh": "动画（GIF）", "ja": "アニメーション（GIF）"},
    "anim_start": {"en": "From", "zh": "起", "ja": "開始"},
    "anim_end": {"en": "To", "zh": "止", "ja": "終了"},
    "anim_step": {"en": "Every", "zh": "间隔", "ja": "間隔"},
    "anim_step_hint": {"en": "day, week, month or a number of days (3d)",
                       "zh": "day、week、month 或天数（如 3d）",
                       "ja": "day・week・month または日数（例 3d）"},
    "anim_zip": {"en": "also the PNG frames (zip)", "zh": "另附 PNG 帧（zip）",
                 "ja": "PNG フレームも（zip）"},
    "anim_zip_get": {"en": "Download the frames (zip)", "zh": "下载各帧（zip）",
                     "ja": "フレームをダウンロード（zip）"},
    "anim_make": {"en": "Make GIF", "zh": "生成 GIF", "ja": "GIF を作成"},
    "anim_cancel": {"en": "Cancel", "zh": "取消", "ja": "中止"},
    "anim_queued": {"en": "Starting…", "zh": "正在启动…", "ja": "開始しています…"},
    "anim_writing": {"en": "Writing the file…", "zh": "正在写入文件…",
                     "ja": "ファイルを書き出し中…"},
    "anim_done": {"en": "Done: {name}", "zh": "完成：{name}", "ja": "完了：{name}"},
    "anim_failed": {"en": "The export failed: {error}", "zh": "导出失败：{error}",
                    "ja": "書き出しに失敗しました：{error}"},
    "anim_bad": {"en": "The GIF cannot be made: {error}", "zh": "无法生成 GIF：{error}",
                 "ja": "GIF を作成できません：{error}"},
    "anim_in_queue": {"en": "Queued: number {n} in line", "zh": "排队中：第 {n} 位",
                      "ja": "順番待ち：{n} 番目"},
    "anim_rendering": {"en": "Rendering frame {k} of {total}",
                       "zh": "正在绘制第 {k} 帧，共 {total} 帧",
                       "ja": "フレーム {k} / {total} を描画中"},
    "anim_cancelled": {"en": "Cancelled", "zh": "已取消", "ja": "中止しました"},
    "anim_cancelled_why": {"en": "Cancelled: {why}", "zh": "已取消：{why}",
                           "ja": "中止しました：{why}"},
    "anim_queue_full": {"en": "The queue is full ({max} exports waiting): try again in a few "
                              "minutes",
                        "zh": "队列已满（{max} 个导出在等待）：请几分钟后再试",
                        "ja": "順番待ちがいっぱいです（{max} 件）：数分後にもう一度お試し"
                              "ください"},
    "anim_retry": {"en": "Retry", "zh": "重试", "ja": "再試行"},
    "anim_reconnecting": {"en": "No answer from the server; trying again in {s} s…",
                          "zh": "服务器没有响应；{s} 秒后重试…",
                          "ja": "サーバーから応答がありません。{s} 秒後に再試行します…"},
    "anim_gone": {"en": "This export is no longer kept: make it again",
                  "zh": "此导出已不再保存：请重新生成",
                  "ja": "この書き出しはもう保存されていません：もう一度作成してください"},
    "handout_what": {"en": "Maps of", "zh": "地图内容", "ja": "地図の内容"},
    "handout_period": {"en": "the current period", "zh": "当前时期", "ja": "現在の時期"},
    "handout_moments": {"en": "its key moments", "zh": "该时期的关键时刻",
                        "ja": "その時期の重要な場面"},
    "handout_dates": {"en": "these dates", "zh": "以下日期", "ja": "次の日付"},
    "handout_dates_label": {"en": "Dates (YYYY-MM-DD, …)", "zh": "日期（YYYY-MM-DD, …）",
                            "ja": "日付（YYYY-MM-DD, …）"},
    "handout_paper": {"en": "Paper", "zh": "纸张", "ja": "用紙"},
    "handout_orientation": {"en": "Orientation", "zh": "方向", "ja": "向き"},
    "handout_portrait": {"en": "portrait", "zh": "纵向", "ja": "縦"},
    "handout_landscape": {"en": "landscape", "zh": "横向", "ja": "横"},
    "handout_maps": {"en": "Maps (2-6)", "zh": "地图数（2-6）", "ja": "地図の数（2-6）"},
    "handout_make": {"en": "Make PDF", "zh": "生成 PDF", "ja": "PDF を作成"},
    "handout_rendering": {"en": "Drawing map {k} of {total}",
                          "zh": "正在绘制第 {k} 幅地图（共 {total} 幅）",
                          "ja": "地図 {k} / {total} を描画中"},
    "handout_printing": {"en": "Printing the PDF…", "zh": "正在生成 PDF…",
                         "ja": "PDF を印刷しています…"},
    "handout_no_period": {"en": "{date} is in no period of the timeline: choose a period or "
                                "type dates",
                          "zh": "{date} 不在时间轴的任何时期内：请选择时期或输入日期",
                          "ja": "{date} はタイムラインのどの時期にも入りません：時期を選ぶか日付を"
                                "入力してください"},
    "handout_few_moments": {"en": "{period} has {n} key moment(s); a handout needs 2 to 6 maps: "
                                  "choose the period or type dates",
                            "zh": "{period} 只有 {n} 个关键时刻；讲义需要 2 至 6 幅地图：请选择"
                                  "时期或输入日期",
                            "ja": "{period} の重要な場面は {n} 件です。配布資料には 2〜6 枚の地図が"
                                  "必要です：時期を選ぶか日付を入力してください"},
    "handout_bad": {"en": "The handout cannot be made: {error}", "zh": "无法生成讲义：{error}",
                    "ja": "配布資料を作成できません：{error}"},
    "reason_dead": {"en": "the renderer stopped", "zh": "绘制进程已停止",
                    "ja": "描画プロセスが停止しました"},
    "reason_nostart": {"en": "the renderer did not start", "zh": "绘制进程未能启动",
                       "ja": "描画プロセスが起動しませんでした"},
    "reason_timeout": {"en": "it took longer than {limit} s", "zh": "耗时超过 {limit} 秒",
                       "ja": "{limit} 秒を超えました"},
    "reason_abandoned": {"en": "nobody followed it for {minutes} minutes",
                         "zh": "{minutes} 分钟内无人查看",
                         "ja": "{minutes} 分間だれも確認しませんでした"},
    "reason_error": {"en": "{error}", "zh": "{error}", "ja": "{error}"},
    "projector": {"en": "Projector", "zh": "投影模式", "ja": "プロジェクター表示"},
    "language": {"en": "Language", "zh": "语言", "ja": "言語"},
    "date": {"en": "Date", "zh": "日期", "ja": "日付"},
    "err_date": {"en": "{field}: expected a date YYYY-MM-DD, got '{value}'",
                 "zh": "{field}：应为日期 YYYY-MM-DD，实为“{value}”",
                 "ja": "{field}：YYYY-MM-DD 形式の日付が必要です（入力：「{value}」）"},
    "err_order": {"en": "the end {end} is before the start {start}",
                  "zh": "结束日期 {end} 早于开始日期 {start}",
                  "ja": "終了 {end} が開始 {start} より前です"},
    "err_span": {"en": "{field} {value} is outside the atlas' dates {first} – {last}",
                 "zh": "{field} {value} 超出地图集的日期范围 {first} – {last}",
                 "ja": "{field} {value} はアトラスの期間 {first} – {last} の外です"},
    "err_step": {"en": "step: expected day, week, month or a number of days like 3d, got '{value}'",
                 "zh": "间隔：应为 day、week、month 或天数（如 3d），实为“{value}”",
                 "ja": "間隔：day・week・month または日数（例 3d）が必要です（入力：「{value}」）"},
    "err_lang": {"en": "lang: expected en, zh or ja, got {value}",
                 "zh": "语言：应为 en、zh 或 ja，实为 {value}",
                 "ja": "言語：en・zh・ja のいずれかが必要です（入力：{value}）"},
    "err_layers": {"en": "layers: expected a list of layer names ({known}), got {value}",
                   "zh": "图层：应为图层名称列表（{known}），实为 {value}",
                   "ja": "レイヤー：レイヤー名のリスト（{known}）が必要です（入力：{value}）"},
    "err_view": {"en": "view: expected longitude -180–180, latitude -85–85 and zoom 0–22, "
                       "got {value}",
                 "zh": "视图：应为经度 -180–180、纬度 -85–85、缩放 0–22，实为 {value}",
                 "ja": "表示範囲：経度 -180–180・緯度 -85–85・ズーム 0–22 が必要です"
                       "（入力：{value}）"},
    "err_size": {"en": "size: expected the map's width and height, two whole numbers of pixels "
                       "from 1 to 10000, got {value}",
                 "zh": "尺寸：应为地图的宽和高，两个 1 到 10000 的整数像素，实为 {value}",
                 "ja": "サイズ：地図の幅と高さ（1～10000 の整数ピクセル 2 つ）が必要です"
                       "（入力：{value}）"},
    "err_request": {"en": "request: expected the map's language, layers, view and size, "
                          "got {value}",
                    "zh": "请求：应为地图的语言、图层、视图和尺寸，实为 {value}",
                    "ja": "リクエスト：地図の言語・レイヤー・表示範囲・サイズが必要です"
                          "（入力：{value}）"},
    "err_zip": {"en": "frames: expected a list of choices, got {value}",
                "zh": "帧：应为选项列表，实为 {value}",
                "ja": "フレーム：選択肢のリストが必要です（入力：{value}）"},
    "err_frames": {"en": "{count} frames are too many (at most {max}): shorten the range or "
                         "take a longer step",
                   "zh": "{count} 帧过多（最多 {max} 帧）：请缩短日期范围或加大间隔",
                   "ja": "{count} フレームは多すぎます（最大 {max}）：期間を短くするか間隔を長く"
                         "してください"},
    "handout": {"en": "Handout (PDF)", "zh": "讲义（PDF）", "ja": "配布資料（PDF）"},
    "handout_sources": {"en": "Every quote behind what the maps show, in the words of the "
                              "source; translations are the atlas' own.",
                        "zh": "地图所示内容所依据的全部引文，均为史料原文；译文为本图集所译。",
                        "ja": "地図が示す内容の典拠となる引用をすべて史料の原文で掲げる。"
                              "訳は本アトラスによる。"},
    "handout_for": {"en": "For", "zh": "用于", "ja": "対象"},
    "north": {"en": "N", "zh": "北", "ja": "北"},
    # the Import panel (components/page/import_panel.py, assets/fea-9-import.js)
    "import_heading": {"en": "Your own data", "zh": "您自己的数据", "ja": "自分のデータ"},
    "import_drop": {"en": "Drop a file here, or", "zh": "将文件拖到此处，或",
                    "ja": "ここにファイルをドロップ、または"},
    "import_choose": {"en": "choose a file", "zh": "选择文件", "ja": "ファイルを選ぶ"},
    "import_template": {"en": "Download the template spreadsheet", "zh": "下载模板表格",
                        "ja": "テンプレートの表をダウンロード"},
    "import_result": {"en": "{n} imported, {m} skipped", "zh": "已导入 {n} 条，跳过 {m} 条",
                      "ja": "{n} 件を読み込み、{m} 件をスキップ"},
    "import_failed": {"en": "Import failed", "zh": "导入失败", "ja": "読み込みに失敗"},
    "import_reading": {"en": "Reading", "zh": "正在读取", "ja": "読み込み中"},
    "import_remove": {"en": "Remove", "zh": "移除", "ja": "削除"},
    "import_show": {"en": "Show", "zh": "显示", "ja": "表示"},
    "import_share": {"en": "Share link", "zh": "分享链接", "ja": "共有リンク"},
    "import_shared": {"en": "Link (kept {days} days)", "zh": "链接（保留 {days} 天）",
                      "ja": "リンク（{days} 日間保存）"},
    "import_delete_link": {"en": "Delete link (keep it to yourself)", "zh": "删除链接（请勿外传）",
                           "ja": "削除リンク（他人に渡さないこと）"},
    "import_source": {"en": "Source (yours)", "zh": "出处（您提供的）",
                      "ja": "出典（利用者のもの）"},
    "import_row": {"en": "row", "zh": "行", "ja": "行"},
    "import_line": {"en": "line", "zh": "行", "ja": "行"},
    "import_feature": {"en": "feature", "zh": "要素", "ja": "地物"},
    "import_slide": {"en": "slide", "zh": "幻灯片", "ja": "スライド"},
    "import_note": {"en": "Note (yours)", "zh": "注（您提供的）", "ja": "注（利用者のもの）"},
    "import_warning": {"en": "warning", "zh": "警告", "ja": "警告"},
    "import_links": {"en": "Links (not opened)", "zh": "链接（未打开）",
                     "ja": "リンク（未読み込み）"},
    "import_geocoded": {"en": "Placed by the geocoder from", "zh": "由地名定位自",
                        "ja": "地名から位置を推定"},
    "import_timeline": {"en": "Timeline only", "zh": "仅时间轴", "ja": "年表のみ"},
}  # fmt: skip
#: Month names, for dates written as people write them ("20 August 1918"; zh and ja write
#: 1918年8月20日 and need none).
for _m, _name in enumerate(MONTHS_EN, 1):
    STRINGS[f"month_{_m}"] = {"en": _name, "zh": f"{_m}月", "ja": f"{_m}月"}


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
    >>> pick_name({"zh": "奥特波尔", "en": "Otpor"}, "ja")
    'Otpor'
    """
    names = names or {}
    order = FALLBACK.get(lang, FALLBACK[DEFAULT_LANG])
    for code in order:
        if names.get(code):
            return names[code]
    return next((v for k, v in names.items() if v and k not in FALLBACK), "")
