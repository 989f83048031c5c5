"""Set-up (`SetUp`: the election, contests, candidates, boxes) and verification (`Verification`).

A change that would orphan figures is refused (a candidate cannot come or go once sheets name the
candidates); a change to a figure already recorded needs a reason, which the audit row keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..domain.model import Box, Candidate, Contest, Election
from ..domain.regimes import system_mismatch
from ..errors import CountdeskError, ValidationError
from ..store import contests as store
from ..store.records import CONTEST_DETAIL_FIELDS
from ..store.repository import Stage, load_contest, load_election
from .changes import NO_CHANGE, Change, SetUpPart
from .count_core import CountCore, UseCase, contest_where, serialised
from .validation import (
    optional_reason,
    require_count,
    require_id,
    require_lawful_system,
    require_reason,
    require_str,
    validate_box,
    validate_candidate,
    validate_contest,
    validate_contest_details,
    validate_election,
    validate_sheet,
)


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


#: "Leave this field as it is" for update_contest (None is a value: no electorate).
KEEP = _Keep()


@serialised
class SetUp(UseCase):

    def update_election(self, election: Election, *, reason: str | None = None) -> Change:
        cdb = self._core.writable()
        validate_election(election)
        declared = [s.id for s in self._core.states() if s.declared]
        if declared:
            raise CountdeskError(f'contest "{declared[0]}" is declared: unlock it first', contest_where(declared[0]))
        before = load_election(cdb)
        if (election.nation, election.poll_date) != (before.nation, before.poll_date):
            # The nation and date choose each contest's lawful system (domain.regimes), as the
            # contest form's office does: a change that would make a lawful contest unlawful is
            # refused (a /1 file's inferred mismatch, already warned about, is not this change's).
            for contest_id in sorted(s.id for s in self._core.states()):
                contest = load_contest(cdb, contest_id)
                if system_mismatch(before, contest) is None:
                    require_lawful_system(election, contest, contest_where(contest_id))
        reason = optional_reason(reason, "reason")
        audit_id = self._core.commit(lambda: store.save_election(cdb, self._core.actor, election, reason=reason))
        return Change(None, setup=frozenset({SetUpPart.ELECTION}), audit_id=audit_id)

    def add_contest(self, contest: Contest, *, reason: str | None = None) -> Change:
        cdb = self._core.writable()
        where = contest_where(getattr(contest, "id", "?"))
        validate_contest(contest, where)
        require_lawful_system(load_election(cdb), contest, where)
        reason = optional_reason(reason, "reason")
        audit_id = self._core.commit(lambda: store.add_contest(cdb, self._core.actor, contest, reason=reason))
        self._core.refresh(contest.id)
        return Change(contest.id, setup=frozenset({SetUpPart.CONTESTS}), audit_id=audit_id)

    def update_contest(
        self, contest_id: str, *, title: object = KEEP, system: object = KEEP, seats: object = KEEP,
        electorate: object = KEEP, office: object = KEEP, counting: object = KEEP, title_cy: object = KEEP,
        question: object = KEEP, reason: str | None = None,
    ) -> Change:
        """Change a contest's details; its sheets and lots must still be valid under the new ones."""
        self._core.open_state(contest_id)
        where = contest_where(contest_id)
        current = load_contest(self._core.store, contest_id)
        # What the caller gave, unchecked (Any): validate_contest_details checks every field of the result next.
        given: dict[str, Any] = {"title": title, "system": system, "seats": seats, "electorate": electorate,
                                 "office": office, "counting": counting, "title_cy": title_cy, "question": question}
        changed = replace(current, **{name: value for name, value in given.items() if value is not KEEP})
        validate_contest_details(changed, where)
        for sheet in current.count_sheets:
            validate_sheet(sheet, changed.system, changed.seats, current.candidate_ids,
                           f"{where}.count_sheets[{sheet.id}]")
        if (changed.office, changed.system, changed.counting) != (current.office, current.system, current.counting):
            require_lawful_system(load_election(self._core.store), changed, where)
        reason = optional_reason(reason, "reason")
        details = {name: getattr(changed, name) for name in CONTEST_DETAIL_FIELDS}
        audit_id = self._core.write(store.update_contest, contest_id, reason=reason, **details)
        self._core.refresh(contest_id)
        return Change(contest_id, setup=frozenset({SetUpPart.CONTEST}), audit_id=audit_id)

    def remove_contest(self, contest_id: str, *, reason: str | None = None) -> Change:
        self._core.open_state(contest_id)
        entries = store.contest_has_entries(self._core.store, contest_id)
        if any(entries.values()):
            held = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in entries.items() if n)
            reason = require_reason(reason, "reason", f"the contest holds {held}")
        reason = optional_reason(reason, "reason")
        audit_id = self._core.write(store.remove_contest, contest_id, reason=reason)
        self._core.refresh(contest_id)
        return Change(contest_id, setup=frozenset({SetUpPart.CONTESTS}), audit_id=audit_id)

    # Candidates ---------------------------------------------------------------------------------

    def add_candidate(self, contest_id: str, candidate: Candidate, *, position: int | None = None) -> Change:
        """Add at ballot `position` (1 = first on the paper), or last."""
        state = self._core.open_state(contest_id)
        where = contest_where(contest_id)
        validate_candidate(candidate, f"{where}.candidates[{getattr(candidate, 'id', '?')}]")
        if position is not None:
            require_count(position, f"{where}.candidates.position")
            if not 1 <= position <= len(state.candidate_ids) + 1:
                raise ValidationError(f"ballot position {position} is outside 1..{len(state.candidate_ids) + 1}",
                                      f"{where}.candidates.position")
        self._refuse_if_counting(contest_id, "a candidate cannot be added")
        index = None if position is None else position - 1
        audit_id = self._core.write(store.add_candidate, contest_id, candidate, index)
        self._core.refresh(contest_id)
        return Change(contest_id, setup=frozenset({SetUpPart.CANDIDATES}), audit_id=audit_id)

    def update_candidate(self, contest_id: str, candidate: Candidate) -> Change:
        """Correct a candidate's name or description (the id stays: figures are held by id)."""
        self._core.open_state(contest_id)
        validate_candidate(candidate, f"{contest_where(contest_id)}.candidates[{getattr(candidate, 'id', '?')}]")
        audit_id = self._core.write(store.update_candidate, contest_id, candidate)
        return Change(contest_id, setup=frozenset({SetUpPart.CANDIDATES}), audit_id=audit_id)

    def remove_candidate(self, contest_id: str, candidate_id: str, *, reason: str | None = None) -> Change:
        self._core.open_state(contest_id)
        require_id(candidate_id, f"{contest_where(contest_id)}.candidates", "candidate id")
        self._refuse_if_counting(contest_id, "a candidate cannot be removed")
        reason = optional_reason(reason, "reason")
        audit_id = self._core.write(store.remove_candidate, contest_id, candidate_id, reason=reason)
        self._core.refresh(contest_id)
        return Change(contest_id, setup=frozenset({SetUpPart.CANDIDATES}), audit_id=audit_id)

    def reorder_candidates(self, contest_id: str, order: Sequence[str], *, reason: str) -> Change:
        """The returning officer's correction of the ballot-paper order; `order` names each candidate
        once. The order is the one on the ballot paper (the statement of persons nominated fixes it):
        countdesk never sorts it, so a change needs the reason, which the audit row keeps. Figures are
        held by candidate id, so they stay with their names whatever the order."""
        state = self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.candidates"
        order = list(order)
        if sorted(order) != sorted(state.candidate_ids) or len(set(order)) != len(order):
            raise ValidationError("the new order must name every candidate exactly once", where)
        reason = require_reason(reason, f"{where}.reason", "say why the ballot-paper order is corrected")
        if tuple(order) == tuple(state.candidate_ids):
            return NO_CHANGE
        audit_id = self._core.write(store.reorder_candidates, contest_id, order, reason=reason)
        self._core.refresh(contest_id)
        return Change(contest_id, setup=frozenset({SetUpPart.CANDIDATES}), audit_id=audit_id)

    def _refuse_if_counting(self, contest_id: str, what: str) -> None:
        entries = store.contest_has_entries(self._core.store, contest_id)
        if entries["count_sheets"] or entries["lots"]:
            raise ValidationError(
                f"{what} once count sheets or lots are recorded: delete them first",
                f"{contest_where(contest_id)}.candidates",
            )

    # Boxes ---------------------------------------------------------------------

    def add_box(self, contest_id: str, box: Box) -> Change:
        self._core.open_state(contest_id)
        validate_box(box, f"{contest_where(contest_id)}.boxes[{getattr(box, 'id', '?')}]")
        audit_id = self._core.write(store.add_box, contest_id, box)
        return Change(contest_id, boxes_changed=(box.id,), setup=frozenset({SetUpPart.BOXES}), audit_id=audit_id)

    def update_box(self, contest_id: str, box: Box, *, reason: str | None = None) -> Change:
        """Replace a box's details; changing a verified figure already recorded needs a reason."""
        self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.boxes[{getattr(box, 'id', '?')}]"
        validate_box(box, where)
        before = _existing_box(self._core, contest_id, box.id, where)
        if before.verified is not None and box.verified != before.verified:
            reason = require_reason(reason, "reason", f"box {box.id} already has {before.verified} papers verified")
        reason = optional_reason(reason, "reason")
        audit_id = self._core.write(store.update_box, contest_id, box, reason=reason)
        return Change(contest_id, boxes_changed=(box.id,), setup=frozenset({SetUpPart.BOXES}), audit_id=audit_id)

    def remove_box(self, contest_id: str, box_id: str, *, reason: str | None = None) -> Change:
        self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.boxes[{box_id}]"
        require_id(box_id, where, "box id")
        before = _existing_box(self._core, contest_id, box_id, where)
        if before.verified is not None:
            reason = require_reason(reason, "reason", f"box {box_id} has been verified")
        reason = optional_reason(reason, "reason")
        audit_id = self._core.write(store.remove_box, contest_id, box_id, reason=reason)
        return Change(contest_id, boxes_changed=(box_id,), setup=frozenset({SetUpPart.BOXES}), audit_id=audit_id)


