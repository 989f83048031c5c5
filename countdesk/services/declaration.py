"""A contest's stage, its declaration and unlocking, and the RO passphrase that guards both.

Declaring locks the contest: every entry is refused until the returning officer unlocks it with
the passphrase and a reason. Refusals are audited as well as successes, so a wrong passphrase
tried at 3 a.m. is on the record.
"""

from __future__ import annotations

from ..domain.completeness import summary
from ..domain.model import Contest, Declaration, Election
from ..domain.regimes import declares, system_mismatch
from ..domain.result import ContestResult, Status
from ..domain.tally import tally_contest
from ..errors import CountdeskError, ValidationError
from ..store.acceptance import set_declared
from ..store.contests import set_contest_field
from ..store.repository import Stage, load_contest, load_election
from ..store.state import get_setting, keyings, put_setting, record_event, setting_problem
from .changes import NO_CHANGE, Change, SetUpPart
from .passphrase import MIN_LENGTH, hash_passphrase, passphrase_matches, public_parameters
from .round2_area import checked_instruction
from .session_core import SessionCore, contest_where
from .validation import require_reason

_PASSPHRASE_KEY = "ro_passphrase"


def regime_refusal(election: Election, contest: Contest) -> str | None:
    """Why the rules forbid this count to declare, or None: a local count of a collated poll never
    declares, and nothing is declared under a system the office and poll date do not allow."""
    if not declares(contest):
        return ("this is a local count of a collated poll: it gives local statements only and never declares; "
                "its figures go to the collating officer, who declares (SI 2012/1917 Sch 3 r.62(1); "
                "SI 2017/67 Sch 1 r.59)")
    return system_mismatch(election, contest)


