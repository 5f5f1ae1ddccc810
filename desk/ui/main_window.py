"""The main window: the case list, the deadlines panel, a tab per open case, menus and the status bar.

It shows at once; opening the database, signing in and loading the first page of cases run on the
background thread. The case workspace (and the PDF machinery behind it) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from desk import config
from desk.ui import language, unsaved, window_actions
from desk.ui.case_list import CaseList
from desk.ui.deadlines import DeadlinesPanel
from desk.ui.idle import IdleWatch
from desk.ui.ops.people import Directory, authenticate, create_admin, directory
from desk.ui.runner import Runner
from desk.ui.session import Session, User
from desk.ui.signals import emit
from desk.ui.signin import FirstStartDialog, LockDialog, SignInDialog, roles_text
from desk.ui.text import LANGUAGES, _

if TYPE_CHECKING:
    from desk.ui.workspace import CaseWorkspace


# the deadlines dock beside the case list on a 1366×768 screen: the rest is the cases' and the editor's (#15)
DOCK_WIDTH, DOCK_MIN_WIDTH = 300, 220

class MainWindow(QMainWindow):
    signed_in = Signal(object)  # the new Session

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("main")
        self.setWindowTitle(_("Desk — case files"))
        self.runner = Runner(self)
        self.session: Session | None = None
        self.new_case_dialog: QDialog | None = None
        self.people: Directory | None = None
        self.signin: SignInDialog | FirstStartDialog | None = None
        self.lock_dialog: LockDialog | None = None
        self.idle = IdleWatch(self, self.lock)
        self.shortcuts: dict[str, QAction] = {}  # keys → menu action (desk.ui.window_actions)

        self.cases = CaseList(self.runner)
        self.cases.case_opened.connect(self.open_case)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(lambda index: self.close_tab(self.tabs.widget(index)))
        self.tabs.addTab(self.cases, _("Cases"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.setCentralWidget(self.tabs)

        self.deadlines = DeadlinesPanel(self.runner)
        self.deadlines.case_opened.connect(self.open_case)
        self.deadlines.due_this_week.connect(self.cases.set_due)
        dock = QDockWidget(_("Deadlines"), self)
        dock.setObjectName("deadlines_dock")
        dock.setWidget(self.deadlines)
        dock.setMinimumWidth(DOCK_MIN_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.deadlines_dock = dock

        self.who = QLabel(_("Opening the database…"))
        self.busy = QLabel()
        self.statusBar().addWidget(self.who, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.runner.busy_changed.connect(lambda busy: self.busy.setText(_("Working…") if busy else ""))
        self._menus()
        self._restore()

    # -- menus
    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(_("&File"))
        self.new_case_action = file.addAction(_("&New case…"), QKeySequence.StandardKey.New, self.new_case)
        self.sign_in_action = file.addAction(_("Sign in as…"), self.ask_sign_in)
        self.sign_in_action.setEnabled(False)
        self.lock_action = file.addAction(_("Lock"), self.lock)
        self.sign_out_action = file.addAction(_("Sign out"), self.sign_out)
        self.lock_action.setEnabled(False)
        self.sign_out_action.setEnabled(False)
        file.addSeparator()
        window_actions.add_file_actions(self, file)
        file.addSeparator()
        file.addAction(_("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        view = bar.addMenu(_("&View"))
        view.addAction(_("Case list"), lambda: self.tabs.setCurrentIndex(0))
        window_actions.add_find_action(self, view)
        view.addAction(_("Refresh"), QKeySequence("F5"), self.refresh)
        view.addAction(self.deadlines_dock.toggleViewAction())
        self.forms_action = view.addAction(_("Pre-numbered forms (票据/表单)"), self.open_forms)

        reports = bar.addMenu(_("&Reports"))  # reports (#16)
        self.stats_action = reports.addAction(_("Statistics"), self.open_stats)
        self.publication_action = reports.addAction(_("Publication list"), self.open_publication)

        settings_menu = bar.addMenu(_("&Settings"))
        settings_menu.addAction(_("Discretion standards…"), self._standards)  # (#17)

        settings_menu.addAction(_("Import holiday calendar…"), self.import_calendar)
        lang_menu = settings_menu.addMenu(_("Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, group, checkable=True)
            action.setChecked(code == config.language())
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            lang_menu.addAction(action)
        self.agency_settings_action = settings_menu.addAction(_("Agency settings…"), self.edit_agency_settings)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(_("About Desk"), self._about)

    def _standards(self) -> None:
        from desk.ui.discretion import StandardsDialog

        if self.session is not None:
            self.standards = StandardsDialog(self.runner, self.session, self)
            self.standards.open()

    def open_stats(self) -> QWidget | None:
        """The 统计 view in a tab (reports, #16)."""
        if self.session is None:
            return None
        from desk.ui.stats_view import StatsView

        view = StatsView(self.runner, self.session)
        self.add_tab(view, _("Statistics"))
        return view

    def open_publication(self) -> QWidget | None:
        """The 公示 view in a tab (reports, #16)."""
        if self.session is None:
            return None
        from desk.ui.publication_view import PublicationView

        view = PublicationView(self.runner, self.session)
        self.add_tab(view, _("Publication list"))
        return view

    def edit_agency_settings(self) -> None:
        """Settings › Agency settings… (admin): contact, payment, receiving bodies and limits the documents use."""
        from desk.services import agency_settings
        from desk.ui.settings_dialog import SettingsDialog

        session = self.session
        if session is None or not session.may("settings"):
            QMessageBox.information(self, _("Agency settings"), _("Only an administrator may change the settings."))
            return

        def load(_progress: object) -> dict[str, object]:
            with session.uow(write=False) as uow:
                return agency_settings.current(uow)

        def ask(values: dict[str, object]) -> None:
            dialog = SettingsDialog(values, self)
            if dialog.exec() and dialog.changed():
                changed = dialog.changed()

                def save(_progress: object) -> dict[str, object]:
                    with session.uow() as uow:
                        return agency_settings.update(uow, changed)

                self.runner.submit(save, done=lambda _stored: self.statusBar().showMessage(_("Settings saved."), 5000))

        self.runner.submit(load, done=ask)

    def _choose_language(self, lang: str) -> None:
        from desk.ui.live_language import switch

        switch(self, lang)

    def retranslate(self) -> None:
        """The window's own words in the language just chosen (``desk.ui.live_language``)."""
        from desk.ui.case_list import retranslate_case_list

        self.menuBar().clear()
        self.shortcuts.clear()
        self._menus()
        self.sign_in_action.setEnabled(self.people is not None)
        self.setWindowTitle(_("Desk — case files"))
        self.tabs.setTabText(0, _("Cases"))
        self.deadlines_dock.setWindowTitle(_("Deadlines"))
        retranslate_case_list(self.cases)
        if self.session is not None:
            user = self.session.user
            self.who.setText(_("Signed in: {name} — {roles}").format(name=user.name or user.login,
                                                                    roles=roles_text(user.roles)))
        self.refresh()

    def _about(self) -> None:
        from desk.ui.about_dialog import AboutDialog

        AboutDialog(self).open()

    # -- signing in
    def start(self, login: str | None, *, ask: bool = True) -> None:
        """Open the database, then ask who is there: their password (``login``, else the last user, chosen), or
        on the first start the administrator's new account. With ``ask=False`` (the screenshot, the tests: the
        console operator's own start) sign in as ``login`` — else the first user — without a password."""
        def ready(found: Directory) -> None:
            self.people = found
            self.sign_in_action.setEnabled(True)
            if ask:
                self.ask_sign_in(login)
                return
            user = found.user(login or next((o.login for o in found.officers if o.login), None))
            if user is None:  # no such user: ask after all
                self.ask_sign_in(login)
            else:
                self.sign_in(user)

        def opened(found: Directory) -> None:  # the first start of a new installation may offer the demo
            from desk.ui.first_start import DemoOffer

            DemoOffer(self, self.runner, found, ready)

        self.runner.submit(lambda _p: directory(), done=opened if ask else ready)

    def new_case(self) -> None:
        """File › New case: register a case (案源登记) and open it."""
        from desk.ui.new_case import ask_new_case

        if self.session is not None:
            ask_new_case(self, self.runner, self.session)

    def import_calendar(self) -> None:
        """Settings › Import holiday calendar: the State Council's notice; provisional dates are recomputed."""
        from desk.ui.new_case import ask_calendar_file

        if self.session is not None:
            ask_calendar_file(self, self.runner, self.session)

    def ask_sign_in(self, login: str | None = None) -> None:
        """The sign-in dialog (the first start's administrator dialog when nobody has a password yet)."""
        assert self.people is not None
        if self.people.first_start:
            self.signin = FirstStartDialog(create_admin, self)
        else:
            last = login or (self.session.user.login if self.session else str(language.settings().value("login", "")))
            self.signin = SignInDialog(list(self.people.officers), last, authenticate, self,
                                       office=self.people.office)
        self.signin.accepted.connect(self._signed_in)
        self.signin.open()

    def _signed_in(self) -> None:
        assert self.signin is not None and self.signin.session is not None
        if isinstance(self.signin, FirstStartDialog):
            self.people = directory()  # the administrator is one of the people now
        self.begin(self.signin.session)

    def sign_in(self, user: User) -> None:
        """Work as ``user`` from now on (the console operator's own sign-in: no password asked)."""
        self.begin(Session(user))

    def begin(self, session: Session) -> None:
        """Work in ``session`` from now on; what was open for the one before is closed."""
        while self.tabs.count() > 1:
            if not self.close_tab(self.tabs.widget(1)):
                return  # unsaved work kept: the user stays signed in
        self.session = session
        user = session.user
        self.tabs.setEnabled(True)
        self.lock_action.setEnabled(user.roles is not None)
        self.sign_out_action.setEnabled(True)
        self.idle.watch(user.roles is not None)  # the console operator of a database without users: no lock
        language.settings().setValue("login", user.login)
        who = user.name or user.login
        self.who.setText(_("Signed in: {name} — {roles}").format(name=who, roles=roles_text(user.roles)))
        assert self.people is not None
        session = self.session
        self.cases.model.page_loaded.connect(lambda: self.deadlines.refresh(session),
                                             Qt.ConnectionType.SingleShotConnection)  # the rows first
        self.cases.start(session, list(self.people.squads))
        emit(self.signed_in, self.session)

    def sign_out(self) -> None:
        """Close what was open, forget who worked, and ask who is there."""
        while self.tabs.count() > 1:
            self.close_tab(self.tabs.widget(1))
        self.session = None
        self.idle.watch(False)
        self.tabs.setEnabled(False)
        self.lock_action.setEnabled(False)
        self.sign_out_action.setEnabled(False)
        self.who.setText(_("Signed out."))
        self.ask_sign_in()

    def lock(self) -> None:
        """Hide the work until the same user's password is entered again (or they sign out)."""
        if self.session is None or self.lock_dialog is not None:
            return
        self.idle.watch(False)
        self.tabs.setVisible(False)
        self.lock_dialog = LockDialog(self.session, authenticate, self)
        self.lock_dialog.accepted.connect(lambda: self._unlocked(signed_out=False))
        self.lock_dialog.rejected.connect(lambda: self._unlocked(signed_out=True))
        self.lock_dialog.open()

    def _unlocked(self, *, signed_out: bool) -> None:
        self.lock_dialog = None
        self.tabs.setVisible(True)
        if signed_out:
            self.sign_out()
        else:
            self.idle.watch(True)

    def refresh(self) -> None:
        if self.session is None:
            return
        self.cases.refresh()
        self.deadlines.refresh(self.session)
        current = self.tabs.currentWidget()
        if isinstance(current, _workspace_class()):
            current.reload()

    # -- cases
    def workspace(self, case_id: int) -> CaseWorkspace | None:
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, _workspace_class()) and widget.case_id == case_id:
                return widget
        return None

    def open_case(self, case_id: int) -> CaseWorkspace:
        """The case's tab, opened (and loaded) when it is not open yet."""
        assert self.session is not None
        found = self.workspace(case_id)
        if found is None:
            found = _workspace_class()(self.runner, self.session, case_id, self)
            found.title_changed.connect(lambda text, w=found: self.tabs.setTabText(self.tabs.indexOf(w), text))
            found.changed.connect(self._case_changed)
            self.tabs.addTab(found, _("Case {id}").format(id=case_id))
        self.tabs.setCurrentWidget(found)
        return found

    def open_forms(self) -> QWidget | None:
        """The 票据/表单 tab: blocks of pre-numbered forms, their holders and reconciliation."""
        from desk.ui.forms_view import FormsView

        if self.session is None:
            return None
        found = next((w for i in range(1, self.tabs.count()) if isinstance(w := self.tabs.widget(i), FormsView)),
                     None)
        if found is None:
            found = FormsView(self.runner, self.session, self)
            self.add_tab(found, _("Forms"))
        else:
            found.reload()
        self.tabs.setCurrentWidget(found)
        return found

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)

    def _case_changed(self) -> None:
        if self.session is not None:
            self.cases.refresh()
            self.deadlines.refresh(self.session)

    def close_tab(self, widget: QWidget | None) -> bool:
        """Close a case's or an editor's tab (the case list stays); a case's tab takes its editors along.
        Unsaved changes ask Save / Discard / Cancel first (``desk.ui.unsaved``); False when cancelled."""
        if widget is None or widget is self.cases:
            return False
        going = [widget, *window_actions.editors_of(self, widget)]
        if not unsaved.may_close(self, window_actions.editors_in(going)):
            return False
        for each in going:
            self.tabs.removeTab(self.tabs.indexOf(each))
            each.deleteLater()
        return True

    # -- geometry
    def _restore(self) -> None:
        stored = language.settings()
        geometry, state = stored.value("window/geometry"), stored.value("window/state")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self.resize(1400, 880)
            self.resizeDocks([self.deadlines_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        tabs = [self.tabs.widget(i) for i in range(1, self.tabs.count())]
        if not unsaved.may_close(self, window_actions.editors_in(tabs)):
            event.ignore()
            return
        stored = language.settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/state", self.saveState())
        self.runner.pool.waitForDone(5000)
        super().closeEvent(event)


def _workspace_class() -> type[CaseWorkspace]:
    """The workspace, imported on first use: it brings the PDF machinery, which start-up does not need."""
    from desk.ui.workspace import CaseWorkspace

    return CaseWorkspace
