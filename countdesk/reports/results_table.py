"""The candidates' table shared by the declaration and the provisional sheet.

Rows follow ballot-paper order and every figure is looked up by candidate id in the result's
records, never placed by row position (Green v Hannah-Wood: figures must travel with their name).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from ..domain.model import Office, VotingSystem
from ..domain.result import ContestResult
from .blocks import pair
from .context import DocumentContext
from .grid import CELL_PADDING, Cell, Grid
from .styles import FONT, FONT_BOLD, FRAME_WIDTH, INK, SUBTOTAL_FILL, TABLE_SIZE, styles
from .text import ballot_name, candidate_names, lines, number, say


def has_second_round(result: ContestResult) -> bool:
    return result.system is VotingSystem.SV and result.final is not None and not result.elected_on_first


def text_widths(ctx: DocumentContext, room: float) -> tuple[float, float]:
    """Name and description columns sharing `room`: the name gets what its longest entry needs
    (within bounds), the description the rest, so that as few rows as possible wrap."""
    candidates = ctx.contest.candidates
    longest_name = max((stringWidth(ballot_name(c), FONT_BOLD, TABLE_SIZE) for c in candidates), default=0)
    longest_description = max((stringWidth(c.description, FONT, TABLE_SIZE) for c in candidates), default=0)
    longest_name += CELL_PADDING + 1
    longest_description += CELL_PADDING + 1
    if longest_name + longest_description <= room:
        name = longest_name + (room - longest_name - longest_description) / 2
    else:
        name = min(max(longest_name, room - longest_description), room * 0.45)
    name = max(name, 30 * mm)
    return name, room - name


def _votes_key(ctx: DocumentContext) -> str:
    """Column head for round-one figures: first preferences, except where there is only one column."""
    if ctx.result.system is VotingSystem.SV and len(ctx.contest.candidates) >= 3:
        return "col.first"
    return "col.votes"


def candidate_table(ctx: DocumentContext, *, show_elected: bool, first_only: bool = False) -> Table:
    """`first_only`: the first count's figures alone (the statement at the end of the first count)."""
    st = styles()
    lang, contest, result = ctx.lang, ctx.contest, ctx.result
    second_round = has_second_round(result) and not first_only
    elected = set(result.elected) if show_elected else set()

    figure_widths = [21 * mm, 27 * mm, 18 * mm] if second_round else [27 * mm]
    first_head = "col.answer" if contest.office is Office.REFERENDUM else "col.candidate"
    heads = [(lines(first_head, lang), st.head), (lines("col.description", lang), st.head),
             (lines(_votes_key(ctx), lang), st.head_right)]
    if second_round:
        heads += [(lines("col.transfers", lang), st.head_right), (lines("col.total", lang), st.head_right)]
    if show_elected:
        heads.append((lines("col.elected", lang), st.head_center))
        figure_widths.append(18 * mm)
    grid = Grid([*text_widths(ctx, FRAME_WIDTH - sum(figure_widths)), *figure_widths])
    grid.add(heads)

    elected_mark = lines("col.elected", lang)
    for candidate in contest.candidates:
        is_elected = candidate.id in elected
        name_style = st.cell_bold if is_elected else st.cell
        figure_style = st.cell_right_bold if is_elected else st.cell_right
        row = [
            (ballot_name(candidate), name_style),
            (candidate.description, st.cell),
            (number(result.first.get(candidate.id, 0)), figure_style),
        ]
        if second_round:
            finalist = candidate.id in (result.finalists or ())
            transfer = number((result.second or {}).get(candidate.id, 0)) if finalist else ""
            total = number((result.final or {}).get(candidate.id, 0)) if finalist else ""
            row += [(transfer, figure_style), (total, figure_style)]
        if show_elected:
            row.append((elected_mark if is_elected else "", st.cell_center_bold))
        grid.add(row)

    last_candidate = grid.next_row - 1
    if second_round:
        index = grid.span_next(0, 1)
        grid.add([(lines("row.non_transferable", lang), st.cell), None, "",
                  (number(result.non_transferable or 0), st.cell_right)])
        grid.style(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_FILL))
    if not (result.system is VotingSystem.FPTP and result.seats > 1):
        # A multi-member ward's votes are not papers: no total of valid votes is printed there.
        index = grid.span_next(0, 1)
        totals: list[Cell] = [(lines("row.total_valid", lang), st.cell_bold), None,
                              (number(sum(result.first.values())), st.cell_right_bold)]
        if second_round:
            totals += [(number(sum((result.second or {}).values())), st.cell_right_bold),
                       (number(sum((result.final or {}).values())), st.cell_right_bold)]
        grid.add(totals)
        grid.style(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_FILL),
                   ("LINEABOVE", (0, index), (-1, index), 0.8, INK))
    # The totals never stand alone at the head of a page.
    grid.style(("NOSPLIT", (0, last_candidate), (-1, grid.next_row - 1)))
    return grid.table()


def sv_explanation(ctx: DocumentContext) -> Flowable | None:
    """A plain sentence saying how an SV result was reached; None for FPTP and simple majority."""
    result, contest = ctx.result, ctx.contest
    if result.system is not VotingSystem.SV or len(contest.candidates) < 3:
        return None
    st = styles()
    if result.elected_on_first and result.elected:
        winner = result.elected[0]
        texts = say(
            "sv.elected_on_first", ctx.lang, name=candidate_names(contest, [winner]),
            votes=number(result.first[winner]), valid=number(sum(result.first.values())),
        )
        return pair(texts, st.body)
    if has_second_round(result):
        texts = say("sv.second_round", ctx.lang, finalists=candidate_names(contest, result.finalists or ()))
        return pair(texts, st.body)
    return None
