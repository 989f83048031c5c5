"""Input rules for every use case: checked before anything is written, refused with the exact place.

The rules are the count file's (count-file.md): ids of letters, digits, `.`, `-` and `_`; figures
are integers >= 0; a first-round sheet has a figure for every candidate and no one else; SV has
one seat and is the only system with a second round. Breaches of the counting checks (W01..W11)
are not refused here: they are warnings for the returning officer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from ..domain.model import (
    REJECTED_HEADS,
    AcceptedDifference,
    Box,
    Candidate,
    Contest,
    Count,
    Counting,
    CountSheet,
    Declaration,
    Election,
    Lot,
    Nation,
    Office,
    VotingSystem,
)
from ..domain.regimes import COLLATED_OFFICES, system_mismatch
from ..domain.text_rules import (
    LARGEST_FIGURE,
    MAX_TEXT_LENGTH,
    bad_id_message,
    first_forbidden_char,
    forbidden_char_message,
    is_blank,
    is_valid_id,
)
from ..errors import ValidationError
from ..font_coverage import first_unprintable, unprintable_message

#: Notes explain a verification difference: longer than names, as in the count file's schema.
MAX_NOTE_LENGTH = 2000

def require_id(value: object, where: str, what: str = "id") -> str:
    """The count file's id rule (domain.text_rules), so what the app accepts it can export."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text, not {type(value).__name__}", where)
    if not is_valid_id(value):
        raise ValidationError(f"{what} {bad_id_message(value)}", where)
    return value


def require_text(value: object, where: str, what: str, *, limit: int = MAX_TEXT_LENGTH) -> str:
    if not isinstance(value, str) or is_blank(value):
        raise ValidationError(f"{what} must be given", where)
    _clean_text(value, where, what, limit)
    return value


