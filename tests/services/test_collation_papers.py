"""The paper check at the collation desk is per contest (issue 12 item 7): each contest's groups are
typed from that contest's own paper and compared with its fingerprint, which another contest in
the area's count never changes; a wrong group for any contest refuses the bundle."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from export_builders import paper_groups, quick_bundle
from session_builders import LCR_AREAS, load_example
from test_collation_bundles import AREAS, CONTEST, accept, lcr_bundles  # noqa: F401 - the module's bundles fixture

from countdesk.domain.model import Contest, VotingSystem
from countdesk.errors import CollationError
from countdesk.exchange.fingerprint import contest_fingerprint
from countdesk.exchange.signing import generate_key
from countdesk.services.collation_session import CollationSession

PCC = "pcc.merseyside.2021-05-06"


def knowsley_with_a_second_contest():
    knowsley = load_example(LCR_AREAS[1])
    extra = Contest(PCC, "Police and Crime Commissioner", VotingSystem.SV, 1, knowsley.contests[0].candidates)
    return knowsley, replace(knowsley, contests=(*knowsley.contests, extra))


def test_a_two_contest_bundle_is_checked_against_each_contests_own_paper(lcr_bundles, tmp_path):  # noqa: F811
    collation = CollationSession.create(tmp_path / "c", "LCR", AREAS)
    accept(collation, *lcr_bundles["Halton"])
    knowsley, both = knowsley_with_a_second_contest()
    key = generate_key()
    bundle, _ = quick_bundle(tmp_path, both, key)
    pending = collation.open_bundle(bundle)
    # The mayoral paper printed before the PCC contest was added still matches.
    mayor_paper = contest_fingerprint(knowsley, CONTEST)
    assert pending.paper_fingerprints == {CONTEST: mayor_paper, PCC: contest_fingerprint(both, PCC)}
    typed_key = paper_groups(key.fingerprint, pending.key_positions)
    right = {cid: paper_groups(printed, pending.positions) for cid, printed in pending.paper_fingerprints.items()}

    with pytest.raises(CollationError, match="holds 2 contests: type the groups from each contest's own paper"):
        collation.accept_bundle(pending, right[CONTEST], typed_key=typed_key)
    with pytest.raises(CollationError, match="the groups typed for Police and Crime Commissioner .* do not match"):
        collation.accept_bundle(pending, {CONTEST: right[CONTEST], PCC: right[CONTEST]}, typed_key=typed_key)
    with pytest.raises(CollationError, match="the groups typed for Police and Crime Commissioner \\(none\\)"):
        collation.accept_bundle(pending, {CONTEST: right[CONTEST]}, typed_key=typed_key)
    assert [r.area for r in collation.areas] == ["Halton"]

    record = collation.accept_bundle(pending, right, typed_key=typed_key)
    assert record.paper_fingerprints == pending.paper_fingerprints
    # Reopened, each contest's fingerprint is recomputed from the copy and must be the one checked.
    again = CollationSession.open(collation.folder)
    assert again.areas[-1].paper_fingerprint(PCC) == pending.paper_fingerprints[PCC]
    assert again.collation_fingerprint(CONTEST) == collation.collation_fingerprint(CONTEST)


def test_the_collated_fingerprint_of_a_contest_ignores_another_contest_of_an_area(lcr_bundles, tmp_path):  # noqa: F811
    plain = CollationSession.create(tmp_path / "plain", "LCR", AREAS)
    accept(plain, *lcr_bundles["Halton"])
    knowsley, both = knowsley_with_a_second_contest()
    for stick in ("one", "two"):
        (tmp_path / stick).mkdir()
    bundle, printed = quick_bundle(tmp_path / "one", knowsley, key := generate_key())
    accept(plain, bundle, printed, key)
    wider = CollationSession.create(tmp_path / "wider", "LCR", AREAS)
    accept(wider, *lcr_bundles["Halton"])
    bundle = quick_bundle(tmp_path / "two", both, key)[0]
    pending = wider.open_bundle(bundle)
    wider.accept_bundle(pending, {cid: paper_groups(fp, pending.positions) for cid, fp in
                                  pending.paper_fingerprints.items()},
                        typed_key=paper_groups(key.fingerprint, pending.key_positions))
    assert wider.collation_fingerprint(CONTEST) == plain.collation_fingerprint(CONTEST)
    assert wider.collation_fingerprint(PCC) != wider.collation_fingerprint(CONTEST)


def test_an_area_accepted_before_papers_were_checked_per_contest_still_opens(lcr_bundles, tmp_path):  # noqa: F811
    collation = CollationSession.create(tmp_path / "c", "LCR", AREAS)
    accept(collation, *lcr_bundles["Halton"])
    state_path = collation.folder / "collation.json"
    state = json.loads(state_path.read_text())
    record = state["areas"][0]
    record["paper_fingerprint"] = record.pop("paper_fingerprints")[CONTEST]  # as an earlier countdesk saved it
    state_path.write_text(json.dumps(state))
    reopened = CollationSession.open(collation.folder)
    assert reopened.areas[0].paper_fingerprint(CONTEST) == lcr_bundles["Halton"][1]
    record["paper_fingerprint"] = "0000 " * 7 + "0000"
    state_path.write_text(json.dumps(state))
    with pytest.raises(CollationError, match="no longer gives the fingerprints"):
        CollationSession.open(collation.folder)
