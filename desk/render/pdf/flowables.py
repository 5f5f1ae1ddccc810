"""Blocks (paragraphs, tables, page breaks) → platypus flowables for one document."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from desk.render.pdf import model
from desk.render.pdf.paragraph import Context, ParagraphFlowable
from desk.render.pdf.table_flowable import table_flowable


class Builder:
    def __init__(self, ctx: Context, compat_mode: int) -> None:
        self.ctx, self.compat_mode = ctx, compat_mode

    def flowables(
        self, blocks: Sequence[model.Block | model.PageBreak], *, page_start: bool = True, inside: bool = False
    ) -> list[Flowable]:
        """``page_start``: the blocks begin a page on purpose (the first one keeps its space before);
        ``inside``: the blocks fill a table cell or a header."""
        out: list[Flowable] = []
        at_start = page_start
        paragraphs = [b if isinstance(b, model.Paragraph) else None for b in blocks]
        for i, block in enumerate(blocks):
            if isinstance(block, model.PageBreak):
                out.append(PageBreak())
                at_start = True
                continue
            if isinstance(block, model.Table):
                out.append(table_flowable(block, self.cell, self.compat_mode, self.ctx.body_height))
                at_start = False
                continue
            fmt = block.fmt
            if fmt.page_break_before and not inside and not at_start:
                out.append(PageBreakIfNotEmpty())
                at_start = True
            before, after = fmt.space_before, fmt.space_after
            if fmt.contextual_spacing:
                previous = paragraphs[i - 1] if i else None
                following = paragraphs[i + 1] if i + 1 < len(blocks) else None
                if previous is not None and previous.fmt.style_id == fmt.style_id:
                    before = 0.0
                if following is not None and following.fmt.style_id == fmt.style_id:
                    after = 0.0
            out.append(
                ParagraphFlowable(block, self.ctx, before=before, after=after, keep_before=at_start, inside=inside)
            )
            at_start = False
        return out

    def cell(self, blocks: Sequence[model.Block]) -> list[Flowable]:
        return self.flowables(blocks, inside=True)
