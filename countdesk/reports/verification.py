"""Statement as to the result of the verification (domain.md §4): each box's ballot paper account
beside the papers counted, the difference and its note; polling-station and postal subtotals and
the total. Long statements flow over pages with the column heads repeated."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.model import Box
from .blocks import figures_block, heading_block, pair, signature_block
from .context import DocumentContext
from .grid import Grid
from .page import RenderedPdf, build_pdf
from .styles import FRAME_WIDTH, HEADER_FILL, INK, SUBTOTAL_FILL, styles
from .text import lines, number, say, say_plain, signed_number


def column_widths(lang: str) -> tuple[float, ...]:
    """Fixed widths, the description taking the rest; bilingual "Gorsaf / Station" needs room on
    one line (stacked, it would double every row's height)."""
    bilingual = lang == "cy-en"
    type_width, difference_width = (23 * mm, 22.5 * mm) if bilingual else (15 * mm, 18 * mm)
    fixed = (15 * mm, 0, type_width, 19 * mm, 16 * mm, difference_width, 31 * mm)
    return tuple(w or FRAME_WIDTH - sum(fixed) for w in fixed)


def _sum(values: Sequence[int | None]) -> int:
    return sum(v for v in values if v is not None)


def _box_row(grid: Grid, box: Box, lang: str) -> None:
    st = styles()
    difference = box.difference
    grid.add([
        (box.id, st.cell),
        (box.label, st.cell),
        (" / ".join(say_plain("box.postal" if box.postal else "box.station", lang)),
         st.cell if lang == "en" else st.small),
        (number(box.ballot_paper_account) if box.ballot_paper_account is not None else "—", st.cell_right),
        (number(box.verified) if box.verified is not None else lines("box.not_verified", lang), st.cell_right),
        (signed_number(difference) if difference is not None else "—",
         st.cell_right_bold if difference else st.cell_right),
        (box.note or "", st.cell),
    ])


def _total_row(grid: Grid, key: str, boxes: Sequence[Box], lang: str, rule: float) -> None:
    st = styles()
    index = grid.span_next(0, 2)
    grid.add([
        (lines(key, lang), st.cell_bold), None, None,
        (number(_sum([b.ballot_paper_account for b in boxes])), st.cell_right_bold),
        (number(_sum([b.verified for b in boxes])), st.cell_right_bold),
        (signed_number(_sum([b.difference for b in boxes])), st.cell_right_bold),
        "",
    ])
    grid.style(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_FILL),
               ("LINEABOVE", (0, index), (-1, index), rule, INK))


def boxes_table(ctx: DocumentContext) -> Table:
    st = styles()
    lang = ctx.lang
    grid = Grid(column_widths(lang))
    grid.add([
        (lines("col.box", lang), st.head), (lines("col.box_description", lang), st.head),
        (lines("col.type", lang), st.head), (lines("col.account", lang), st.head_right),
        (lines("col.verified", lang), st.head_right), (lines("col.difference", lang), st.head_right),
        (lines("col.note", lang), st.head),
    ])
    groups = (
        ("group.station", "row.subtotal_station", [b for b in ctx.contest.boxes if not b.postal]),
        ("group.postal", "row.subtotal_postal", [b for b in ctx.contest.boxes if b.postal]),
    )
    for group_key, subtotal_key, boxes in groups:
        if not boxes:
            continue
        index = grid.span_next(0, -1)
        grid.add([(" · ".join(say_plain(group_key, lang)), st.cell_bold)])
        grid.style(("BACKGROUND", (0, index), (-1, index), HEADER_FILL))
        for box in boxes:
            _box_row(grid, box, lang)
        _total_row(grid, subtotal_key, boxes, lang, 0.6)
    _total_row(grid, "row.grand_total", ctx.contest.boxes, lang, 1.0)
    return grid.table()


def render(ctx: DocumentContext) -> RenderedPdf:
    st = styles()
    story: list[Flowable] = heading_block(ctx, "title.verification")
    story.append(pair(say("open.verification", ctx.lang), st.body))
    story.append(Spacer(0, 2))
    if ctx.contest.boxes:
        story.append(boxes_table(ctx))
        story += [Spacer(0, 4), pair(say("verification.account_note", ctx.lang), st.small)]
    else:
        story.append(pair(say("verification.none", ctx.lang), st.body_bold))
    unverified = sum(1 for b in ctx.contest.boxes if b.verified is None)
    if unverified:
        story += [Spacer(0, 4), pair(say("verification.unverified", ctx.lang, n=number(unverified)), st.body_bold)]
    story.append(KeepTogether([Spacer(0, 10), figures_block(ctx), Spacer(0, 14), signature_block(ctx)]))
    return build_pdf(ctx, "title.verification", story)
