"""Accepting a difference: the returning officer's decision that a difference checking and
recounting did not resolve stands, for exactly the figures shown (count-file.md
`accepted_differences`).

It needs the RO passphrase, as declaring does, and a reason; a refusal is audited like any other
RO refusal. The acceptance is stored and audited with who and when; the completeness rule
(domain/completeness.py) applies it only while both figures are exactly those accepted. Once any
figure it covers changes it is void for good: every write to the count removes, in its own
transaction and with a `contest.void_acceptance` audit row, each acceptance that no longer stands
(`Acceptances.void_stale`), so figures that come back to the accepted values later do not revive
it; the returning officer accepts again if the difference is to stand. Removed, it is gone from
the count file and its exports too, and the replay of the trail removes it at the same row.
"""

from __future__ import annotations

from ..domain.completeness import DIFFERENCE_CODES
from ..domain.model import ACCEPTANCE_STAGES, AcceptedDifference
from ..domain.problems import Problem
from ..domain.tally import void_acceptances
from ..errors import CountdeskError, ValidationError
from ..store.acceptance import add_accepted_difference, contests_with_acceptances, void_accepted_differences
from ..store.repository import load_contest
from .changes import Change
from .count_core import CountCore, UseCase, contest_where, serialised
from .declaring import RoPassphrase
from .results import Results
from .validation import require_count, require_reason

_ACTION = "contest.accept_difference"


@serialised
class Acceptances(UseCase):

    def __init__(self, core: CountCore, passphrase: RoPassphrase, results: Results) -> None:
        super().__init__(core)
        self._passphrase = passphrase
        self._results = results

    def standing_difference(self, contest_id: str, stage: str) -> Problem | None:
        """The difference that keeps the contest incomplete at `stage` ("round1" or "round2"), with
        its figures, or None when there is none to accept (none stands, or it is not yet measurable:
        round 2 once round 1 is complete)."""
        code = DIFFERENCE_CODES.get(stage)
        return next((g for g in self._results.result(contest_id).result.gaps if g.code == code), None)

    def accept(
        self, contest_id: str, passphrase: str, *, stage: str, counted: int, expected: int, reason: str,
    ) -> Change:
        """Accept the difference standing at `stage`, which must be exactly `counted` against
        `expected` (the figures the RO was shown: if they moved meanwhile, nothing is accepted). The
        acceptance is the contest's last `accepted_differences`."""
        self._core.writable()
        self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.accepted_differences"
        if stage not in ACCEPTANCE_STAGES:
            raise ValidationError(f"unknown stage {stage!r}: use {' or '.join(ACCEPTANCE_STAGES)}", f"{where}.stage")
        require_count(counted, f"{where}.counted")
        require_count(expected, f"{where}.expected")
        reason = require_reason(reason, f"{where}.reason", "say why the difference is accepted")
        self._passphrase.authorise(contest_id, passphrase, _ACTION)
        try:
            standing = self.standing_difference(contest_id, stage)
        except CountdeskError as error:
            self._passphrase.refuse(contest_id, _ACTION, error.message)
        if standing is None:
            self._passphrase.refuse(contest_id, _ACTION, f"no {_STAGE_WORDS[stage]} difference stands to be accepted")
        figures = (standing.figures["counted"], standing.figures["expected"])
        if figures != (counted, expected):
            self._passphrase.refuse(contest_id, _ACTION,
                                    f"the difference standing is {figures[0]:,} against {figures[1]:,}, "
                                    f"not {counted:,} against {expected:,}: {standing.message}")
        difference = AcceptedDifference(stage, counted, expected, reason, self._core.operator, self._core.actor.clock())
        audit_id = self._core.write(add_accepted_difference, contest_id, difference)
        return Change(contest_id, acceptance=True, audit_id=audit_id)

    def void_stale(self) -> bool:
        """Remove, audited, every accepted difference that no longer stands (domain/tally.py
        `void_acceptances`). The core runs it inside the transaction of every write, before it (an
        acceptance imported for figures the count no longer has) and after it (one this write voided).
        Whether any contest holds an accepted difference."""
        cdb = self._core.store
        held = contests_with_acceptances(cdb)
        for contest_id in held:
            try:
                finalists = self._results.finalists(contest_id)
            except CountdeskError:
                continue  # the finalists cannot be read, so round 2 cannot be measured: nothing is voided
            void = void_acceptances(load_contest(cdb, contest_id), finalists)
            if void:
                void_accepted_differences(cdb, self._core.actor, contest_id, [(d, _why_void(d)) for d in void])
        return bool(held)


_STAGE_WORDS = {"round1": "first-round", "round2": "second-round"}

def _why_void(difference: AcceptedDifference) -> str:
    return (f"void: a figure it covers changed after the {_STAGE_WORDS.get(difference.stage, difference.stage)} "
            f"difference of {difference.counted:,} against {difference.expected:,} was accepted")
