"""Provisional result sheet for candidates and agents: the same figures as the declaration, marked
PROVISIONAL on every page, with where the count stands and the numbered checks still standing
(the returning officer must see them before declaring). No declaration sentence, no signature."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.checks import CHECKS
from ..domain.completeness import round1_open
from ..domain.places import place_in_words
from ..domain.result import Status
from .blocks import figures_block, heading_block, lot_sentences, pair, section_title, signature_block
from .context import DocumentContext
from .grid import Grid
from .page import RenderedPdf, build_pdf
from .rejected import rejected_section
from .results_table import candidate_table, sv_explanation
from .styles import FRAME_WIDTH, SUBTOTAL_FILL, styles
from .text import candidate_names, number, safe, say


def status_sentences(ctx: DocumentContext) -> list[Flowable]:
    """Where the count stands: who would be elected, the tie still to be drawn, or what is missing."""
    st = styles()
    result, contest, lang = ctx.result, ctx.contest, ctx.lang
    flow: list[Flowable] = []
    if result.status is Status.UNCONTESTED:
        flow.append(pair(say("status.uncontested", lang), st.body_bold))
    elif result.elected:
        key = "status.would_be_elected_many" if len(result.elected) > 1 else "status.would_be_elected"
        flow.append(pair(say(key, lang, names=candidate_names(contest, result.elected)), st.body_bold))
    if result.status is Status.NEEDS_LOTS and result.pending_tie is not None:
        tied = result.pending_tie.candidates
        votes = result.rounds[-1].totals.get(tied[0], 0)
        flow.append(pair(
            say("status.needs_lot", lang, tied=candidate_names(contest, tied), votes=number(votes)), st.body_bold,
        ))
    elif result.status is Status.DECIDED and result.answer:
        answer = contest.candidate(result.answer)
        flow.append(pair(say("status.answer_carried", lang, answer=safe(answer.name)), st.body_bold))
    elif result.status is Status.EQUAL:
        flow.append(pair(say("status.answers_equal", lang), st.body_bold))
    elif result.status is Status.COUNTED:
        flow.append(pair(say("status.counted", lang), st.body_bold))
    elif result.status is Status.INCOMPLETE:
        if not contest.sheets(1):
            flow.append(pair(say("status.no_sheets", lang), st.body_bold))
        if result.gaps:  # the gap, figure by figure (completeness.py): the sheet must not pass for a result
            flow.append(pair(say("status.incomplete", lang), st.body_bold))
            flow += [pair((f"• {escape(gap.message)}",), st.body) for gap in result.gaps]
        if result.finalists and not round1_open(result.gaps):
            texts = say("status.awaiting_second", lang, finalists=candidate_names(contest, result.finalists))
            flow.append(pair(texts, st.body_bold))
    return flow


def warnings_block(ctx: DocumentContext) -> list[Flowable]:
    """The numbered warnings of the result in small type; each check's title printed once."""
    st = styles()
    flow: list[Flowable] = [Spacer(0, 10), section_title("warnings.title", ctx.lang)]
    if not ctx.result.warnings:
        flow.append(pair(say("warnings.none", ctx.lang), st.small))
        return flow
    grid = Grid((12 * mm, FRAME_WIDTH - 50 * mm, 38 * mm), header_rows=0)
    grid.style(("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5))
    previous = None
    for warning in ctx.result.warnings:
        check = CHECKS.get(warning.code)
        if warning.code != previous and check is not None:
            index = grid.span_next(1, -1)
            grid.add([(warning.code, st.small_bold), (check.title, st.small_bold)])
            grid.style(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_FILL))
        previous = warning.code
        grid.add([(warning.code, st.small), (warning.message, st.small),
                  (place_in_words(ctx.contest, warning.where), st.small)])
    flow.append(grid.table(repeat_rows=0))
    return flow


def render(ctx: DocumentContext) -> RenderedPdf:
    st = styles()
    story: list[Flowable] = heading_block(ctx, "title.provisional")
    story.append(pair(say("open.provisional", ctx.lang), st.body))
    story.append(Spacer(0, 2))
    story.append(candidate_table(ctx, show_elected=False))
    explanation = sv_explanation(ctx)
    if explanation is not None:
        story += [Spacer(0, 5), explanation]
    story += [Spacer(0, 6)] + status_sentences(ctx)
    story += lot_sentences(ctx)
    story += rejected_section(ctx)
    story.append(KeepTogether([Spacer(0, 8), figures_block(ctx)]))
    story += warnings_block(ctx)
    story += [Spacer(0, 12), signature_block(ctx, signed=False)]
    return build_pdf(ctx, "title.provisional", story, provisional=True)
