"""Declaration of result of poll (domain.md §3b, layout §9): the figures for every candidate, the
rejected papers by head, electorate and turnout, any lot, and the sentence that declares the winner.

Only an ELECTED result of a count that declares can be declared: a count still waiting for sheets
or for a lot is printed as a provisional sheet instead, never as a declaration, and a local count of
a collated poll gives its statements. An uncontested return and a referendum have their own notices
(uncontested.py, referendum.py); the document registry (services/document_registry.py) chooses
which one a contest's "declaration" is.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.completeness import summary
from ..domain.model import Counting
from ..domain.regimes import regime_of
from ..domain.result import Status
from .blocks import figures_block, heading_block, lot_sentences, officer_opening, pair, signature_block
from .context import DocumentContext, DocumentNotReady
from .officer import require_officer
from .offices import declaring_sentence_key
from .page import RenderedPdf, build_pdf
from .rejected import rejected_section
from .results_table import candidate_table, sv_explanation
from .styles import styles
from .text import candidate_names, number, say, timestamp


def declaration_sentence(ctx: DocumentContext) -> Flowable:
    """"And I do hereby declare that NAME, DESCRIPTION is duly elected as …", worded by the office
    (offices.py): a ward's councillors with the ward, a mayor or commissioner with the office, a
    Member of Parliament for the said constituency."""
    elected = ctx.result.elected
    names = candidate_names(ctx.contest, elected, with_description=True)
    key, values = declaring_sentence_key(ctx.contest, len(elected))
    return pair(say(key, ctx.lang, names=names, **values), styles().body_bold)


def check_ready(ctx: DocumentContext) -> None:
    """A declaration is made by a count that declares (never a local count of a collated poll), of
    a result that stands, by a named officer (domain.md §10)."""
    result = ctx.result
    if not regime_of(ctx.election, ctx.contest).declares(Counting(ctx.contest.counting)):
        raise DocumentNotReady(
            "a local count of a collated poll never declares: its figures go to the collating officer, who "
            "declares; print its statements instead (first count, second count, rejected ballot papers)",
            f"contest {ctx.contest.id}",
        )
    if result.status is not Status.ELECTED or not result.elected:
        why = {
            Status.NEEDS_LOTS: "a tie must first be decided by lot and the lot recorded",
            Status.INCOMPLETE: "the count is not complete" + (f" ({summary(result.gaps)})" if result.gaps else ""),
        }.get(result.status, "no candidate is elected")
        raise DocumentNotReady(
            f"the result cannot be declared yet: {why}; print the provisional result sheet instead",
            f"contest {ctx.contest.id}",
        )
    require_officer(ctx, "declaration")


def accepted_difference_sentences(ctx: DocumentContext) -> list[Flowable]:
    """Each difference the returning officer accepted for this result: the figures, why, by whom
    and when, as recorded (count-file.md `accepted_differences`)."""
    flow: list[Flowable] = []
    for difference in ctx.result.accepted_differences:
        key = "declare.accepted_round1" if difference.stage == "round1" else "declare.accepted_round2"
        flow.append(pair(say(
            key, ctx.lang, counted=number(difference.counted), expected=number(difference.expected),
            reason=escape(difference.reason), by=escape(difference.accepted_by),
            at=_when(difference.accepted_at),
        ), styles().body))
    return flow


def _when(moment: str):
    try:
        return timestamp(datetime.fromisoformat(moment))
    except ValueError:
        return escape(moment)


def render(ctx: DocumentContext) -> RenderedPdf:
    """The declaration of the result of a contested poll of candidates."""
    check_ready(ctx)
    story: list[Flowable] = heading_block(ctx, "title.declaration")
    story.append(officer_opening(ctx, "open.declaration"))
    story.append(Spacer(0, 2))
    story.append(candidate_table(ctx, show_elected=True))
    explanation = sv_explanation(ctx)
    if explanation is not None:
        story += [Spacer(0, 5), explanation]
    story += rejected_section(ctx)
    # The figures, any lot, the declaring sentence and the signature stay on one page together.
    story.append(KeepTogether([
        Spacer(0, 6), figures_block(ctx), *lot_sentences(ctx), *accepted_difference_sentences(ctx),
        Spacer(0, 6), declaration_sentence(ctx), Spacer(0, 2), signature_block(ctx),
    ]))
    return build_pdf(ctx, "title.declaration", story)
