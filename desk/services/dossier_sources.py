"""Where each planned item's pages come from: the generated documents laid out in one reportlab pass, evidence
PDFs opened from the store, pictures (laid out later by the binder's own pass).

A stored file that is gone or unreadable is not bound; it becomes a "damaged" line of the 备考表.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import UnidentifiedImageError

from desk.db.uow import UnitOfWork
from desk.dossier.assemble import Pages
from desk.dossier.photos import Picture, read_picture
from desk.dossier.plan import Item, Remark
from desk.errors import TemplateError
from desk.render.fonts import default_fonts
from desk.render.pdf import RenderedDoc, build_volume, docx_flowables
from desk.services import documents, store


@dataclass
class Gathered:
    """The items that will be bound, each with its pages (``None``: a picture, laid out by the binder's pass)."""

    items: list[Item] = field(default_factory=list)
    pages: list[Pages | None] = field(default_factory=list)
    pictures: list[tuple[Item, Picture]] = field(default_factory=list)
    damaged: list[Remark] = field(default_factory=list)

    def count(self, i: int) -> int:
        found = self.pages[i]
        return 1 if found is None else len(found.pages)


Step = Callable[[str], None]


def gather(uow: UnitOfWork, items: Sequence[Item], step: Step) -> Gathered:
    """Fetch each item's DOCX or stored file; ``step`` is called before each item (it may cancel).

    A document whose DOCX cannot be drawn (no template, a construct the renderer refuses) is not bound either:
    it becomes a "damaged" line naming the problem, and the rest of the volume is bound."""

    got = Gathered()
    drawn: list[tuple[int, RenderedDoc]] = []
    for item in items:
        step(item.title)
        try:
            if item.medium == "docx":
                assert item.document is not None and item.document.id is not None
                data = documents.docx_bytes(uow, item.document.id)
                drawn.append((len(got.items), docx_flowables(data, fonts=default_fonts(), key=f"d{len(drawn)}")))
                got.pages.append(None)
            elif item.medium == "pdf":
                pdf = pikepdf.open(stored_path(item.file or ""))
                got.pages.append(Pages(pdf, range(len(pdf.pages))))
            else:
                got.pictures.append((item, read_picture(stored_path(item.file or ""))))
                got.pages.append(None)
            got.items.append(item)
        except TemplateError as exc:
            problem = exc.render("zh_CN")
            got.damaged.append(Remark("damaged", f"{item.title}{item.number or ''}：无法生成（{problem}），未装订"))
        except (OSError, pikepdf.PdfError, UnidentifiedImageError, SyntaxError) as exc:
            got.damaged.append(Remark("damaged", f"{item.title}：文件无法读取（{type(exc).__name__}），未装订"))
    if drawn:
        step("")
        laid, runs = lay_out_documents([part for _, part in drawn])
        for (i, _), run in zip(drawn, runs, strict=True):
            got.pages[i] = Pages(laid, run)
    return got


def stored_path(file: str) -> Path:
    """``store:<sha256>/<name>`` → its path in the store; any other reference is a path as it stands."""
    if file.startswith("store:"):
        return store.path_of(file[6:].split("/", 1)[0])
    return Path(file)


def lay_out_documents(parts: Sequence[RenderedDoc]) -> tuple[pikepdf.Pdf, list[range]]:
    """All generated documents in one reportlab pass (shared font subsets); each document's run of pages."""
    volume = build_volume(parts)
    pdf = pikepdf.open(io.BytesIO(volume))
    return pdf, [range(d.start - 1, d.start - 1 + d.count) for d in volume.documents]