def require_str(value: object, where: str, what: str, *, optional: bool = False, limit: int = MAX_TEXT_LENGTH,
                printed: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text, not {type(value).__name__}", where)
    _clean_text(value, where, what, limit, printed=printed)


def _clean_text(value: str, where: str, what: str, limit: int, *, printed: bool = True) -> None:
    """The count file's text rules: no control characters, a sane length; and text that goes on
    the documents (`printed`) only in characters their embedded font can print (font_coverage.py):
    refused here, at import and at the keyboard, rather than printed as empty boxes."""
    bad = first_forbidden_char(value)
    if bad is not None:
        raise ValidationError(f"{what} {forbidden_char_message(bad)}", where)
    if len(value) > limit:
        raise ValidationError(f"{what} is longer than {limit} characters", where)
    unprintable = first_unprintable(value) if printed else None
    if unprintable is not None:
        raise ValidationError(f"{what} {unprintable_message(unprintable)}", where)


def require_count(value: object, where: str, *, optional: bool = False) -> None:
    """A figure: an int >= 0 (bool is not a figure, nor is 3.0)."""
    if value is None and optional:
        return
    if type(value) is not int:
        shown = "missing" if value is None else f"{value!r} is not a whole number"
        raise ValidationError(f"figure {shown}", where)
    if value < 0:
        raise ValidationError(f"figure {value} is negative", where)
    if value > LARGEST_FIGURE:
        raise ValidationError(f"figure {value} is too large (at most {LARGEST_FIGURE})", where)


def require_reason(reason: object, where: str, why: str) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError(f"a reason is required: {why}", where)
    return reason.strip()


def optional_reason(reason: object, where: str) -> str | None:
    if reason is None:
        return None
    require_str(reason, where, "reason", limit=MAX_NOTE_LENGTH, printed=False)  # the audit trail's, not paper's
    return str(reason).strip() or None


def validate_operator(operator: object) -> str:
    if not isinstance(operator, str) or is_blank(operator):
        raise ValidationError("the operator's name must be given", "operator")
    _clean_text(operator, "operator", "the operator's name", MAX_TEXT_LENGTH, printed=False)
    return operator.strip()


def validate_election(election: object, where: str = "election") -> None:
    if not isinstance(election, Election):
        raise ValidationError("an Election is required", where)
    require_id(election.id, f"{where}.id")
    require_text(election.title, f"{where}.title", "the title")
    if not isinstance(election.poll_date, date) or isinstance(election.poll_date, datetime):
        raise ValidationError("the poll date must be a date", f"{where}.poll_date")
    require_text(election.area, f"{where}.area", "the counting area")
    require_str(election.returning_officer, f"{where}.returning_officer", "the returning officer", optional=True)
    if not isinstance(election.bilingual, bool):
        raise ValidationError("bilingual must be true or false", f"{where}.bilingual")
    if not isinstance(election.deputy, bool):
        raise ValidationError("deputy must be true or false", f"{where}.deputy")
    if not isinstance(election.nation, Nation):
        raise ValidationError(f"unknown nation {election.nation!r}: use england or wales", f"{where}.nation")
    if election.title_cy is not None:
        require_text(election.title_cy, f"{where}.title_cy", "the Welsh title")


def validate_contest_details(contest: Contest, where: str) -> None:
    """The contest's own fields, each alone and together (count-file.md): an office fits its
    system, a referendum asks one question, only a collated office is counted locally."""
    require_text(contest.title, f"{where}.title", "the title")
    system, seats = contest.system, contest.seats
    if not isinstance(system, VotingSystem):
        raise ValidationError(f"unknown voting system {system!r}: use sv, fptp or referendum", f"{where}.system")
    require_count(seats, f"{where}.seats")
    if seats < 1:
        raise ValidationError("a contest has at least one seat", f"{where}.seats")
    if system is VotingSystem.SV and seats != 1:
        raise ValidationError(f"the supplementary vote elects one candidate, not {seats}", f"{where}.seats")
    if system is VotingSystem.REFERENDUM and seats != 1:
        raise ValidationError(f"a referendum decides one question: seats is 1, not {seats}", f"{where}.seats")
    require_count(contest.electorate, f"{where}.electorate", optional=True)
    if not isinstance(contest.office, Office):
        raise ValidationError(f"unknown office {contest.office!r}", f"{where}.office")
    if not isinstance(contest.counting, Counting):
        raise ValidationError(f"unknown counting role {contest.counting!r}: use whole or local", f"{where}.counting")
    if (contest.office is Office.REFERENDUM) != (system is VotingSystem.REFERENDUM):
        raise ValidationError("a referendum (office) is counted as a referendum (system), and only a referendum is",
                              f"{where}.system")
    if contest.counting is Counting.LOCAL and contest.office not in COLLATED_OFFICES:
        raise ValidationError(
            "a local count is one area of a collated PCC or combined-authority mayoral poll; this office is "
            "counted as a whole", f"{where}.counting",
        )
    if system is VotingSystem.REFERENDUM:
        require_text(contest.question, f"{where}.question", "the referendum question")
    elif contest.question is not None:
        raise ValidationError("only a referendum has a question", f"{where}.question")
    if contest.title_cy is not None:
        require_text(contest.title_cy, f"{where}.title_cy", "the Welsh title")


def validate_candidate(candidate: object, where: str) -> None:
    if not isinstance(candidate, Candidate):
        raise ValidationError("a Candidate is required", where)
    require_id(candidate.id, f"{where}.id")
    require_text(candidate.name, f"{where}.name", "the candidate's name")
    require_str(candidate.description, f"{where}.description", "the description")


def validate_box(box: object, where: str) -> None:
    if not isinstance(box, Box):
        raise ValidationError("a Box is required", where)
    require_id(box.id, f"{where}.id")
    require_str(box.label, f"{where}.label", "the label")
    if not isinstance(box.postal, bool):
        raise ValidationError("postal must be true or false", f"{where}.postal")
    require_count(box.ballot_paper_account, f"{where}.ballot_paper_account", optional=True)
    require_count(box.verified, f"{where}.verified", optional=True)
    require_str(box.note, f"{where}.note", "the note", optional=True, limit=MAX_NOTE_LENGTH)


def validate_sheet(
    sheet: object, system: VotingSystem, seats: int, candidate_ids: tuple[str, ...], where: str
) -> None:
    if not isinstance(sheet, CountSheet):
        raise ValidationError("a CountSheet is required", where)
    require_id(sheet.id, f"{where}.id")
    if sheet.round not in (1, 2) or type(sheet.round) is not int:
        raise ValidationError(f"round {sheet.round!r}: a sheet is for round 1 or round 2", f"{where}.round")
    if sheet.round == 2 and system is not VotingSystem.SV:
        raise ValidationError("only a supplementary vote count has a second round", f"{where}.round")
    multi_seat = system is VotingSystem.FPTP and seats > 1

    _figures(sheet.votes, f"{where}.votes", candidate_ids, "candidate")
    if sheet.round == 1:
        missing = [cid for cid in candidate_ids if cid not in sheet.votes]
        if missing:
            raise ValidationError(
                f"a first-round sheet has a figure for every candidate: missing {', '.join(missing)}",
                f"{where}.votes",
            )
    elif len(sheet.votes) < 2:
        raise ValidationError("a second-round sheet has a figure for every finalist (two or more)", f"{where}.votes")

    _figures(sheet.rejected, f"{where}.rejected", REJECTED_HEADS, "rejected-paper head")
    require_count(sheet.second_rejected, f"{where}.second_rejected", optional=True)
    require_count(sheet.papers, f"{where}.papers", optional=True)
    require_count(sheet.rejected_in_part, f"{where}.rejected_in_part", optional=True)
    require_count(sheet.non_transferable, f"{where}.non_transferable", optional=True)

    if sheet.round == 1:
        if multi_seat and sheet.papers is None:
            raise ValidationError(
                f"a ward electing {seats} needs the number of papers on each sheet (a paper carries "
                "several votes)", f"{where}.papers",
            )
        if sheet.rejected_in_part is not None and not multi_seat:
            raise ValidationError("rejected in part applies only to a ward electing more than one",
                                  f"{where}.rejected_in_part")
        for name in ("non_transferable", "second_rejected"):
            if getattr(sheet, name):
                raise ValidationError("only a second-round sheet has this figure", f"{where}.{name}")
    else:
        if sheet.rejected:
            raise ValidationError("rejected papers are recorded on first-round sheets", f"{where}.rejected")
        if sheet.rejected_in_part is not None:
            raise ValidationError("rejected in part is a first-round figure", f"{where}.rejected_in_part")
        # The second-stage figure against the non-transferable papers is the rule book's
        # (domain/sheet_rules.py), checked with the sheet's other figure rules.


def _figures(figures: object, where: str, known: Iterable[str], what: str) -> None:
    if not isinstance(figures, Mapping):
        raise ValidationError("figures must be a mapping of name to number", where)
    known = set(known)
    for name, value in figures.items():
        if name not in known:
            raise ValidationError(f'unknown {what} "{name}"', where)
        require_count(value, f"{where}.{name}")


def validate_lot(lot: object, candidate_ids: tuple[str, ...], where: str, *, entered: bool = False) -> None:
    """`entered`: typed in at the count now, so who drew it and when must be filled in."""
    if not isinstance(lot, Lot):
        raise ValidationError("a Lot is required", where)
    for name in ("tied", "winners"):
        names = getattr(lot, name)
        if not isinstance(names, tuple) or len(set(names)) != len(names):
            raise ValidationError(f"{name} must list each candidate once", f"{where}.{name}")
        for cid in names:
            if cid not in candidate_ids:
                raise ValidationError(f'unknown candidate "{cid}"', f"{where}.{name}")
    if len(lot.tied) < 2:
        raise ValidationError("a lot is drawn between two or more tied candidates", f"{where}.tied")
    if not lot.winners or len(lot.winners) >= len(lot.tied):
        raise ValidationError("a lot returns at least one of the tied candidates, and not all of them",
                              f"{where}.winners")
    if not set(lot.winners) <= set(lot.tied):
        raise ValidationError("the winners of a lot are among the tied candidates", f"{where}.winners")
    for name in ("drawn_by", "drawn_at", "witnesses"):
        require_str(getattr(lot, name), f"{where}.{name}", name.replace("_", " "))
    if entered:
        require_text(lot.drawn_by, f"{where}.drawn_by", "who drew the lot")
        require_text(lot.drawn_at, f"{where}.drawn_at", "when the lot was drawn")
    if lot.drawn_at:
        try:
            datetime.fromisoformat(lot.drawn_at)
        except ValueError:
            raise ValidationError(f"{lot.drawn_at!r} is not an ISO date and time", f"{where}.drawn_at") from None


def validate_contest(contest: object, where: str) -> None:
    """A whole contest: details, then every candidate, box, sheet and lot, ids unique in each list."""
    if not isinstance(contest, Contest):
        raise ValidationError("a Contest is required", where)
    require_id(contest.id, f"{where}.id")
    validate_contest_details(contest, where)
    if contest.system is VotingSystem.REFERENDUM and len(contest.candidates) != 2:
        raise ValidationError(f"a referendum has two answers (yes and no), not {len(contest.candidates)}",
                              f"{where}.candidates")
    for name, items, check in (
        ("candidates", contest.candidates, validate_candidate),
        ("boxes", contest.boxes, validate_box),
    ):
        _unique(items, f"{where}.{name}")
        for index, item in enumerate(items):
            check(item, f"{where}.{name}[{index}]")
    ids = contest.candidate_ids
    _unique(contest.count_sheets, f"{where}.count_sheets")
    for index, sheet in enumerate(contest.count_sheets):
        validate_sheet(sheet, contest.system, contest.seats, ids, f"{where}.count_sheets[{index}]")
    for index, lot in enumerate(contest.lots):
        validate_lot(lot, ids, f"{where}.lots[{index}]")
    if contest.lots and contest.system is VotingSystem.REFERENDUM:
        raise ValidationError("a referendum is never decided by lot: an equal vote decides no answer",
                              f"{where}.lots")
    for index, difference in enumerate(contest.accepted_differences):
        validate_accepted_difference(difference, f"{where}.accepted_differences[{index}]")
    if contest.declared is not None:
        if not isinstance(contest.declared, Declaration):
            raise ValidationError("a Declaration is required", f"{where}.declared")
        require_text(contest.declared.at, f"{where}.declared.at", "when it was declared")
        require_text(contest.declared.by, f"{where}.declared.by", "who declared it")


def validate_accepted_difference(difference: object, where: str) -> None:
    if not isinstance(difference, AcceptedDifference):
        raise ValidationError("an AcceptedDifference is required", where)
    if difference.stage not in ("round1", "round2"):
        raise ValidationError(f"stage {difference.stage!r}: use round1 or round2", f"{where}.stage")
    require_count(difference.counted, f"{where}.counted")
    require_count(difference.expected, f"{where}.expected")
    require_text(difference.reason, f"{where}.reason", "the reason")
    require_text(difference.accepted_by, f"{where}.accepted_by", "who accepted it")
    require_text(difference.accepted_at, f"{where}.accepted_at", "when it was accepted")


def _unique(items: tuple[object, ...], where: str) -> None:
    if not isinstance(items, tuple):
        raise ValidationError("must be a tuple", where)
    seen: set[object] = set()
    for index, item in enumerate(items):
        item_id = getattr(item, "id", None)
        if item_id in seen:
            raise ValidationError(f'id "{item_id}" is used twice', f"{where}[{index}].id")
        seen.add(item_id)


def require_lawful_system(election: Election, contest: Contest, where: str) -> None:
    """The system must be the one the office and poll date require (domain.regimes)."""
    problem = system_mismatch(election, contest)
    if problem is not None:
        raise ValidationError(problem, f"{where}.system")


def validate_count(count: object, *, inferred_offices: Iterable[int] = ()) -> None:
    """`inferred_offices`: the indexes of contests whose office a countdesk/1 file left to be
    inferred; a system their inferred office does not allow is a warning (W07), not a refusal."""
    if not isinstance(count, Count):
        raise ValidationError("a Count is required", "count")
    validate_election(count.election)
    _unique(count.contests, "contests")
    inferred = set(inferred_offices)
    for index, contest in enumerate(count.contests):
        validate_contest(contest, f"contests[{index}]")
        if index not in inferred:
            require_lawful_system(count.election, contest, f"contests[{index}]")
