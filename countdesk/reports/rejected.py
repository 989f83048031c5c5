"""The statement of rejected ballot papers, and the rejected-papers table the declaration reuses.

Heads as the office's rules give them (domain/regimes.py; domain.md §2 and §6): five for a PCC
(unmarked and uncertain apart); four for every other office, where "unmarked or void for
uncertainty" prints the sum of two keys; "rejected in part" on multi-seat wards. For SV with a second round, the one
statutory second-stage figure follows (papers rejected for the count of second preferences as
unmarked or void for uncertainty as to the second preference: PCC Order 2012 Sch 3 r.62(2)(d)(ii)).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from ..domain.regimes import PrintedHead, regime_of
from .blocks import figures_block, heading_block, officer_opening, pair, signature_block
from .context import DocumentContext
from .grid import Grid
from .page import RenderedPdf, build_pdf
from .results_table import has_second_round
from .styles import FRAME_WIDTH, HEADER_FILL, INK, SUBTOTAL_FILL, styles
from .text import lines, number, say

LETTERS = "abcdefgh"


def printed_heads(ctx: DocumentContext) -> tuple[PrintedHead, ...]:
    """The heads the office's rules give (domain/regimes.py), in statement order; "rejected in
    part" (no count-file key of its own) is printed apart, under the total."""
    return tuple(h for h in regime_of(ctx.election, ctx.contest).printed_heads(ctx.contest.seats) if h.keys)


def has_rejected_in_part(ctx: DocumentContext) -> bool:
    return any(not h.keys for h in regime_of(ctx.election, ctx.contest).printed_heads(ctx.contest.seats))


def rejected_table(ctx: DocumentContext, *, first_only: bool = False) -> Table:
    """One table: the heads and their total; "rejected in part" on a multi-member ward; for SV
    after a second round, the statutory second-stage figure."""
    st = styles()
    lang, result = ctx.lang, ctx.result
    by_head = result.rejected.by_head
    grid = Grid((10 * mm, FRAME_WIDTH - 48 * mm, 38 * mm))
    grid.add(["", (lines("col.reason", lang), st.head), (lines("col.papers", lang), st.head_right)])
    first_block = grid.next_row
    for letter, head in zip(LETTERS, printed_heads(ctx), strict=False):
        value = sum(by_head.get(k, 0) for k in head.keys)
        grid.add([(f"({letter})", st.cell), (lines(f"head:{head.label}", lang), st.cell),
                  (number(value), st.cell_right)])
    _total(grid, lines("row.rejected_total", lang), result.rejected.total)
    # Heads and their total never part across a page.
    grid.style(("NOSPLIT", (0, first_block), (-1, grid.next_row - 1)))
    if has_rejected_in_part(ctx):
        index = grid.span_next(0, 1)
        grid.add([(lines("row.rejected_in_part", lang), st.cell), None,
                  (number(result.rejected.rejected_in_part), st.cell_right)])
        grid.style(("LINEABOVE", (0, index), (-1, index), 0.8, INK))
    if has_second_round(result) and not first_only:
        index = grid.span_next(0, -1)
        grid.add([(lines("second_rejected.intro", lang), st.cell_bold)])
        grid.style(("BACKGROUND", (0, index), (-1, index), HEADER_FILL),
                   ("LINEABOVE", (0, index), (-1, index), 0.8, INK))
        row = grid.span_next(0, 1)
        grid.add([(lines("head.second_rejected", lang), st.cell), None,
                  (number(result.second_rejected or 0), st.cell_right)])
        grid.style(("NOSPLIT", (0, index), (-1, row)))
    return grid.table()


def _total(grid: Grid, text: str, value: int) -> None:
    st = styles()
    index = grid.span_next(0, 1)
    grid.add([(text, st.cell_bold), None, (number(value), st.cell_right_bold)])
    grid.style(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_FILL),
               ("LINEABOVE", (0, index), (-1, index), 0.8, INK))


def rejected_section(ctx: DocumentContext, *, with_intro: bool = True, first_only: bool = False) -> list[Flowable]:
    """The table may run over a page (its heads repeat), but never starts in the last few
    centimetres of one, leaving its introduction or its heads alone at the foot."""
    flow: list[Flowable] = [CondPageBreak(45 * mm), Spacer(0, 6)]
    if with_intro:
        flow.append(pair(say("rejected.intro", ctx.lang), styles().body))
    flow.append(rejected_table(ctx, first_only=first_only))
    return flow


def render(ctx: DocumentContext) -> RenderedPdf:
    story: list[Flowable] = heading_block(ctx, "title.rejected")
    story.append(officer_opening(ctx, "open.rejected"))
    story += rejected_section(ctx, with_intro=False)
    story.append(KeepTogether([Spacer(0, 10), figures_block(ctx), Spacer(0, 14), signature_block(ctx)]))
    return build_pdf(ctx, "title.rejected", story)
