"""A contest's stage, its declaration and unlocking, and the RO passphrase that guards both.

Declaring locks the contest: every entry is refused until the returning officer unlocks it with
the passphrase and a reason. Refusals are audited as well as successes, so a wrong passphrase
tried at 3 a.m. is on the record.
"""

from __future__ import annotations

from typing import NoReturn

from ..domain.completeness import summary
from ..domain.model import Contest, Declaration, Election
from ..domain.regimes import declares, system_mismatch
from ..domain.result import ContestResult, Status
from ..errors import CountdeskError, ValidationError
from ..store.acceptance import set_declared
from ..store.contests import set_contest_field
from ..store.keyings import keyings
from ..store.repository import Stage, load_contest, load_election
from ..store.sql import CountStore
from ..store.state import get_setting, put_setting, record_event, setting_problem
from .changes import NO_CHANGE, Change, SetUpPart
from .count_core import CountCore, UseCase, contest_where, serialised
from .passphrase import MIN_LENGTH, hash_passphrase, passphrase_matches, public_parameters
from .results import Results
from .validation import require_reason

#: The setting that keeps the RO passphrase record (hashed; backups check it is the audited one).
RO_PASSPHRASE_KEY = "ro_passphrase"


def regime_refusal(election: Election, contest: Contest) -> str | None:
    """Why the rules forbid this count to declare, or None: a local count of a collated poll never
    declares, and nothing is declared under a system the office and poll date do not allow."""
    if not declares(contest):
        return ("this is a local count of a collated poll: it gives local statements only and never declares; "
                "its figures go to the collating officer, who declares (SI 2012/1917 Sch 3 r.62(1); "
                "SI 2017/67 Sch 1 r.59)")
    return system_mismatch(election, contest)


def ro_passphrase_matches(cdb: CountStore, passphrase: object) -> bool:
    """Is `passphrase` the RO passphrase the store holds, its record the one the audit trail vouches
    for? (An open count's, or a backup's read as it was written.)"""
    if setting_problem(cdb, RO_PASSPHRASE_KEY) is not None or not isinstance(passphrase, str):
        return False
    return passphrase_matches(passphrase, get_setting(cdb, RO_PASSPHRASE_KEY))


@serialised
class RoPassphrase(UseCase):
    """The returning officer's passphrase: declaring, unlocking and accepting a difference need it."""

    def is_set(self) -> bool:
        return get_setting(self._core.store, RO_PASSPHRASE_KEY) is not None

    def check(self, passphrase: str) -> bool:
        """True for the right passphrase against the record the audit trail vouches for; a record
        swapped in the file outside the app matches nothing."""
        return ro_passphrase_matches(self._core.store, passphrase)

    def problem(self) -> str | None:
        """Why the stored passphrase record cannot be trusted (changed outside the app), or None."""
        return setting_problem(self._core.store, RO_PASSPHRASE_KEY)

    def set(self, passphrase: str, *, current: str | None = None) -> Change:
        """Set the passphrase; changing an existing one needs the current one (a wrong one is audited)."""
        cdb = self._core.writable()
        if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_LENGTH:
            raise ValidationError(f"the passphrase must have at least {MIN_LENGTH} characters", "passphrase")
        existing = get_setting(cdb, RO_PASSPHRASE_KEY)
        swapped = setting_problem(cdb, RO_PASSPHRASE_KEY)
        actor = self._core.actor
        if swapped is not None:
            record_event(cdb, actor, "ro.passphrase_refused", "setting", key=RO_PASSPHRASE_KEY, reason=swapped)
            raise CountdeskError(f"the RO passphrase was not changed: {swapped}", "passphrase")
        if existing is not None and not passphrase_matches(current or "", existing):
            record_event(cdb, actor, "ro.passphrase_refused", "setting", key=RO_PASSPHRASE_KEY,
                         reason="the current passphrase was not given correctly")
            raise CountdeskError("the current RO passphrase is wrong: the passphrase was not changed", "passphrase")
        stored = hash_passphrase(passphrase)
        audit_id = self._core.commit(lambda: put_setting(
            cdb, actor, RO_PASSPHRASE_KEY, stored, action="ro.passphrase_change" if existing else "ro.passphrase_set",
            audit_before=None if existing is None else public_parameters(existing),
            audit_after=public_parameters(stored)))
        return Change(None, setup=frozenset({SetUpPart.PASSPHRASE}), audit_id=audit_id)

    def authorise(self, contest_id: str, passphrase: object, action: str) -> None:
        """Check the passphrase for `action`; a refusal is audited and committed before raising."""
        cdb = self._core.writable()
        stored = get_setting(cdb, RO_PASSPHRASE_KEY)
        swapped = setting_problem(cdb, RO_PASSPHRASE_KEY)
        if swapped is not None:
            problem = swapped
        elif stored is None:
            problem = "no RO passphrase has been set: set one first"
        elif not isinstance(passphrase, str) or not passphrase_matches(passphrase, stored):
            problem = "the RO passphrase is wrong"
        else:
            return
        self.refuse(contest_id, action, problem)

    def refuse(self, contest_id: str, action: str, problem: str) -> NoReturn:
        """Record the refusal of an RO act in the trail (committed), then raise it."""
        record_event(self._core.writable(), self._core.actor, f"{action}_refused", "contest", contest_id=contest_id,
                     key=contest_id, reason=problem)
        done = {"contest.declare": "declared", "contest.unlock": "unlocked",
                "contest.accept_difference": "given the accepted difference"}[action]
        raise CountdeskError(f'contest "{contest_id}" was not {done}: {problem}', contest_where(contest_id))


