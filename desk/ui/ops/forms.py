"""Ops of the 票据/表单 view: the blocks with the squads and officers to hand them to, register, hand over,
spoil, the reconciliation of a block (rows, XLSX, PDF) and its sign-off (核销)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.services.forms import BlockRow
    from desk.services.forms_report import Reconciliation
    from desk.ui.session import Session


@dataclass(frozen=True)
class Blocks:
    rows: tuple[BlockRow, ...]
    squads: tuple[str, ...]
    officers: tuple[str, ...]


def blocks(session: Session) -> Blocks:
    from desk.services import directory, forms

    with session.uow(write=False) as uow:
        return Blocks(tuple(forms.blocks(uow)), tuple(directory.squads(uow)),
                      tuple(o.name for o in directory.officers(uow)))


def add(session: Session, *, code: str, year: str, first: str, last: str, squad: str | None,
        officer: str | None) -> int:
    from desk.services import forms

    with session.uow() as uow:
        return forms.add(uow, code=code, year=year, first=first, last=last, squad=squad, officer=officer).id


def hand(session: Session, block: int, *, squad: str | None, officer: str | None) -> None:
    from desk.services import forms

    with session.uow() as uow:
        forms.hand(uow, block, squad=squad, officer=officer)


def spoil(session: Session, number: str, reason: str) -> None:
    from desk.services import forms

    with session.uow() as uow:
        forms.spoil(uow, number, reason=reason)


def reconcile(session: Session, block: int) -> Reconciliation:
    from desk.services import forms_report

    with session.uow(write=False) as uow:
        return forms_report.reconcile(uow, block)


def export_xlsx(session: Session, block: int, path: Path) -> Path:
    from desk.services import forms_report

    path.write_bytes(forms_report.xlsx_bytes(reconcile(session, block)))
    return path


def pdf(session: Session, block: int) -> bytes:
    from desk.services import forms_report

    return forms_report.pdf_bytes(reconcile(session, block))


def sign_off(session: Session, block: int) -> None:
    from desk.services import forms_report

    with session.uow() as uow:
        forms_report.sign_off(uow, block, by=session.user.name or session.user.login)
