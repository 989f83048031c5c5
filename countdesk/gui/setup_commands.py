"""Undo commands for set-up and verification: each redo and undo calls one use case and applies the
Change it returned.

A set-up change that the services refuse (a candidate added once sheets exist, say) raises from
OpenCount.push before the command reaches the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from ..domain.model import Box, Candidate, Contest, Election
from ..services.changes import Change
from .commands import EntryCommand, ServiceCommand

translate = QCoreApplication.translate


def _undo_reason(command: ServiceCommand) -> str:
    return f"undo: {command.text()}"


class UpdateElectionCommand(ServiceCommand):
    def __init__(self, open_count, after: Election, text: str | None = None) -> None:
        super().__init__(open_count, "", text or translate("Commands", "Change the election details"))
        self.before = open_count.count().election
        self.after = after

    def apply(self) -> Change:
        return self.session.set_up.update_election(self.after)

    def revert(self) -> Change:
        return self.session.set_up.update_election(self.before, reason=_undo_reason(self))


class AddContestCommand(ServiceCommand):
    def __init__(self, open_count, contest: Contest) -> None:
        super().__init__(open_count, "", translate("Commands", "Add contest {0}").format(contest.title))
        self.contest = contest

    def apply(self) -> Change:
        return self.session.set_up.add_contest(self.contest)

    def revert(self) -> Change:
        return self.session.set_up.remove_contest(self.contest.id, reason=_undo_reason(self))


class RemoveContestCommand(ServiceCommand):
    """Undo puts the whole contest back as it was, figures included."""

    def __init__(self, open_count, contest_id: str, reason: str | None) -> None:
        self.contest = open_count.contest(contest_id)
        super().__init__(open_count, "", translate("Commands", "Remove contest {0}").format(self.contest.title))
        self.reason = reason

    def apply(self) -> Change:
        return self.session.set_up.remove_contest(self.contest.id, reason=self.reason)

    def revert(self) -> Change:
        return self.session.set_up.add_contest(self.contest, reason=_undo_reason(self))


class UpdateContestCommand(ServiceCommand):
    """Title, office, counting role, system, seats, question, electorate and Welsh title, changed
    together (a field not given keeps its value)."""

    FIELDS = ("title", "office", "counting", "system", "seats", "question", "electorate", "title_cy")

    def __init__(self, open_count, contest_id: str, **after: object) -> None:
        super().__init__(open_count, contest_id, translate("Commands", "Change the contest details"))
        contest = open_count.contest(contest_id)
        self.before = {name: getattr(contest, name) for name in self.FIELDS}
        self.after = {name: after.get(name, self.before[name]) for name in self.FIELDS}

    def apply(self) -> Change:
        return self.session.set_up.update_contest(self.contest_id, **self.after)

    def revert(self) -> Change:
        return self.session.set_up.update_contest(self.contest_id, **self.before, reason=_undo_reason(self))


class SetDoubleEntryCommand(ServiceCommand):
    def __init__(self, open_count, contest_id: str, enabled: bool) -> None:
        super().__init__(open_count, contest_id, translate("Commands", "Turn double entry on") if enabled
                         else translate("Commands", "Turn double entry off"))
        self.enabled = enabled

    def apply(self) -> Change:
        return self.session.double_entry.set_enabled(self.contest_id, self.enabled)

    def revert(self) -> Change:
        return self.session.double_entry.set_enabled(self.contest_id, not self.enabled)


class AddCandidateCommand(ServiceCommand):
    def __init__(self, open_count, contest_id: str, candidate: Candidate, position: int | None) -> None:
        super().__init__(open_count, contest_id, translate("Commands", "Add candidate {0}").format(candidate.name))
        self.candidate = candidate
        self.position = position

    def apply(self) -> Change:
        return self.session.set_up.add_candidate(self.contest_id, self.candidate, position=self.position)

    def revert(self) -> Change:
        return self.session.set_up.remove_candidate(self.contest_id, self.candidate.id, reason=_undo_reason(self))


class UpdateCandidateCommand(ServiceCommand):
    def __init__(self, open_count, contest_id: str, after: Candidate) -> None:
        self.before = open_count.contest(contest_id).candidate(after.id)
        super().__init__(open_count, contest_id,
                         translate("Commands", "Correct candidate {0}").format(self.before.name))
        self.after = after

    def apply(self) -> Change:
        return self.session.set_up.update_candidate(self.contest_id, self.after)

    def revert(self) -> Change:
        return self.session.set_up.update_candidate(self.contest_id, self.before)


class RemoveCandidateCommand(ServiceCommand):
    def __init__(self, open_count, contest_id: str, candidate_id: str) -> None:
        ids = open_count.contest(contest_id).candidate_ids
        self.candidate = open_count.contest(contest_id).candidate(candidate_id)
        self.position = ids.index(candidate_id) + 1
        super().__init__(open_count, contest_id,
                         translate("Commands", "Remove candidate {0}").format(self.candidate.name))

    def apply(self) -> Change:
        return self.session.set_up.remove_candidate(self.contest_id, self.candidate.id)

    def revert(self) -> Change:
        return self.session.set_up.add_candidate(self.contest_id, self.candidate, position=self.position)


class ReorderCandidatesCommand(ServiceCommand):
    """The RO's correction of the ballot-paper order, with its reason (undo records its own)."""

    def __init__(self, open_count, contest_id: str, order: Sequence[str], reason: str) -> None:
        super().__init__(open_count, contest_id, translate("Commands", "Correct the ballot-paper order"))
        self.before = open_count.contest(contest_id).candidate_ids
        self.after = tuple(order)
        self.reason = reason

    def apply(self) -> Change:
        return self.session.set_up.reorder_candidates(self.contest_id, self.after, reason=self.reason)

    def revert(self) -> Change:
        return self.session.set_up.reorder_candidates(self.contest_id, self.before, reason=_undo_reason(self))


