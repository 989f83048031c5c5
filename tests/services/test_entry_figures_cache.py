"""The running sums a first-round sheet is checked against (store/entry_figures.py) always equal the
figures added up afresh, whatever happened to the count: sheets confirmed, corrected, removed,
entries taken back, boxes verified again, differences accepted and voided. A refused write leaves
the cached sums where they were. A wrong sum would let an impossible sheet through."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_builders import CONTEST_ID as C
from session_builders import ELECTION, r1, small_sv, ticking_clock

from countdesk.domain.model import Count, CountSheet
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.store.entry_figures import added_up, cached_sums, round_one_figures

PASSPHRASE = "the returning officer's own"
SHEETS = ("T1", "T2", "T3", "T4")


def from_the_contest(session: CountSession, except_sheet: str) -> tuple[int, dict[str, int]]:
    """The other first-round sheets' papers and votes, added up from the contest as loaded."""
    others = [s for s in session.contest(C).sheets(1) if s.id != except_sheet]
    votes: dict[str, int] = {}
    for sheet in others:
        for cid, n in sheet.votes.items():
            votes[cid] = votes.get(cid, 0) + n
    return sum(s.papers if s.papers is not None else s.papers_counted for s in others), votes


def assert_sums_agree(session: CountSession) -> None:
    """The figures the sheet would be checked against: the sums, once every box is verified."""
    store = session._core.store
    for except_sheet in ("", *SHEETS):
        figures = round_one_figures(store, C, except_sheet)
        if figures.verified_total is None:  # nothing is checked against the sums: none are read
            assert (figures.papers, dict(figures.votes)) == (0, {})
            continue
        sql = added_up(store, C, except_sheet)
        assert (figures.papers, dict(figures.votes)) == sql
        papers, votes = from_the_contest(session, except_sheet)
        assert figures.papers == papers
        assert {cid: n for cid, n in figures.votes.items() if n} == {cid: n for cid, n in votes.items() if n}
        setting = session.sheets.setting(C, 1, except_sheet or None)
        assert (setting.round_papers, dict(setting.candidate_votes)) == sql


figures_ = st.tuples(st.integers(0, 70), st.integers(0, 50), st.integers(0, 40), st.integers(0, 3))
steps = st.one_of(
    st.tuples(st.just("confirm"), st.sampled_from(SHEETS), figures_, st.booleans()),
    st.tuples(st.just("delete"), st.sampled_from(SHEETS)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
    st.tuples(st.just("verify"), st.sampled_from(("B1", "P1")), st.one_of(st.none(), st.integers(0, 200))),
    st.tuples(st.just("accept")),
)


class Operator:
    """Drives the session as the app does, with an undo stack of taken-back entries."""

    def __init__(self, session: CountSession) -> None:
        self.session = session
        self.done: list[tuple[str, CountSheet | None, CountSheet | None, int | None]] = []
        self.undone: list[tuple[str, CountSheet | None, CountSheet | None, int | None]] = []

    def put(self, sheet_id: str, sheet: CountSheet | None, since: int | None, reason: str) -> int | None:
        if sheet is None:
            return self.session.sheets.delete(C, sheet_id, reason=reason, unchanged_since=since).audit_id
        return self.session.sheets.confirm(C, sheet, reason=reason, unchanged_since=since).audit_id

    def step(self, step: tuple) -> None:
        s, kind = self.session, step[0]
        if kind == "confirm":
            _, sheet_id, (a, b, c, unmarked), stated = step
            sheet = r1(sheet_id, a, b, c, **({"unmarked": unmarked} if unmarked else {}))
            if stated:  # the papers stated on the sheet, sometimes one out (then refused)
                sheet = CountSheet(sheet_id, 1, sheet.votes, sheet.rejected, papers=a + b + c + unmarked + (a % 2))
            before = s.sheets.sheet(C, sheet_id)
            change = s.sheets.confirm(C, sheet, reason="corrected" if before else None)
            self.done.append((sheet_id, before, sheet, change.audit_id))
            self.undone.clear()
        elif kind == "delete":
            _, sheet_id = step
            before = s.sheets.sheet(C, step[1])
            change = s.sheets.delete(C, sheet_id, reason="keyed against the wrong table")
            self.done.append((sheet_id, before, None, change.audit_id))
            self.undone.clear()
        elif kind == "undo" and self.done:
            sheet_id, before, after, audit_id = self.done[-1]
            taken = self.put(sheet_id, before, audit_id, "undo")
            self.done.pop()
            self.undone.append((sheet_id, before, after, taken))
        elif kind == "redo" and self.undone:
            sheet_id, before, after, audit_id = self.undone[-1]
            again = self.put(sheet_id, after, audit_id, "redo")
            self.undone.pop()
            self.done.append((sheet_id, before, after, again))
        elif kind == "verify":
            _, box, verified = step
            s.verification.verify(C, box, verified, None, reason="recounted")
        elif kind == "accept":
            standing = s.acceptances.standing_difference(C, "round1")
            if standing is not None:
                s.acceptances.accept(C, PASSPHRASE, stage="round1", counted=standing.figures["counted"],
                                    expected=standing.figures["expected"], reason="papers not found")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(steps, min_size=1, max_size=25))
