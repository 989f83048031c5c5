"""On a count server the running sums a station checks first-round sheets against
(store/entry_figures.py) follow every station's writes: after any mix of confirmations,
corrections and removals at two stations, each station's sums equal the sums added up afresh on
the server, and a refused sheet leaves them where they were."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_builders import CONTEST_ID as C
from server_builders import sheet

from countdesk.domain.model import Box
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.store.entry_figures import added_up, cached_sums, round_one_figures

POOL = ("x-00001", "x-00002", "x-00003")


def assert_agree(session: CountSession) -> None:
    store = session._core.store
    for except_sheet in ("", *POOL):
        figures = round_one_figures(store, C, except_sheet)
        assert figures.verified_total is not None  # the sums are read only once every box is verified
        assert (figures.papers, dict(figures.votes)) == added_up(store, C, except_sheet)


def test_a_station_sums_follow_another_stations_sheets_and_a_refusal_moves_nothing(server_count, station_url):
    with CountSession.open(station_url("one"), "Ann") as one, CountSession.open(station_url("two"), "Bob") as two:
        one.set_up.add_box(C, Box("B1", "Station 1", False, 100))
        one.verification.verify(C, "B1", 100_000, None)
        one.sheets.confirm(C, sheet("x", 1))
        assert_agree(one)
        two.sheets.confirm(C, sheet("x", 2))
        two.sheets.delete(C, "x-00001", reason="keyed against the wrong table")
        assert_agree(one)  # one wrote nothing since: it follows two's rows on the trail
        assert cached_sums(one._core.store, C)[1] == sheet("x", 2).papers_counted
        one.verification.verify(C, "B1", sheet("x", 2).papers_counted + 3, None, reason="recounted")
        store = one._core.store
        round_one_figures(store, C, "")
        cached, head = cached_sums(store, C), one.audit_head()
        try:
            one.sheets.confirm(C, sheet("x", 3))  # more than the 3 papers left
        except CountdeskError as refused:
            assert "verified" in refused.message
        else:
            raise AssertionError("a sheet beyond the papers verified was let through")
        assert (cached_sums(store, C), one.audit_head()) == (cached, head)
        assert_agree(two)


steps = st.lists(st.tuples(st.sampled_from(("one", "two")), st.sampled_from(("save", "delete")),
                           st.sampled_from(POOL), st.integers(1, 40)), min_size=1, max_size=8)


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps)
def test_two_stations_sums_always_equal_the_server_sums(server_count, station_url, path):
    with CountSession.open(station_url("one"), "Ann") as one, CountSession.open(station_url("two"), "Bob") as two:
        stations = {"one": one, "two": two}
        if not one.contest(C).boxes:  # the count outlives an example: its box is set up once
            one.set_up.add_box(C, Box("B1", "Station 1", False, 100))
            one.verification.verify(C, "B1", 100_000, None)
        for who, kind, sheet_id, n in path:
            station = stations[who]
            try:
                if kind == "save":
                    replacing = station.sheets.sheet(C, sheet_id) is not None
                    station.sheets.confirm(C, replace(sheet("x", n), id=sheet_id),
                                       reason="corrected" if replacing else None)
                else:
                    station.sheets.delete(C, sheet_id, reason="keyed against the wrong table")
            except CountdeskError:
                pass  # no such sheet to remove, or claimed/changed at the other station: refused
            assert_agree(one)
            assert_agree(two)
