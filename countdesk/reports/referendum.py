"""Declaration of the result of a referendum: the Counting Officer's notice of the question, the
votes for each answer, the ballot papers counted and rejected under each head, and the result.

What the notice gives (SI 2012/2031 Sch 7 r.69(2), the neighbourhood planning business referendum
rules; the residential rules of Sch 3 are alike): the result, the number of ballot papers counted,
the total number of votes cast for each answer and the rejected ballot papers under each head. An
equality of votes decides no answer and is never settled by lot: "the result is that there is no
majority in favour" (Sch 3 r.41).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.completeness import summary
from ..domain.result import Status
from .blocks import figures_block, heading_block, officer_opening, pair, signature_block
from .context import DocumentContext, DocumentNotReady
from .grid import Grid
from .officer import require_officer
from .page import RenderedPdf, build_pdf
from .rejected import rejected_section
from .styles import FRAME_WIDTH, INK, SUBTOTAL_FILL, styles
from .text import lines, number, safe, say


def answers_table(ctx: DocumentContext) -> Table:
    """Each answer (in ballot-paper order) with its votes, the total, and the papers counted."""
    st = styles()
    lang, contest, result = ctx.lang, ctx.contest, ctx.result
    grid = Grid((FRAME_WIDTH - 40 * mm, 40 * mm))
    grid.add([(lines("col.answer", lang), st.head), (lines("col.votes", lang), st.head_right)])
    for answer in contest.candidates:
        carried = answer.id == result.answer
        grid.add([(answer.name, st.cell_bold if carried else st.cell),
                  (number(result.first.get(answer.id, 0)), st.cell_right_bold if carried else st.cell_right)])
    index = grid.add([(lines("row.total_valid", lang), st.cell_bold), (number(sum(result.first.values())),
                                                                       st.cell_right_bold)])
    grid.style(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_FILL), ("LINEABOVE", (0, index), (-1, index), 0.8, INK))
    grid.add([(lines("row.papers_counted", lang), st.cell), (number(result.ballot_papers_counted), st.cell_right)])
    return grid.table()


def result_sentence(ctx: DocumentContext) -> Flowable:
    result = ctx.result
    if result.status is Status.EQUAL:
        return pair(say("referendum.equal", ctx.lang), styles().body_bold)
    if result.answer is None:
        raise ValueError(f"a referendum result with no answer decided ({result.status}) has no result sentence")
    answer = ctx.contest.candidate(result.answer)
    return pair(say("referendum.decided", ctx.lang, answer=safe(answer.name)), styles().body_bold)


def check_ready(ctx: DocumentContext) -> None:
    if ctx.result.status not in (Status.DECIDED, Status.EQUAL):
        gaps = f" ({summary(ctx.result.gaps)})" if ctx.result.gaps else ""
        raise DocumentNotReady(
            f"the result of the referendum cannot be declared yet: the count is not complete{gaps}; print the "
            "provisional result sheet instead", f"contest {ctx.contest.id}",
        )
    require_officer(ctx, "declaration of the result of the referendum")


def render(ctx: DocumentContext) -> RenderedPdf:
    """A referendum's declaration (the document registry prints it as the contest's "declaration")."""
    check_ready(ctx)
    st = styles()
    story: list[Flowable] = heading_block(ctx, "title.referendum")
    story.append(officer_opening(ctx, "open.referendum"))
    story.append(pair(say("referendum.question", ctx.lang, question=safe(ctx.contest.question or "")), st.body_bold))
    story += [Spacer(0, 2), answers_table(ctx)]
    story += rejected_section(ctx)
    story.append(KeepTogether([
        Spacer(0, 6), figures_block(ctx), Spacer(0, 6), result_sentence(ctx), Spacer(0, 2), signature_block(ctx),
    ]))
    return build_pdf(ctx, "title.referendum", story)
