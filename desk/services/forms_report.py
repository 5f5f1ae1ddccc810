"""The reconciliation of a block of forms (票据核销表): every number of the block exactly once — used (with its
case, party and date), spoiled (with the reason) or unused — as rows, an XLSX workbook (openpyxl) or a
printable PDF; and the leader's sign-off (核销), refused while any number is unused.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

from desk.db.uow import UnitOfWork
from desk.errors import Refusal
from desk.i18n import gettext
from desk.models import FormBlock
from desk.services import access, audit
from desk.services.forms import get_block, holder_text, number_of, ranges, the_agency, unused, used

STATES = ("used", "spoiled", "unused")


@dataclass(frozen=True)
class Line:
    seq: int
    number: str
    state: str  # used, spoiled, unused
    case: str = ""  # the case number (its id while it has none)
    party: str = ""
    on: date | None = None
    note: str = ""  # the reason a form was spoiled, or a voided document was voided


@dataclass(frozen=True)
class Reconciliation:
    block: int
    code: str
    year: int
    first: int
    last: int
    holder: str
    lines: tuple[Line, ...]
    signed_off_by: str | None
    signed_off_at: datetime | None

    def count(self, state: str) -> int:
        return sum(1 for line in self.lines if line.state == state)

    @property
    def title(self) -> str:
        return f"{self.code}〔{self.year}〕{self.first}–{self.last}"


def reconcile(uow: UnitOfWork, ref: int | str, lang: str | None = None) -> Reconciliation:
    """Every number of the block, in order, each once as used, spoiled or unused."""
    agency = the_agency(uow)
    block = get_block(uow, ref)
    docs = used(uow, block)
    spoiled = {s.seq: s for s in block.spoiled}
    lines = []
    for seq in range(block.first_seq, block.last_seq + 1):
        number = number_of(agency, block, seq)
        if seq in docs:
            d = docs[seq]
            note = f"{gettext('voided', lang)}: {d.void_reason or ''}" if d.status == "void" else ""
            lines.append(Line(seq, number, "used", d.case.number or str(d.case_id), d.case.party_name, d.issued_on,
                              note))
        elif seq in spoiled:
            s = spoiled[seq]
            lines.append(Line(seq, number, "spoiled", on=s.at.date(), note=s.reason))
        else:
            lines.append(Line(seq, number, "unused"))
    return Reconciliation(block.id, block.code, block.year, block.first_seq, block.last_seq, holder_text(block),
                          tuple(lines), block.signed_off_by, block.signed_off_at)


def sign_off(uow: UnitOfWork, ref: int | str, *, by: str | None = None) -> FormBlock:
    """The leader's 核销 of a block: refused (exit 1) while any of its numbers is unused."""
    access.require(uow, "sign_off")
    block = get_block(uow, ref, lock=True)
    if block.signed_off_at is not None:
        raise Refusal("form_signed_off_already", block=block.id, by=block.signed_off_by or "—",
                      at=block.signed_off_at.date())
    left = unused(uow, block)
    if left:
        raise Refusal("form_signoff_unused", block=block.id, count=len(left), numbers=ranges(left))
    block.signed_off_by = (by or uow.actor or "").strip() or None
    block.signed_off_at = datetime.now(UTC)
    audit.record(uow, "form_block_signed_off", block=block.id, by=block.signed_off_by)
    return block


HEADINGS = ("No.", "Form number", "State", "Case", "Party", "Date", "Note")


def _labels(lang: str | None) -> tuple[list[str], dict[str, str]]:
    return ([gettext(h, lang) for h in HEADINGS],
            {"used": gettext("used", lang), "spoiled": gettext("spoiled", lang), "unused": gettext("unused", lang)})


def _title(r: Reconciliation, lang: str | None) -> str:
    return gettext("Reconciliation of form block {block}: {title}", lang).format(block=r.block, title=r.title)


def _summary(r: Reconciliation, lang: str | None) -> str:
    signed = (gettext("Signed off (核销) by {by} on {at}", lang).format(by=r.signed_off_by or "—",
                                                                      at=r.signed_off_at.date())
              if r.signed_off_at else gettext("Not signed off", lang))
    return gettext("Holder: {holder}. Used {used}, spoiled {spoiled}, unused {unused}. {signed}.", lang).format(
        holder=r.holder or "—", used=r.count("used"), spoiled=r.count("spoiled"), unused=r.count("unused"),
        signed=signed)


def _cells(line: Line, states: dict[str, str]) -> list[object]:
    return [line.seq, line.number, states[line.state], line.case, line.party,
            line.on.isoformat() if line.on else "", line.note]


def xlsx_bytes(r: Reconciliation, lang: str | None = None) -> bytes:
    """The reconciliation as a one-sheet workbook: title, summary, then one row per number."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    headings, states = _labels(lang)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"{r.code}{r.year}-{r.first}"[:31]
    ws.append([_title(r, lang)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([_summary(r, lang)])
    ws.append(headings)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for line in r.lines:
        ws.append(_cells(line, states))
    for col, width in zip("ABCDEFG", (8, 30, 10, 30, 30, 12, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def pdf_bytes(r: Reconciliation, lang: str | None = None) -> bytes:
    """The reconciliation for printing (A4, repeated heading row, the leader's signature line at the end)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer

    from desk.dossier.typeset import MARGIN, PAGE, Typesetter

    ts = Typesetter()
    small, body = ts.style(8, leading=1.25), ts.style(10.5)
    headings, states = _labels(lang)
    rows: list[list[object]] = [[ts.para(h, ts.style(8, face=ts.hei)) for h in headings]]
    wrapping = {3, 4, 6}  # case, party and note may need two lines; the other cells are short plain strings
    rows += [[ts.para(str(c), small) if i in wrapping and c else str(c) for i, c in enumerate(_cells(line, states))]
             for line in r.lines]
    widths = [x * mm for x in (9, 48, 11, 44, 18, 18, 22)]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(ts.table_style(("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                  ("FONTSIZE", (0, 1), (-1, -1), 8)))
    signature = gettext("Signed off (核销) by: ____________    Date: ____________", lang)
    story = [ts.para(_title(r, lang), ts.style(16, face=ts.title_face, center=True, space_after=8)),
             ts.para(_summary(r, lang), body), Spacer(1, 4 * mm), table, Spacer(1, 10 * mm), ts.para(signature, body)]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=_title(r, lang), author="Desk")
    page = gettext("Page {page}", lang)

    def number_page(canvas: Canvas, _doc: object) -> None:
        canvas.setFont(ts.song.name, 9)
        canvas.drawCentredString(PAGE[0] / 2, MARGIN / 2, page.format(page=canvas.getPageNumber()))

    doc.build(story, onFirstPage=number_page, onLaterPages=number_page)
    return out.getvalue()
