"""The open count keeps its figures by adjusting for each confirmed sheet; they must always equal
what a fresh read of the file and a full tally give."""

from dataclasses import replace
from pathlib import Path

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.domain.tally import tally_contest
from countdesk.exchange.countfile import load_count_file
from countdesk.gui.commands import DeleteSheetCommand, SaveSheetCommand
from countdesk.gui.open_count import OpenCount
from countdesk.services.count_session import CountSession

LIVERPOOL = Path(__file__).resolve().parents[2] / "resources" / "demo" / "liverpool-mayor-2021.json"


def test_entries_corrections_deletions_and_undo_match_a_fresh_read(qtbot, tmp_path):
    count = load_count_file(LIVERPOOL)
    # Table 20's sheet not yet in: its 3,779 verified papers leave room for the sheets entered here.
    contest = count.contests[0]
    count = replace(count, contests=(replace(contest, count_sheets=tuple(
        s for s in contest.count_sheets if s.id != "T20-R1")),))
    session = CountSession.create(tmp_path / "l.countdesk", "Tester", count.election)
    session.import_count(count)
    open_count = OpenCount(session)
    contest_id = count.contests[0].id
    ids = count.contests[0].candidate_ids
    open_count.result(contest_id)  # warm the caches, as the open Result tab does

    def fresh():
        loaded = session.load()
        return tally_contest(loaded.election, loaded.contest(contest_id)), loaded.contest(contest_id)

    sheet = CountSheet("EXTRA", 1, frozen_map({cid: 10 for cid in ids}), frozen_map({"unmarked": 1}))
    corrected = CountSheet("EXTRA", 1, frozen_map({cid: 11 for cid in ids}), frozen_map({"unmarked": 0}))
    steps = [
        lambda: open_count.push(SaveSheetCommand(open_count, contest_id, sheet)),
        lambda: open_count.push(SaveSheetCommand(open_count, contest_id, corrected, reason="mis-keyed")),
        lambda: open_count.push(DeleteSheetCommand(open_count, contest_id, "T01-R1", reason="counted twice")),
        open_count.undo_stack.undo, open_count.undo_stack.undo, open_count.undo_stack.redo,
    ]
    for step in steps:
        with qtbot.waitSignal(open_count.changed):
            step()
        expected, contest = fresh()
        got = open_count.result(contest_id)
        assert (got.first, got.final, got.elected, got.ballot_papers_counted, got.warnings) == (
            expected.first, expected.final, expected.elected, expected.ballot_papers_counted, expected.warnings)
        assert [s.id for s in open_count.contest(contest_id).count_sheets] == [s.id for s in contest.count_sheets]
    session.close()
