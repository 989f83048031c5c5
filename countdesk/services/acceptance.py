"""Accepting a difference: the returning officer's decision that a difference checking and
recounting did not resolve stands, for exactly the figures shown (count-file.md
`accepted_differences`).

It needs the RO passphrase, as declaring does, and a reason; a refusal is audited like any other
RO refusal. The acceptance is stored and audited with who and when; the completeness rule
(domain/completeness.py) applies it only while both figures are exactly those accepted, so any
later change to a sheet or a box it covers leaves it standing for nothing.
"""

from __future__ import annotations

from ..domain.completeness import DIFFERENCE_CODES
from ..domain.model import ACCEPTANCE_STAGES, AcceptedDifference
from ..domain.problems import Problem
from ..errors import CountdeskError, ValidationError
from ..store.acceptance import add_accepted_difference
from .changes import Change
from .declaration import DeclarationMixin
from .session_core import contest_where
from .validation import require_count, require_reason

_ACTION = "contest.accept_difference"


class AcceptanceMixin(DeclarationMixin):

    def standing_difference(self, contest_id: str, stage: str) -> Problem | None:
        """The difference that keeps the contest incomplete at `stage` ("round1" or "round2"), with
        its figures, or None when there is none to accept (none stands, or it is not yet measurable:
        round 2 once round 1 is complete)."""
        code = DIFFERENCE_CODES.get(stage)
        return next((g for g in self.tally(contest_id).gaps if g.code == code), None)

    def accept_difference(
        self, contest_id: str, passphrase: str, *, stage: str, counted: int, expected: int, reason: str,
    ) -> Change:
        """Accept the difference standing at `stage`, which must be exactly `counted` against
        `expected` (the figures the RO was shown: if they moved meanwhile, nothing is accepted). The
        acceptance is the contest's last `accepted_differences`."""
        self._require_writable()
        self._open_state(contest_id)
        where = f"{contest_where(contest_id)}.accepted_differences"
        if stage not in ACCEPTANCE_STAGES:
            raise ValidationError(f"unknown stage {stage!r}: use {' or '.join(ACCEPTANCE_STAGES)}", f"{where}.stage")
        require_count(counted, f"{where}.counted")
        require_count(expected, f"{where}.expected")
        reason = require_reason(reason, f"{where}.reason", "say why the difference is accepted")
        self._authorise(contest_id, passphrase, _ACTION)
        try:
            standing = self.standing_difference(contest_id, stage)
        except CountdeskError as error:
            self._refuse(contest_id, _ACTION, error.message)
        if standing is None:
            self._refuse(contest_id, _ACTION, f"no {_STAGE_WORDS[stage]} difference stands to be accepted")
        figures = (standing.figures["counted"], standing.figures["expected"])
        if figures != (counted, expected):
            self._refuse(contest_id, _ACTION, f"the difference standing is {figures[0]:,} against {figures[1]:,}, "
                                              f"not {counted:,} against {expected:,}: {standing.message}")
        difference = AcceptedDifference(stage, counted, expected, reason, self.operator, self._actor.clock())
        audit_id = self._commit(lambda: add_accepted_difference(self._cdb, self._actor, contest_id, difference))
        return Change(contest_id, acceptance=True, audit_id=audit_id)


_STAGE_WORDS = {"round1": "first-round", "round2": "second-round"}
