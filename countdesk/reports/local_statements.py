"""The statements a count gives before (or, in a counting area of a collated poll, instead of) a
declaration: the provisional statement at the conclusion of the first count and the one after the
count of second preference votes. They never say "elected": a counting area's figures are sent to
the collating officer, who declares.

First count (SI 2017/67 Sch 1 r.54(1); the PCC and mayoral rules are alike): (a) the total number
of ballot papers used, (b) the total number of rejected ballot papers, (c) with three or more
candidates the first preference votes for each candidate and their total, (d) with two, the votes
for each. After the second preference count (r.56(2)): first preferences, second preferences for
each candidate remaining in the contest, their totals, and the papers rejected at that count.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from .blocks import heading_block, officer_opening, pair, signature_block
from .context import DocumentContext, DocumentNotReady
from .grid import Grid
from .page import RenderedPdf, build_pdf
from .rejected import rejected_section
from .results_table import candidate_table, has_second_round
from .styles import FRAME_WIDTH, styles
from .text import lines, number, say


def papers_table(ctx: DocumentContext) -> Table:
    """(a) ballot papers used, (b) rejected ballot papers."""
    st = styles()
    lang, result = ctx.lang, ctx.result
    grid = Grid((10 * mm, FRAME_WIDTH - 48 * mm, 38 * mm), header_rows=0)
    grid.add([("(a)", st.cell), (lines("row.papers_used", lang), st.cell_bold),
              (number(result.ballot_papers_counted), st.cell_right_bold)])
    grid.add([("(b)", st.cell), (lines("row.papers_rejected", lang), st.cell_bold),
              (number(result.rejected.total), st.cell_right_bold)])
    return grid.table(repeat_rows=0)


def _not_a_declaration(ctx: DocumentContext) -> Flowable:
    return pair(say("statement.not_declaration", ctx.lang), styles().body_bold)


def render_first_count(ctx: DocumentContext) -> RenderedPdf:
    story: list[Flowable] = heading_block(ctx, "title.first_count")
    story.append(officer_opening(ctx, "open.first_count"))
    story += [Spacer(0, 2), papers_table(ctx), Spacer(0, 6)]
    story.append(candidate_table(ctx, show_elected=False, first_only=True))
    story += rejected_section(ctx, first_only=True)
    story.append(KeepTogether([Spacer(0, 8), _not_a_declaration(ctx), Spacer(0, 6), signature_block(ctx)]))
    return build_pdf(ctx, "title.first_count", story)


def render_second_count(ctx: DocumentContext) -> RenderedPdf:
    if not has_second_round(ctx.result):
        raise DocumentNotReady(
            "there is no count of second preference votes to state: no second preference votes have been "
            "counted for this contest", f"contest {ctx.contest.id}",
        )
    story: list[Flowable] = heading_block(ctx, "title.second_count")
    story.append(officer_opening(ctx, "open.second_count"))
    story += [Spacer(0, 2), candidate_table(ctx, show_elected=False)]
    story += rejected_section(ctx)
    story.append(KeepTogether([Spacer(0, 8), _not_a_declaration(ctx), Spacer(0, 6), signature_block(ctx)]))
    return build_pdf(ctx, "title.second_count", story)
