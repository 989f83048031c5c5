"""The Change value: what a committed write changed, combined over several writes."""

from __future__ import annotations

import dataclasses

import pytest

from countdesk.services.changes import NO_CHANGE, Change, SetUpPart


def test_a_change_is_frozen_and_keeps_ids_in_order_once():
    change = Change("c1", sheets_added=["s2", "s1", "s2"], boxes_changed="b1")
    assert change.sheets_added == ("s2", "s1")
    assert change.boxes_changed == ("b1",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.contest_id = "c2"  # type: ignore[misc]


def test_nothing_changed_is_false_and_any_part_is_true():
    assert not NO_CHANGE
    assert not Change("c1")  # naming a contest alone changes nothing
    assert Change("c1", lots=True)
    assert Change(audit_id=7)  # a refusal row is still a write to the trail
    assert Change(setup={"election"}).setup == frozenset({SetUpPart.ELECTION})


def test_figures_says_whether_the_result_may_differ():
    assert Change("c1", sheets_removed=("s1",)).figures
    assert Change("c1", instruction=True).figures
    assert Change("c1", setup={SetUpPart.CANDIDATES}).figures
    assert not Change("c1", keyings=True).figures  # a held keying is not in the count
    assert not Change(setup={SetUpPart.PASSPHRASE}).figures
    assert not Change(operator=True).figures


def test_combining_keeps_each_sheets_net_effect():
    saved = Change("c1", sheets_added=("s1",), stage=True, audit_id=4)
    deleted = Change("c1", sheets_removed=("s1",), audit_id=5)
    assert not (saved | deleted).sheets  # added then removed: as if never there
    assert (saved | deleted).stage and (saved | deleted).audit_id == 5
    restored = deleted | Change("c1", sheets_added=("s1",), audit_id=6)
    assert restored.sheets_changed == ("s1",) and not restored.sheets_added and not restored.sheets_removed
    corrected = Change("c1", sheets_changed=("s1",)) | Change("c1", sheets_removed=("s1",))
    assert corrected.sheets_removed == ("s1",) and not corrected.sheets_changed
    assert (NO_CHANGE | saved) is saved and (saved | NO_CHANGE) is saved


def test_combining_two_contests_reloads_the_count_but_election_wide_parts_do_not():
    both = Change("c1", sheets_added=("s1",)) | Change("c2", sheets_added=("s1",))
    assert both.contest_id is None and both.whole_count
    handed_over = Change("c1", sheets_added=("s1",)) | Change(operator=True, audit_id=9)
    assert handed_over.contest_id == "c1" and not handed_over.whole_count and handed_over.operator
    assert (Change(operator=True) | Change("c2", lots=True)).contest_id == "c2"
