"""Ops of the dossier view and the archive wizard: the planned order of both volumes, adding evidence,
building a volume, archiving the case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desk.ui.text import N_, word

if TYPE_CHECKING:
    from desk.archive.verify import VerifyReport
    from desk.casefile.facts import CaseFile
    from desk.dossier.plan import VolumePlan
    from desk.services.archiving import ArchiveResult
    from desk.services.dossier import DossierResult
    from desk.ui.runner import Progress
    from desk.ui.session import Session

VOLUMES = ("main", "sub")
STAGES = {
    "plan": N_("Planning the volume"),
    "layout": N_("Laying out the documents"),
    "sheets": N_("Cover, index and reference sheet"),
    "assemble": N_("Assembling the pages"),
    "stamp": N_("Stamping the page numbers"),
    "save": N_("Saving"),
    "done": N_("Done"),
}


@dataclass(frozen=True)
class Caption:
    path: Path
    title: str
    kind: str
    made_on: date
    made_by: str
    proves: str


def plans(cf: CaseFile) -> tuple[VolumePlan, ...]:
    """The planned order of both volumes under the shipped binding profile."""
    from desk.dossier.plan import plan_volume
    from desk.dossier.profile import load_profile

    profile = load_profile("default")
    return tuple(plan_volume(cf, profile, volume) for volume in VOLUMES)


def add_evidence(session: Session, case_id: int, captions: tuple[Caption, ...]) -> int:
    """Store the files as evidence of the case (all or none); returns how many were added."""
    from desk.services.evidence import add_attachment

    with session.uow() as uow:
        for c in captions:
            add_attachment(uow, case_id, c.path, title=c.title, kind=c.kind, made_on=c.made_on, made_by=c.made_by,
                           proves=c.proves)
    return len(captions)


def build(session: Session, case_id: int, volume: str, duplex: bool, out: Path,
          progress: Progress) -> tuple[DossierResult, ...]:
    """Bind ``volume`` (``main``, ``sub`` or ``all``) beside ``out``; cancelling leaves no file."""
    from desk.services.dossier import build_dossier, build_volumes, volume_path

    def report(fraction: float, stage: str) -> None:
        progress(round(fraction * 100), word(STAGES, stage))

    with session.uow(write=False) as uow:
        if volume == "all":
            return tuple(build_volumes(uow, case_id, out=out, duplex=duplex, progress=report,
                                       cancel=lambda: progress.cancelled))
        return (build_dossier(uow, case_id, volume=volume, out=volume_path(out, volume), duplex=duplex,
                              progress=report, cancel=lambda: progress.cancelled),)


def archive(session: Session, case_id: int, out: Path, retention: str, passphrase: str | None = None
            ) -> ArchiveResult:
    from desk.services.archiving import archive as archive_case

    with session.uow() as uow:
        return archive_case(uow, case_id, out=out, retention=retention, passphrase=passphrase)


EvidenceOp = Callable[["Progress"], None]


def remove_evidence(session: Session, case_id: int, attachment_id: int | None) -> None:
    from desk.services.evidence import remove_attachment

    assert attachment_id is not None
    with session.uow() as uow:
        remove_attachment(uow, case_id, attachment_id)


def move_evidence(session: Session, case_id: int, attachment_id: int | None, position: int) -> None:
    from desk.services.evidence import move_attachment

    assert attachment_id is not None
    with session.uow() as uow:
        move_attachment(uow, case_id, attachment_id, position)


def recaption_evidence(session: Session, case_id: int, attachment_id: int | None, c: Caption) -> None:
    from desk.services.evidence import recaption

    assert attachment_id is not None
    with session.uow() as uow:
        recaption(uow, case_id, attachment_id, title=c.title, kind=c.kind, made_on=c.made_on, made_by=c.made_by,
                  proves=c.proves)


def attach_scan(session: Session, doc_id: int, path: Path) -> None:
    from desk.services.scans import attach_scan as attach

    with session.uow() as uow:
        attach(uow, doc_id, path)


def verify(path: Path) -> VerifyReport:
    from desk.archive.verify import verify_package

    return verify_package(path)
