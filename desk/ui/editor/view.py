"""The editor of one document: its form beside its live preview; saving makes (or changes) the draft."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desk.catalogue import kind
from desk.errors import DeskError
from desk.ui.editor.form import FieldForm
from desk.ui.editor.preview import PreviewPane
from desk.ui.errors import show_error
from desk.ui.ops import documents as ops
from desk.ui.runner import Op, Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import _, kind_title


class EditorView(QWidget):
    saved = Signal()
    closed = Signal()
    ready = Signal()  # the form is filled

    def __init__(self, runner: Runner, session: Session, case_id: int, kind_id: str, doc_id: int | None) -> None:
        super().__init__()
        self.setObjectName("editor")
        self.runner, self.session, self.case_id, self.doc_id = runner, session, case_id, doc_id
        self.kind = kind(kind_id)
        self.start: ops.EditorStart | None = None
        self.form: FieldForm | None = None
        self.dirty = False  # changes typed since the last save (closing asks: desk.ui.unsaved)

        self.heading = QLabel(self.title())
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.state = QLabel(_("Loading…"))
        self.state.setObjectName("state")
        self.save_button = QPushButton(_("Save draft"))
        self.save_button.setObjectName("save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save())
        close = QPushButton(_("Close"))
        close.clicked.connect(self.closed)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.state, 1)
        top.addWidget(self.save_button)
        top.addWidget(close)
        self.preview = PreviewPane(runner)
        self.split = QSplitter()
        self.split.addWidget(QLabel(_("Loading…")))
        self.split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        runner.submit(lambda _p: ops.start_editing(session, case_id, kind_id, doc_id), done=self._begin)

    def title(self) -> str:
        return kind_title(self.kind.id)

    def _begin(self, start: ops.EditorStart) -> None:
        self.start = start
        self.form = FieldForm(self.kind, start.cf.parties, start.officers)
        placeholder = self.split.replaceWidget(0, self.form)
        if placeholder is not None:
            placeholder.deleteLater()
        self.split.setSizes([560, 640])
        self.form.set_values(start.values)
        self.form.changed.connect(self._changed)
        if "discretion_level" in self.form.inputs:  # the item, tier and circumstances applied (#17)
            self._discretion()
        self.save_button.setEnabled(self.session.may("edit" if self.doc_id else "draft"))
        self.form.check()
        self.preview.schedule(self._preview_op, at_once=True)  # nothing was typed yet: no reason to wait
        self.state.setText(_("Draft, saved") if self.doc_id else _("New draft, not saved yet"))
        emit(self.ready)

    def _discretion(self) -> None:
        from desk.ui.discretion import DiscretionPicker

        assert self.form is not None
        self.discretion = DiscretionPicker(self.runner, self.session, self.case_id)
        self.discretion.setMaximumHeight(420)
        cast(QVBoxLayout, self.layout()).insertWidget(1, self.discretion)  # above the form whose fields it fills
        fine = self.form.inputs.get("fine")
        if fine is not None:  # the fine field shows the ranges and warns outside them
            self.fine_note = QLabel()
            self.fine_note.setObjectName("fine_discretion")
            self.fine_note.setWordWrap(True)
            fine.box.addWidget(self.fine_note)
            self.discretion.judged.connect(self._judged)
            fine.changed.connect(lambda: self.discretion.set_fine(fine.value()))
            self.discretion.set_fine(fine.value())
        self.discretion.applied.connect(self._discretion_applied)

    def _judged(self, ranges: str, warning: str) -> None:
        from desk.ui.discretion import WARNING_STYLE

        self.fine_note.setText("\n".join(t for t in (ranges, warning) if t))
        self.fine_note.setStyleSheet(WARNING_STYLE if warning else "")

    def _discretion_applied(self) -> None:
        """The tier was recorded on the case: the document's discretion fields follow it."""
        from desk.ui.ops.discretion import document_fields

        session, case_id, kind_id = self.session, self.case_id, self.kind.id
        self.runner.submit(lambda _p: document_fields(session, case_id, kind_id), done=self._set_fields)

    def _set_fields(self, values: dict[str, object]) -> None:
        assert self.form is not None
        for name, value in values.items():
            self.form.inputs[name].set_value(value)
        self._changed()

    def _changed(self) -> None:
        assert self.form is not None
        self.dirty = True
        self.form.check()
        self.state.setText(_("Changed, not saved"))
        self.preview.schedule(self._preview_op)

    def _preview_op(self) -> Op:
        assert self.form is not None and self.start is not None
        cf, kind_id, values = self.start.cf, self.kind.id, self.form.values()
        return lambda _p: ops.preview(cf, kind_id, values, None)

    def save(self) -> bool:
        """Store the draft when every field is valid; ``False`` (problems shown by the fields) otherwise."""
        assert self.form is not None
        if self.form.check():
            self.state.setText(_("Correct the marked fields to save."))
            return False
        session, case_id, kind_id, doc_id, values = (self.session, self.case_id, self.kind.id, self.doc_id,
                                                     self.form.values())
        self.runner.submit(lambda _p: ops.save(session, case_id, kind_id, doc_id, values), done=self._saved)
        return True

    def save_now(self) -> bool:
        """Store the draft before the editor closes (on the UI thread: the editor is gone right after)."""
        assert self.form is not None
        if self.form.check():
            self.state.setText(_("Correct the marked fields to save."))
            return False
        try:
            self._saved(ops.save(self.session, self.case_id, self.kind.id, self.doc_id, self.form.values()))
        except DeskError as err:
            show_error(self, err)
            return False
        return True

    def _saved(self, doc_id: int) -> None:
        self.dirty = False
        self.doc_id = doc_id
        self.state.setText(_("Draft, saved"))
        self.save_button.setEnabled(self.session.may("edit"))
        emit(self.saved)