@serialised
class Declaring(UseCase):
    """A contest's stage, declaring its result (which locks it) and unlocking it."""

    def __init__(self, core: CountCore, passphrase: RoPassphrase, results: Results) -> None:
        super().__init__(core)
        self._passphrase = passphrase
        self._results = results

    def stage(self, contest_id: str) -> Stage:
        return self._core.state(contest_id).stage

    def set_stage(self, contest_id: str, stage: Stage | str) -> Change:
        """Move a contest between set-up, verification and count (declaring has its own step)."""
        state = self._core.open_state(contest_id)
        where = f"{contest_where(contest_id)}.stage"
        try:
            stage = Stage(stage)
        except ValueError:
            raise ValidationError(f"unknown stage {stage!r}", where) from None
        if stage is Stage.DECLARED:
            raise ValidationError("a contest is declared with declaring.declare(), which needs the RO passphrase",
                                  where)
        if stage is state.stage:
            return NO_CHANGE
        audit_id = self._core.write(set_contest_field, contest_id, "stage", str(stage), action="contest.stage")
        self._core.refresh(contest_id)
        return Change(contest_id, stage=True, audit_id=audit_id)

    # Declaring and unlocking -------------------------------------------------------------------

    def declare(self, contest_id: str, passphrase: str) -> Change:
        """Declare the result and lock the contest. The count must be complete, need no lot, and
        have no sheet still waiting under double entry. The result declared is `result(contest_id)`."""
        self._core.writable()
        state = self._core.state(contest_id)
        if state.declared:
            raise CountdeskError(f'contest "{contest_id}" is already declared', contest_where(contest_id))
        refusal = regime_refusal(load_election(self._core.store), load_contest(self._core.store, contest_id))
        if refusal is not None:
            self._passphrase.refuse(contest_id, "contest.declare", refusal)
        self._passphrase.authorise(contest_id, passphrase, "contest.declare")
        # Nothing changed outside the app is declared: the figures must replay from the trail
        # (imported here: integrity builds on this session).
        from .integrity import trail_problem

        mismatch = trail_problem(self._core.store.location)
        if mismatch is not None:
            self._passphrase.refuse(contest_id, "contest.declare",
                                    f"the figures do not replay from the audit trail: {mismatch}")
        waiting = keyings(self._core.store, contest_id)
        if waiting:
            self._passphrase.refuse(contest_id, "contest.declare",
                         f"sheet {waiting[0].sheet_id} is waiting for its second keying or a supervisor")
        # The result every screen, document and export shows: an area of a collated SV poll
        # declares on the collating officer's finalists (an instruction that fails its check is
        # a refusal, recorded).
        try:
            result = self._results.result(contest_id).result
        except CountdeskError as error:
            self._passphrase.refuse(contest_id, "contest.declare", error.message)
        if result.status is Status.INCOMPLETE:
            self._passphrase.refuse(contest_id, "contest.declare", incomplete_sentence(result))
        if result.status is Status.NEEDS_LOTS:
            self._passphrase.refuse(contest_id, "contest.declare", "a tie must first be settled by lot")
        # When and by whom, kept with the stage: the exports and the count file say `declared`.
        officer = load_election(self._core.store).returning_officer or self._core.operator
        actor = self._core.actor
        audit_id = self._core.commit(lambda: set_declared(
            self._core.store, actor, contest_id, Declaration(actor.clock(), officer), stage=str(Stage.DECLARED),
            extra={"elected": list(result.elected), "warnings": [w.code for w in result.warnings]},
        ))
        self._core.refresh(contest_id)
        return Change(contest_id, declaration=True, stage=True, audit_id=audit_id)

    def unlock(self, contest_id: str, passphrase: str, *, reason: str) -> Change:
        """Reopen a declared contest for correction; it goes back to the count stage."""
        self._core.writable()
        state = self._core.state(contest_id)
        reason = require_reason(reason, f"{contest_where(contest_id)}.reason", "say why the contest is unlocked")
        if not state.declared:
            raise CountdeskError(f'contest "{contest_id}" is not declared', contest_where(contest_id))
        self._passphrase.authorise(contest_id, passphrase, "contest.unlock")
        audit_id = self._core.write(set_declared, contest_id, None, stage=str(Stage.COUNT), reason=reason)
        self._core.refresh(contest_id)
        return Change(contest_id, declaration=True, stage=True, audit_id=audit_id)


def incomplete_sentence(result: ContestResult) -> str:
    """Why there is no result yet, as the refusal says it: what is missing, with the figures."""
    if result.gaps:
        return "the count is not complete: " + summary(result.gaps)
    return "the count is not complete: no first-round sheet has been entered yet"
