"""The open count's cached copy: the count as last read, each contest's running totals, results
and round-2 finalists, kept up to date by the Changes the use cases return.

Why a cache: a count night's three-thousandth sheet must not reload three thousand sheets from
the file. `follow(change)` adjusts what the change touched and nothing else: a sheet moves the
running totals by that sheet, read back as committed; a box, a lot, an acceptance, a declaration
or a set-up change re-reads its one contest; an election-wide change drops everything. No Qt here:
the open count (gui/open_count.py) follows a change with this, then tells the views.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain.incremental import IncrementalTally
from ..domain.model import Contest, Count
from ..domain.result import ContestResult
from ..errors import CountdeskError
from ..services.changes import Change, SetUpPart
from ..services.count_session import CountSession

#: Set-up parts that change the list of contests or what every contest's result depends on.
ELECTION_WIDE = frozenset({SetUpPart.ELECTION, SetUpPart.CONTESTS})
#: Set-up parts inside one contest: its details, candidates, boxes added or removed.
CONTEST_SETUP = frozenset({SetUpPart.CONTEST, SetUpPart.CANDIDATES, SetUpPart.BOXES})


def touches_everything(change: Change) -> bool:
    """The election, the list of contests, an import, or changes in several contests at once."""
    return bool(change.whole_count or change.setup & ELECTION_WIDE or (change.contest_scoped and not change.contest_id))


class CountCache:
    """The count, results and running totals of `session`, as last read or followed."""

    def __init__(self, session: CountSession) -> None:
        self.session = session
        self._count: Count | None = None
        self._results: dict[str, ContestResult] = {}
        self._live: dict[str, IncrementalTally] = {}
        #: Round-2 finalists from the instructions the count holds (checked as on import), or the
        #: problem that stops the result, kept until the contest is re-read.
        self._finalists: dict[str, tuple[str, ...] | CountdeskError | None] = {}

    def count(self) -> Count:
        """The whole count as stored, loaded once and kept up to date by `follow`."""
        if self._count is None:
            self._count = self.session.load()
        return self._count

    def contest(self, contest_id: str) -> Contest:
        return self.count().contest(contest_id)

    def find_contest(self, contest_id: str | None) -> Contest | None:
        """The contest, or None when none is chosen or it was removed meanwhile."""
        if contest_id is None:
            return None
        try:
            return self.contest(contest_id)
        except KeyError:
            return None

    def result(self, contest_id: str) -> ContestResult:
        """The domain tally of one contest; views render it and never recompute anything.

        Raises CountdeskError (located at the contest) when an area's round-2 instruction is
        missing or is not the one its audit trail records: views show that sentence instead."""
        cached = self._results.get(contest_id)
        if cached is None:
            count = self.count()
            live = self._live.get(contest_id)
            if live is None:
                live = self._live[contest_id] = IncrementalTally(count.election, count.contest(contest_id))
            cached = live.result(self._instructed_finalists(contest_id))
            self._results[contest_id] = cached
        return cached

    def _instructed_finalists(self, contest_id: str) -> tuple[str, ...] | None:
        """At a collated SV poll an area counts round 2 for the finalists the collating officer
        named (the session's results read it), never for its own: the screen must show the same result the
        area's exports report."""
        if contest_id not in self._finalists:
            results = getattr(self.session, "results", None)  # the result widgets' in-memory test session has none
            try:
                instruction = results.instruction(contest_id) if results is not None else None
            except CountdeskError as problem:
                self._finalists[contest_id] = problem
            else:
                self._finalists[contest_id] = instruction.finalists if instruction is not None else None
        found = self._finalists[contest_id]
        if isinstance(found, CountdeskError):
            raise found.with_traceback(None)  # the same problem each time, not a growing traceback
        return found

    def follow(self, change: Change) -> None:
        """Bring the cache up to date with a committed write: exactly what it touched."""
        contest_id = change.contest_id
        if touches_everything(change):
            self.forget("")
            return
        if not contest_id:
            return
        reread = bool(change.setup & CONTEST_SETUP or change.boxes_changed or change.lots or change.acceptance
                      or change.declaration or (change.sheets and self._holds_acceptance(contest_id)))
        if reread or change.instruction:
            self.forget(contest_id, reread_contest=reread)
        elif change.sheets:
            self._follow_sheets(contest_id, change)

    def _holds_acceptance(self, contest_id: str) -> bool:
        """The cached contest holds an accepted difference: a sheet changed may have voided it (the
        write removes it in the store, services/acceptance.py), so the contest is read again rather
        than followed sheet by sheet with an acceptance the count no longer holds."""
        contest = self.find_contest(contest_id) if self._count is not None else None
        return contest is not None and bool(contest.accepted_differences)

    def _follow_sheets(self, contest_id: str, change: Change) -> None:
        """Sheets changed their own figures only: the running totals and the cached contest are
        adjusted by those sheets, each read back as committed (O(candidates) a sheet), instead of
        reloading thousands of sheets from the file."""
        if self._count is None:
            self.forget(contest_id)
            return
        live = self._live.get(contest_id)
        if live is None:  # no result asked for yet: the running totals start from the cached contest
            contest = self.find_contest(contest_id)
            if contest is None:  # a contest this copy has not seen: read the count again
                self.forget("")
                return
            live = self._live[contest_id] = IncrementalTally(self._count.election, contest)
        for sheet_id in (*change.sheets_added, *change.sheets_changed):
            sheet = self.session.sheets.sheet(contest_id, sheet_id)
            if sheet is None:  # removed again since (another station): as the store has it
                live.delete_sheet(sheet_id)
            else:
                live.save_sheet(sheet)
        for sheet_id in change.sheets_removed:
            live.delete_sheet(sheet_id)
        sheets = live.contest.count_sheets
        self._count = replace(self._count, contests=tuple(
            replace(c, count_sheets=sheets) if c.id == contest_id else c for c in self._count.contests))
        self._results.pop(contest_id, None)

    def forget(self, contest_id: str, reread_contest: bool = True) -> None:
        """Drop what is cached of one contest ("" = everything), to be read again when next asked for."""
        if not contest_id:
            self._count = None
            self._results.clear()
            self._live.clear()
            self._finalists.clear()
            return
        self._results.pop(contest_id, None)
        self._live.pop(contest_id, None)
        self._finalists.pop(contest_id, None)
        if reread_contest and self._count is not None:
            try:
                fresh = self.session.contest(contest_id)
            except (CountdeskError, KeyError):
                self._count = None  # removed meanwhile: the whole count is read again
                return
            self._count = replace(self._count, contests=tuple(
                fresh if c.id == contest_id else c for c in self._count.contests))
