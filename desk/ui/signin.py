"""Sign-in: choose who you are among the agency's officers; the window then allows what your roles allow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desk.ui.session import User
from desk.ui.text import ROLES, _, word

if TYPE_CHECKING:
    from desk.services.directory import OfficerRow


def roles_text(roles: frozenset[str] | tuple[str, ...] | None) -> str:
    if roles is None:
        return _("all rights (no users in this database)")
    return "、".join(word(ROLES, r) for r in sorted(roles)) or _("no role")


class SignInDialog(QDialog):
    def __init__(self, officers: list[OfficerRow], last_login: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sign in"))
        self.setObjectName("signin")
        self.officers = [o for o in officers if o.login]
        self.who = QComboBox()
        self.who.setObjectName("who")
        for o in self.officers:
            self.who.addItem(f"{o.name}（{o.login}）— {o.squad}", o.login)
        found = self.who.findData(last_login)
        self.who.setCurrentIndex(max(found, 0))
        self.roles = QLabel()
        self.who.currentIndexChanged.connect(self._show_roles)
        self._show_roles()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Officer"), self.who)
        form.addRow(_("Roles"), self.roles)
        form.addRow(buttons)

    def _show_roles(self) -> None:
        officer = self.chosen_officer()
        self.roles.setText(roles_text(officer.roles) if officer else "")

    def chosen_officer(self) -> OfficerRow | None:
        index = self.who.currentIndex()
        return self.officers[index] if 0 <= index < len(self.officers) else None

    def chosen(self) -> User | None:
        officer = self.chosen_officer()
        return User.of(officer) if officer else None
