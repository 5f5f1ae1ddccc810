"""Help › About: Desk's version, database, data folder, and the licences of its libraries and fonts."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desk.about import Component, about, fonts
from desk.ui.text import _

QT_LICENCE = "LGPL-3.0-only"


def _rows(components: tuple[Component, ...]) -> str:
    return "".join(f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.version)}</td>"
                   f"<td>{html.escape(c.licence)}</td></tr>" for c in components)


def about_html() -> str:
    info = about()
    qt = Component("Qt", qVersion(), QT_LICENCE)
    what = _("Desk drafts, numbers, binds and archives the case files of administrative law enforcement.")
    database, folder, libraries, used = _("Database"), _("Data folder"), _("Libraries"), _("Fonts")
    return (
        f"<h3>Desk {html.escape(info.version)}</h3><p>{html.escape(what)}</p>"
        f"<p><b>{html.escape(database)}:</b> {html.escape(info.database)}<br>"
        f"<b>{html.escape(folder)}:</b> {html.escape(str(info.data_folder))}</p>"
        f"<h4>{html.escape(libraries)} (PySide6 {html.escape(pyside_version)})</h4>"
        f"<table cellspacing=4>{_rows((qt, *info.libraries))}</table>"
        f"<h4>{html.escape(used)}</h4><table cellspacing=4>{_rows(fonts())}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(_("About Desk"))
        self.text = QTextBrowser()
        self.text.setObjectName("about_text")
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 560)