class DeclarationMixin(SessionCore):

    def stage(self, contest_id: str) -> Stage:
        return self._state(contest_id).stage

    def set_stage(self, contest_id: str, stage: Stage | str) -> Change:
        """Move a contest between set-up, verification and count (declaring has its own step)."""
        state = self._open_state(contest_id)
        where = f"{contest_where(contest_id)}.stage"
        try:
            stage = Stage(stage)
        except ValueError:
            raise ValidationError(f"unknown stage {stage!r}", where) from None
        if stage is Stage.DECLARED:
            raise ValidationError("a contest is declared with declare(), which needs the RO passphrase", where)
        if stage is state.stage:
            return NO_CHANGE
        audit_id = self._commit(lambda: set_contest_field(self._cdb, self._actor, contest_id, "stage", str(stage),
                                                          action="contest.stage"))
        self._refresh(contest_id)
        return Change(contest_id, stage=True, audit_id=audit_id)

    # The RO passphrase -------------------------------------------------------------------------

    def has_ro_passphrase(self) -> bool:
        return get_setting(self._require_open(), _PASSPHRASE_KEY) is not None

    def check_ro_passphrase(self, passphrase: str) -> bool:
        """True for the right passphrase against the record the audit trail vouches for; a record
        swapped in the file outside the app matches nothing."""
        cdb = self._require_open()
        if setting_problem(cdb, _PASSPHRASE_KEY) is not None:
            return False
        return passphrase_matches(passphrase, get_setting(cdb, _PASSPHRASE_KEY))

    def ro_passphrase_problem(self) -> str | None:
        """Why the stored passphrase record cannot be trusted (changed outside the app), or None."""
        return setting_problem(self._require_open(), _PASSPHRASE_KEY)

    def set_ro_passphrase(self, passphrase: str, *, current: str | None = None) -> Change:
        """Set the passphrase; changing an existing one needs the current one (a wrong one is audited)."""
        cdb = self._require_writable()
        if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_LENGTH:
            raise ValidationError(f"the passphrase must have at least {MIN_LENGTH} characters", "passphrase")
        existing = get_setting(cdb, _PASSPHRASE_KEY)
        swapped = setting_problem(cdb, _PASSPHRASE_KEY)
        if swapped is not None:
            record_event(cdb, self._actor, "ro.passphrase_refused", "setting", key=_PASSPHRASE_KEY, reason=swapped)
            raise CountdeskError(f"the RO passphrase was not changed: {swapped}", "passphrase")
        if existing is not None and not passphrase_matches(current or "", existing):
            record_event(cdb, self._actor, "ro.passphrase_refused", "setting", key=_PASSPHRASE_KEY,
                         reason="the current passphrase was not given correctly")
            raise CountdeskError("the current RO passphrase is wrong: the passphrase was not changed", "passphrase")
        stored = hash_passphrase(passphrase)
        audit_id = self._commit(lambda: put_setting(
            cdb, self._actor, _PASSPHRASE_KEY, stored,
            action="ro.passphrase_change" if existing else "ro.passphrase_set",
            audit_before=None if existing is None else public_parameters(existing),
            audit_after=public_parameters(stored)))
        return Change(None, setup={SetUpPart.PASSPHRASE}, audit_id=audit_id)

    def _authorise(self, contest_id: str, passphrase: object, action: str) -> None:
        """Check the passphrase for `action`; a refusal is audited and committed before raising."""
        cdb = self._require_writable()
        stored = get_setting(cdb, _PASSPHRASE_KEY)
        swapped = setting_problem(cdb, _PASSPHRASE_KEY)
        if swapped is not None:
            problem = swapped
        elif stored is None:
            problem = "no RO passphrase has been set: set one first"
        elif not isinstance(passphrase, str) or not passphrase_matches(passphrase, stored):
            problem = "the RO passphrase is wrong"
        else:
            return
        self._refuse(contest_id, action, problem)

    def _refuse(self, contest_id: str, action: str, problem: str) -> None:
        record_event(self._cdb, self._actor, f"{action}_refused", "contest", contest_id=contest_id,
                     key=contest_id, reason=problem)
        done = {"contest.declare": "declared", "contest.unlock": "unlocked",
                "contest.accept_difference": "given the accepted difference"}[action]
        raise CountdeskError(f'contest "{contest_id}" was not {done}: {problem}', contest_where(contest_id))

    # Declaring and unlocking -------------------------------------------------------------------

    def declare(self, contest_id: str, passphrase: str) -> Change:
        """Declare the result and lock the contest. The count must be complete, need no lot, and
        have no sheet still waiting under double entry. The result declared is `result(contest_id)`."""
        self._require_writable()
        state = self._state(contest_id)
        if state.declared:
            raise CountdeskError(f'contest "{contest_id}" is already declared', contest_where(contest_id))
        refusal = regime_refusal(load_election(self._cdb), load_contest(self._cdb, contest_id))
        if refusal is not None:
            self._refuse(contest_id, "contest.declare", refusal)
        self._authorise(contest_id, passphrase, "contest.declare")
        # Nothing changed outside the app is declared: the figures must replay from the trail
        # (imported here: integrity builds on this session).
        from .integrity import trail_problem

        mismatch = trail_problem(self.location)
        if mismatch is not None:
            self._refuse(contest_id, "contest.declare", f"the figures do not replay from the audit trail: {mismatch}")
        waiting = keyings(self._cdb, contest_id)
        if waiting:
            self._refuse(contest_id, "contest.declare",
                         f"sheet {waiting[0].sheet_id} is waiting for its second keying or a supervisor")
        # An area of a collated SV poll declares on the collating officer's finalists, as its
        # screen, documents and exports show.
        try:
            instruction = checked_instruction(self, contest_id)
        except CountdeskError as error:
            self._refuse(contest_id, "contest.declare", error.message)
        finalists = instruction.finalists if instruction is not None else None
        result = tally_contest(load_election(self._cdb), load_contest(self._cdb, contest_id), finalists)
        if result.status is Status.INCOMPLETE:
            self._refuse(contest_id, "contest.declare", incomplete_sentence(result))
        if result.status is Status.NEEDS_LOTS:
            self._refuse(contest_id, "contest.declare", "a tie must first be settled by lot")
        # When and by whom, kept with the stage: the exports and the count file say `declared`.
        officer = load_election(self._cdb).returning_officer or self.operator
        audit_id = self._commit(lambda: set_declared(
            self._cdb, self._actor, contest_id, Declaration(self._actor.clock(), officer), stage=str(Stage.DECLARED),
            extra={"elected": list(result.elected), "warnings": [w.code for w in result.warnings]},
        ))
        self._refresh(contest_id)
        return Change(contest_id, declaration=True, stage=True, audit_id=audit_id)

    def unlock(self, contest_id: str, passphrase: str, *, reason: str) -> Change:
        """Reopen a declared contest for correction; it goes back to the count stage."""
        self._require_writable()
        state = self._state(contest_id)
        reason = require_reason(reason, f"{contest_where(contest_id)}.reason", "say why the contest is unlocked")
        if not state.declared:
            raise CountdeskError(f'contest "{contest_id}" is not declared', contest_where(contest_id))
        self._authorise(contest_id, passphrase, "contest.unlock")
        audit_id = self._commit(lambda: set_declared(self._cdb, self._actor, contest_id, None,
                                                     stage=str(Stage.COUNT), reason=reason))
        self._refresh(contest_id)
        return Change(contest_id, declaration=True, stage=True, audit_id=audit_id)


def incomplete_sentence(result: ContestResult) -> str:
    """Why there is no result yet, as the refusal says it: what is missing, with the figures."""
    if result.gaps:
        return "the count is not complete: " + summary(result.gaps)
    return "the count is not complete: no first-round sheet has been entered yet"