def test_the_running_sums_always_equal_the_sums_added_up_afresh(path):
    with tempfile.TemporaryDirectory() as folder:
        with CountSession.create(Path(folder) / "count.countdesk", "Alice", ELECTION, clock=ticking_clock()) as session:
            session.set_up.add_contest(small_sv())
            verify_both(session)
            session.passphrase.set(PASSPHRASE)
            operator = Operator(session)
            store = session._core.store
            for step in path:
                round_one_figures(store, C, "")  # the cache brought to the trail's head
                cached, head = cached_sums(store, C), session.audit_head()
                try:
                    operator.step(step)
                except CountdeskError:
                    assert session.audit_head() == head  # refused: nothing written
                    assert cached_sums(store, C) == cached  # and the sums did not move
                assert_sums_agree(session)


def verify_both(session: CountSession, b1: int = 100, p1: int = 60) -> None:
    session.verification.verify(C, "B1", b1, None)
    session.verification.verify(C, "P1", p1, None)


def test_a_refused_sheet_leaves_the_sums_and_a_correction_is_measured_without_itself(session):
    verify_both(session)
    session.sheets.confirm(C, r1("T1", 50, 40, 30))
    store = session._core.store
    round_one_figures(store, C, "")
    cached = cached_sums(store, C)
    assert cached is not None and cached[1:] == (120, {"a": 50, "b": 40, "c": 30})
    try:
        session.sheets.confirm(C, r1("T2", 30, 10, 1))
    except CountdeskError as refused:
        assert "only 40 of the 160" in refused.message
    else:
        raise AssertionError("a sheet beyond the papers verified was let through")
    assert cached_sums(store, C) == cached
    session.sheets.confirm(C, r1("T2", 30, 9, 1))
    figures = round_one_figures(store, C, "T1")
    assert (figures.papers, dict(figures.votes)) == (40, {"a": 30, "b": 9, "c": 1})
    assert cached_sums(store, C)[1:] == (160, {"a": 80, "b": 49, "c": 31})


def test_sums_follow_a_contest_imported_over_the_count(session):
    """A write the trail cannot be followed through (a contest replaced) adds everything up again."""
    store = session._core.store
    verify_both(session)
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    round_one_figures(store, C, "")
    assert cached_sums(store, C)[1] == 12
    replaced = small_sv(sheets=(r1("X1", 1, 2, 3), r1("X2", 10, 0, 0)),
                        boxes=tuple(replace(b, verified=b.ballot_paper_account) for b in small_sv().boxes))
    session.import_count(Count(ELECTION, (replaced,)), replace=True)
    assert_sums_agree(session)
    assert cached_sums(store, C)[1:] == (16, {"a": 11, "b": 2, "c": 3})


