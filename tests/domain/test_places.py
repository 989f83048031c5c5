"""Warning places in words: the box, sheet or lot a path names, never the path itself."""

from countdesk.domain.model import Box, Candidate, Contest, CountSheet, Lot, VotingSystem, frozen_map
from countdesk.domain.places import place_in_words

CONTEST = Contest(
    "mayor", "Mayor", VotingSystem.SV, 1,
    (Candidate("a", "Ann McBRIDE", "Party A"), Candidate("b", "Ben BROWN", "Party B")),
    (Box("B1", "St Anne's Hall"), Box("P1")),
    (CountSheet("T01-R1", 1, frozen_map({"a": 1, "b": 1})),),
    lots=(Lot(("a", "b"), ("b",)),),
)


def test_paths_become_the_things_they_name():
    assert place_in_words(CONTEST, "boxes[0]") == "box B1 (St Anne's Hall)"
    assert place_in_words(CONTEST, "boxes[1]") == "box P1"
    assert place_in_words(CONTEST, "count_sheets[0]") == "count sheet T01-R1 (round 1)"
    assert place_in_words(CONTEST, "lots[0]") == "the lot between Ann McBRIDE and Ben BROWN"
    assert place_in_words(CONTEST, "count_sheets") == "the count sheets"
    assert place_in_words(CONTEST, "lots") == "the lots drawn"
    assert place_in_words(CONTEST, "contest") == "the whole contest"


def test_a_path_that_names_nothing_is_left_as_it_is():
    assert place_in_words(CONTEST, "boxes[9]") == "boxes[9]"
    assert place_in_words(None, "boxes[0]") == "boxes[0]"
    assert place_in_words(CONTEST, "elsewhere") == "elsewhere"
