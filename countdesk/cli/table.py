"""The readable `countdesk tally` table: figures right-aligned, candidates as on the ballot."""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.completeness import DIFFERENCE_CODES
from ..domain.heads import SHORT_HEAD_LABELS
from ..domain.model import REJECTED_HEADS, Contest
from ..domain.places import place_in_words
from ..domain.result import ContestResult, share_percent


def _row(cells: Iterable[str], widths: list[int], numeric_from: int) -> str:
    out = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=False)):
        out.append(cell.rjust(width) if i >= numeric_from else cell.ljust(width))
    return "  ".join(out).rstrip()


def render_result(contest: Contest, result: ContestResult) -> str:
    lines = [f"{contest.title} ({contest.system.value.upper()}, {contest.seats} seat{'s' if contest.seats > 1 else ''})"
             f" — contest id {contest.id}"]  # the id --contest asks for (declare, audit)
    lines.append(f"Status: {result.status.value.replace('_', ' ').upper()}")
    lines += _completeness_lines(contest, result)
    has_final = result.final is not None
    header = ["Candidate", "Description", "First" if has_final else "Votes", "%"]
    if has_final:
        header += ["Second", "Total"]
    header.append("")
    rows = []
    valid_first = sum(result.first.values())
    for cand in contest.candidates:
        first = result.first.get(cand.id, 0)
        share = share_percent(first, valid_first)
        row = [cand.name, cand.description, f"{first:,}", f"{share}" if share is not None else "-"]
        if has_final:
            if cand.id in result.final:
                row += [f"{result.second[cand.id]:,}", f"{result.final[cand.id]:,}"]
            else:
                row += ["", ""]
        row.append("ELECTED" if cand.id in result.elected else "")
        rows.append(row)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines.append(_row(header, widths, 2))
    lines.append(_row(["-" * w for w in widths], widths, 2))
    lines += [_row(r, widths, 2) for r in rows]
    if has_final:
        lines.append(f"Non-transferable papers: {result.non_transferable:,}")
    lines.append("")
    lines.append("Rejected ballot papers:")
    width = max(len(label) for label in SHORT_HEAD_LABELS.values()) + 2
    for head in REJECTED_HEADS:
        lines.append(f"  {SHORT_HEAD_LABELS[head]:<{width}}{result.rejected.by_head.get(head, 0):>10,}")
    lines.append(f"  {'Total':<{width}}{result.rejected.total:>10,}")
    verified = result.ballot_papers_verified
    lines.append(f"Ballot papers verified: {verified:,}" if verified is not None
                 else "Ballot papers verified: not complete")
    lines.append(f"Ballot papers counted:  {result.ballot_papers_counted:,}")
    if result.electorate is not None:
        lines.append(f"Electorate: {result.electorate:,}")
    turnout = result.turnout_percent
    lines.append(f"Turnout (verified / electorate x 100): {turnout} %" if turnout is not None
                 else "Turnout: not available")
    for lot in result.lots_applied:
        lines.append(f"Lot drawn between {', '.join(lot.tied)}: fell on {', '.join(lot.winners)}")
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        lines += [f"  {w.code} {place_in_words(contest, w.where)}: {w.message}" for w in result.warnings]
    return "\n".join(lines)


def _completeness_lines(contest: Contest, result: ContestResult) -> list[str]:
    """What keeps the contest incomplete, each difference with the figures `countdesk accept`
    takes; and the differences the returning officer accepted."""
    lines = []
    for gap in result.gaps:
        lines.append(f"  Not complete: {gap.message}")
        if gap.code in DIFFERENCE_CODES.values() and gap.figures:
            lines.append(f"    if checking cannot resolve it, the returning officer may accept it: countdesk accept "
                         f"--contest {contest.id} --counted {gap.figures['counted']} "
                         f"--expected {gap.figures['expected']} --reason …")
    for accepted in result.accepted_differences:
        lines.append(f"  Difference accepted ({accepted.stage}): {accepted.counted:,} counted against "
                     f"{accepted.expected:,}, by {accepted.accepted_by}: {accepted.reason}")
    return lines