@serialised
class Verification(UseCase):

    def verify(
        self, contest_id: str, box_id: str, verified: int | None, note: str | None, *, reason: str | None = None,
        unchanged_since: int | None = None, own: tuple[int, ...] = (),
    ) -> Change:
        """Record (or clear, with None) the papers counted at verification, and why they differ.
        `unchanged_since`, `own`: an undo's optimistic check, as for a sheet (Sheets.confirm): a box
        another station verified again since is not silently put back to this stack's figure."""
        state = self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.boxes[{box_id}]"
        require_id(box_id, where, "box id")
        require_count(verified, f"{where}.verified", optional=True)
        require_str(note, f"{where}.note", "the note", optional=True)
        before = _existing_box(self._core, contest_id, box_id, where)
        self._core.check_unclaimed(contest_id, "box", box_id)
        if before.verified is not None and verified != before.verified:
            reason = require_reason(reason, "reason", f"box {box_id} already has {before.verified} papers verified")
        note = (note.strip() or None) if note is not None else None
        after = Box(before.id, before.label, before.postal, before.ballot_paper_account, verified, note)
        reason = optional_reason(reason, "reason")

        def write() -> None:
            store.update_box(self._core.store, self._core.actor, contest_id, after, action="box.verify", reason=reason,
                             unchanged_since=unchanged_since, own=own)
            self._core.release_done(contest_id, "box", box_id)

        if verified is None:
            moved, audit_id = False, self._core.commit(write)
        else:
            moved, audit_id = self._core.write_advancing(state, Stage.VERIFICATION, "first box verified", write)
        return Change(contest_id, boxes_changed=(box_id,), stage=moved, audit_id=audit_id)

def _existing_box(core: CountCore, contest_id: str, box_id: str, where: str) -> Box:
    box = store.read_box(core.store, contest_id, box_id)
    if box is None:
        raise ValidationError(f'no box "{box_id}"', where)
    return box
