"""Ops over discretion standards: what the picker shows for a case, applying a tier, the loaded versions,
importing a file, and the discretion fields of a document recomputed after a tier is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.casefile.facts import CaseFile
    from desk.discretion.model import Circumstance, Standard
    from desk.ui.session import Session

DISCRETION_FIELDS = ("discretion_standard", "discretion_level", "discretion")


@dataclass(frozen=True)
class DiscretionView:
    cf: CaseFile
    loaded: tuple[Standard, ...]


def open_discretion(session: Session, case_id: int) -> DiscretionView:
    from desk.discretion.store import standards
    from desk.services.cases import load_casefile

    with session.uow(write=False) as uow:
        return DiscretionView(load_casefile(uow, case_id), tuple(standards(uow.session)))


def apply(session: Session, case_id: int, version: str, item: str, level: str,
          circumstances: Sequence[Circumstance]) -> None:
    from desk.discretion.store import apply as apply_tier

    with session.uow() as uow:
        apply_tier(uow, case_id, version=version, item=item, level=level, circumstances=circumstances)


def document_fields(session: Session, case_id: int, kind_id: str) -> dict[str, object]:
    """The discretion fields' defaults for ``kind_id`` from the case as it now stands."""
    from desk.render.docx_fill import default_fields
    from desk.render.fields import plain
    from desk.services.cases import load_casefile

    with session.uow(write=False) as uow:
        cf = load_casefile(uow, case_id)
    values = default_fields(kind_id, cf, today=date.today())
    return {k: plain(v) for k, v in values.items() if k in DISCRETION_FIELDS}


def loaded(session: Session) -> list[Standard]:
    from desk.discretion.store import standards

    with session.uow(write=False) as uow:
        return standards(uow.session)


def import_standard(session: Session, path: Path) -> Standard:
    from desk.discretion.store import import_file

    with session.uow() as uow:
        return import_file(uow, path)