def _box(open_count, contest_id: str, box_id: str) -> Box:
    for box in open_count.contest(contest_id).boxes:
        if box.id == box_id:
            return box
    raise KeyError(box_id)


class AddBoxCommand(ServiceCommand):
    def __init__(self, open_count, contest_id: str, box: Box) -> None:
        super().__init__(open_count, contest_id, translate("Commands", "Add box {0}").format(box.id))
        self.box = box

    def apply(self) -> Change:
        return self.session.set_up.add_box(self.contest_id, self.box)

    def revert(self) -> Change:
        return self.session.set_up.remove_box(self.contest_id, self.box.id, reason=_undo_reason(self))


class UpdateBoxCommand(ServiceCommand):
    """A box's station, postal flag or ballot paper account (verification has its own command)."""

    def __init__(self, open_count, contest_id: str, after: Box, reason: str | None = None) -> None:
        self.before = _box(open_count, contest_id, after.id)
        super().__init__(open_count, contest_id, translate("Commands", "Change box {0}").format(after.id))
        self.after = after
        self.reason = reason

    def apply(self) -> Change:
        return self.session.set_up.update_box(self.contest_id, self.after, reason=self.reason)

    def revert(self) -> Change:
        return self.session.set_up.update_box(self.contest_id, self.before, reason=_undo_reason(self))


class RemoveBoxCommand(ServiceCommand):
    def __init__(self, open_count, contest_id: str, box_id: str, reason: str | None = None) -> None:
        self.box = _box(open_count, contest_id, box_id)
        super().__init__(open_count, contest_id, translate("Commands", "Remove box {0}").format(box_id))
        self.reason = reason

    def apply(self) -> Change:
        return self.session.set_up.remove_box(self.contest_id, self.box.id, reason=self.reason)

    def revert(self) -> Change:
        return self.session.set_up.add_box(self.contest_id, self.box)


class VerifyBoxCommand(EntryCommand):
    """Papers counted at verification (and the note on a difference), or a correction of them; its
    undo and redo refuse to put back a figure another station has changed since (EntryCommand)."""

    entity = "box"

    def __init__(self, open_count, contest_id: str, box_id: str, verified: int | None, note: str | None,
                 reason: str | None = None) -> None:
        self.before = _box(open_count, contest_id, box_id)
        text = (translate("Commands", "Verify box {0}") if self.before.verified is None
                else translate("Commands", "Correct verification of box {0}"))
        super().__init__(open_count, contest_id, box_id, text.format(box_id))
        self.box_id = box_id
        self.verified = verified
        self.note = note
        self.reason = reason

    def apply(self) -> Change:
        return self._step(lambda since, own: self.session.verification.verify(
            self.contest_id, self.box_id, self.verified, self.note, reason=self.reason, unchanged_since=since,
            own=own))

    def revert(self) -> Change:
        return self._step(lambda since, own: self.session.verification.verify(
            self.contest_id, self.box_id, self.before.verified, self.before.note, reason=_undo_reason(self),
            unchanged_since=since, own=own))
