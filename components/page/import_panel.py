"""The Import panel: the reader's own files on the atlas (issue 13).

Only its frame is made here: ``assets/fea-9-import.js`` fills it in the browser (each pack's
row with its colour, toggle, counts, "Share link" and "Remove"; the report of the last import;
the details of an imported feature), from the packs it keeps in IndexedDB. No Dash callback
touches it: the server keeps no reader's data.

>>> panel = import_panel("en")
>>> str(panel.id), panel.children[0].children
('import-panel', 'Your own data')
"""

from __future__ import annotations

from dash import html

from components.atlas.i18n import text
from components.page.ids import Id

#: The importer's template (``geodata/imports/template.py`` writes it to ``assets/templates``).
TEMPLATE = "/assets/templates/atlas-template.xlsx"


def import_panel(lang: str) -> html.Section:
    """The Import panel in ``lang``: drop zone, file chooser, template link, the packs' list,
    the report and the details of an imported feature.

    Examples
    --------
    >>> panel = import_panel("ja")
    >>> [str(c.id) for c in panel.children][1:]
    ['import-drop', 'import-template', 'import-list', 'import-report', 'import-details']
    """
    return html.Section([
        html.H2(text("import_heading", lang), id=Id.IMPORT_HEADING),
        html.Div([
            html.Span(text("import_drop", lang), className="import-hint"), " ",
            # the file input is made by the script (Dash has no <input type=file>), which
            # this button opens
            html.Button(text("import_choose", lang), id=Id.IMPORT_CHOOSE, n_clicks=0,
                        className="import-choose"),
        ], id=Id.IMPORT_DROP, className="import-drop"),
        html.A(text("import_template", lang), id=Id.IMPORT_TEMPLATE, href=TEMPLATE,
               download="atlas-template.xlsx"),
        html.Ul(id=Id.IMPORT_LIST, className="import-list"),
        html.Output(id=Id.IMPORT_REPORT, className="import-report", **{"aria-live": "polite"}),
        html.Section(id=Id.IMPORT_DETAILS, className="details import-details", hidden=True),
    ], id=Id.IMPORT_PANEL, className="panel import")  # fmt: skip