def test_a_candidate_whose_votes_are_all_on_the_sheet_checked_is_left_out_as_sql_leaves_it(session):
    store = session._core.store
    verify_both(session)
    session.sheets.confirm(C, r1("T1", 0, 2, 0))
    assert_sums_agree(session)
    assert dict(round_one_figures(store, C, "T1").votes) == {}
    assert dict(round_one_figures(store, C, "").votes) == {"a": 0, "b": 2, "c": 0}


def test_a_sheet_accepted_by_double_entry_is_in_the_sums(count_path):
    """The second keying's acceptance writes the sheet: the sums follow it, as any sheet write."""
    with CountSession.create(count_path, "Alice", ELECTION, clock=ticking_clock()) as first:
        first.set_up.add_contest(small_sv())
        verify_both(first)
        first.double_entry.set_enabled(C, True)
        first.double_entry.submit(C, r1("T1", 10, 20, 30))
    with CountSession.open(count_path, "Bob") as second:
        store = second._core.store
        round_one_figures(store, C, "")
        assert cached_sums(store, C)[1] == 0
        outcome = second.double_entry.submit(C, r1("T1", 10, 20, 30))
        assert outcome.status.name == "ACCEPTED"
        assert_sums_agree(second)
        assert cached_sums(store, C)[1:] == (60, {"a": 10, "b": 20, "c": 30})


def test_while_a_box_is_open_no_sums_are_read_and_they_are_right_once_it_is_verified(session):
    store = session._core.store
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    assert round_one_figures(store, C, "").verified_total is None and cached_sums(store, C) is None
    verify_both(session)
    round_one_figures(store, C, "")
    session.verification.verify(C, "P1", None, None, reason="reopened: a bundle was found")
    session.sheets.confirm(C, r1("T2", 1, 1, 1))
    session.sheets.delete(C, "T1", reason="keyed against the wrong table")
    assert cached_sums(store, C)[1] == 12  # left where it was while nothing read it
    session.verification.verify(C, "P1", 60, None, reason="recounted")
    assert_sums_agree(session)
    assert cached_sums(store, C)[1:] == (3, {"a": 1, "b": 1, "c": 1})


def test_a_count_open_read_only_follows_the_writer_s_sheets(count_path):
    """Another process writes the file meanwhile: the read-only session's sums follow the trail."""
    with CountSession.create(count_path, "Alice", ELECTION, clock=ticking_clock()) as writer:
        writer.set_up.add_contest(small_sv())
        verify_both(writer)
        writer.sheets.confirm(C, r1("T1", 5, 4, 3))
        with CountSession.open(count_path, "Bob", read_only=True) as reader:
            assert_sums_agree(reader)
            writer.sheets.confirm(C, r1("T2", 1, 2, 3))
            writer.sheets.delete(C, "T1", reason="keyed against the wrong table")
            assert_sums_agree(reader)
            assert cached_sums(reader._core.store, C)[1:] == (6, {"a": 1, "b": 2, "c": 3})


def test_inside_a_write_the_sums_see_its_view_and_a_rollback_leaves_the_kept_ones(session):
    """A server checks a sheet again under its write lock, inside the writing transaction: the sums
    there are that transaction's, and are kept only once it commits (a rollback leaves them)."""
    from countdesk.store.audit import Actor
    from countdesk.store.sheets import save_sheet

    store = session._core.store
    verify_both(session)
    session.sheets.confirm(C, r1("T1", 5, 4, 3))
    round_one_figures(store, C, "")
    kept = cached_sums(store, C)

    class Rollback(Exception):
        pass

    try:
        with store.transaction():
            save_sheet(store, Actor("Alice"), C, r1("T2", 1, 2, 3))
            inside = round_one_figures(store, C, "")
            assert (inside.papers, dict(inside.votes)) == added_up(store, C, "") == (18, {"a": 6, "b": 6, "c": 6})
            assert cached_sums(store, C) == kept
            raise Rollback
    except Rollback:
        pass
    assert cached_sums(store, C) == kept
    assert_sums_agree(session)
    assert cached_sums(store, C) == kept  # the head is back where it was: nothing to bring forward
