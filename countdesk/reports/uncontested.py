"""Notice of an uncontested election: the candidates remaining validly nominated are not more than
the seats, so there is no poll and they are declared elected; seats left over are said to be
unfilled. No figures, no turnout, no rejected papers: nobody voted.

The rules: RPA 1983 Sch 1 r.50(2) (UK Parliament: the statement of persons nominated declares the
one candidate elected); for council, mayoral and PCC polls the returning officer declares the
candidates remaining validly nominated elected and gives public notice of their names and
descriptions as soon as practicable after the last time for withdrawals (e.g. the GLA Elections
Rules 2007, SI 2007/3541, Sch 5 r.54(4); Electoral Commission guidance for local government
elections in England, "Will the election be contested or uncontested?").
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.result import Status
from .blocks import heading_block, officer_opening, pair, signature_block
from .context import DocumentContext, DocumentNotReady
from .grid import Grid
from .officer import require_officer
from .offices import declaring_sentence_key
from .page import RenderedPdf, build_pdf
from .styles import FRAME_WIDTH, styles
from .text import candidate_names, lines, number, say


def nominated_table(ctx: DocumentContext) -> Table:
    """The candidates declared elected, as on the statement of persons nominated: no figures."""
    st = styles()
    lang = ctx.lang
    grid = Grid((FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55))
    grid.add([(lines("col.candidate", lang), st.head), (lines("col.description", lang), st.head)])
    elected = set(ctx.result.elected)
    for candidate in ctx.contest.candidates:
        if candidate.id in elected:
            grid.add([(candidate.name, st.cell_bold), (candidate.description, st.cell)])
    return grid.table()


def check_ready(ctx: DocumentContext) -> None:
    if ctx.result.status is not Status.UNCONTESTED:
        raise DocumentNotReady("the election was contested: print the declaration of result of poll",
                               f"contest {ctx.contest.id}")
    require_officer(ctx, "notice of uncontested election")


def render(ctx: DocumentContext) -> RenderedPdf:
    """An uncontested return's notice (the document registry prints it as the contest's "declaration")."""
    check_ready(ctx)
    st = styles()
    result = ctx.result
    story: list[Flowable] = heading_block(ctx, "title.uncontested")
    story.append(officer_opening(ctx, "open.uncontested"))
    if result.elected:
        story += [Spacer(0, 2), nominated_table(ctx), Spacer(0, 6)]
        key, values = declaring_sentence_key(ctx.contest, len(result.elected))
        names = candidate_names(ctx.contest, result.elected, with_description=True)
        story.append(pair(say(key, ctx.lang, names=names, **values), st.body_bold))
    unfilled = result.seats - len(result.elected)
    if unfilled > 0:
        key = "uncontested.unfilled_one" if unfilled == 1 else "uncontested.unfilled_many"
        story.append(pair(say(key, ctx.lang, n=number(unfilled), seats=number(result.seats)), st.body_bold))
    story.append(KeepTogether([Spacer(0, 12), signature_block(ctx)]))
    return build_pdf(ctx, "title.uncontested", story)
