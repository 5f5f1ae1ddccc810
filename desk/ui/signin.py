"""Signing in: who you are and your password (a local account on SQLite, your own database login on PostgreSQL);
the first start's administrator; the lock after idle time. The window then allows what your roles allow."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desk.errors import UserError
from desk.ui.session import Session
from desk.ui.text import ROLES, _, word

if TYPE_CHECKING:
    from desk.services.directory import OfficerRow

Authenticate = Callable[[str, str], Session]


def roles_text(roles: frozenset[str] | tuple[str, ...] | None) -> str:
    if roles is None:
        return _("all rights (no users in this database)")
    return "、".join(word(ROLES, r) for r in sorted(roles)) or _("no role")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setObjectName("password")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


class _Checked(QDialog):
    """A dialog whose OK runs a check: a refusal shows its message in the dialog, which stays open."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.message = _message_label()
        self.setMinimumWidth(480)

    def check(self) -> Session:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.session = self.check()
        except UserError as err:
            self.message.setText(err.render())
            self.refused()
            self.adjustSize()
            return
        super().accept()

    def refused(self) -> None:
        """What to clear after a refusal."""


class SignInDialog(_Checked):
    def __init__(self, officers: list[OfficerRow], last_login: str | None, authenticate: Authenticate,
                 parent: QWidget | None = None, *, office: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sign in"))
        self.setObjectName("signin")
        self.authenticate = authenticate
        self.officers = [o for o in officers if o.login]
        self.who = QComboBox()
        self.who.setObjectName("who")
        self.who.setEditable(office)  # in an office, any database login may sign in
        for o in self.officers:
            self.who.addItem(f"{o.name}（{o.login}）— {o.squad}", o.login)
        found = self.who.findData(last_login)
        self.who.setCurrentIndex(max(found, 0))
        self.roles = QLabel()
        self.who.currentIndexChanged.connect(self._show_roles)
        self._show_roles()
        self.password = _password_field()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Officer"), self.who)
        form.addRow(_("Roles"), self.roles)
        form.addRow(_("Password"), self.password)
        form.addRow(self.message)
        form.addRow(buttons)
        self.password.setFocus()

    def _show_roles(self) -> None:
        officer = self.chosen_officer()
        self.roles.setText(roles_text(officer.roles) if officer else "")

    def chosen_officer(self) -> OfficerRow | None:
        index = self.who.currentIndex()
        return self.officers[index] if 0 <= index < len(self.officers) else None

    def login(self) -> str:
        officer = self.chosen_officer()
        typed = self.who.currentText().strip()
        if officer is not None and (not self.who.isEditable() or typed == self.who.itemText(self.who.currentIndex())):
            return officer.login or ""
        return typed

    def check(self) -> Session:
        return self.authenticate(self.login(), self.password.text())

    def refused(self) -> None:
        self.password.clear()
        self.password.setFocus()


class FirstStartDialog(_Checked):
    """The first start of a desktop: the administrator's account (login, name, password twice)."""

    def __init__(self, create: Callable[[str, str, str], Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The administrator's account"))
        self.setObjectName("first_start")
        self.make_admin = create
        self.login = QLineEdit("admin")
        self.login.setObjectName("login")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.password = _password_field()
        self.repeat = _password_field()
        self.repeat.setObjectName("repeat")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(_("Desk starts for the first time: choose the administrator's login and password.")))
        form.addRow(_("Login"), self.login)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Password"), self.password)
        form.addRow(_("Password again"), self.repeat)
        form.addRow(self.message)
        form.addRow(buttons)

    def check(self) -> Session:
        if self.password.text() != self.repeat.text():
            raise UserError("passwords_differ")
        return self.make_admin(self.login.text().strip(), self.password.text(), self.name.text().strip())


class LockDialog(_Checked):
    """Desk locked itself after idle time: the same user's password unlocks it; or sign out."""

    def __init__(self, session: Session, authenticate: Authenticate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Desk is locked"))
        self.setObjectName("lock")
        self.locked = session
        self.authenticate = authenticate
        self.password = _password_field()
        self.sign_out = QPushButton(_("Sign out"))
        self.sign_out.setObjectName("sign_out")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.addButton(self.sign_out, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        self.sign_out.clicked.connect(self.reject)
        who = session.user.name or session.user.login
        form = QFormLayout(self)
        form.addRow(QLabel(_("Desk was locked after a while without use. {name}, enter your password to go on.")
                           .format(name=who)))
        form.addRow(_("Password"), self.password)
        form.addRow(self.message)
        form.addRow(buttons)

    def check(self) -> Session:
        self.authenticate(self.locked.user.login, self.password.text())
        return self.locked

    def refused(self) -> None:
        self.password.clear()
