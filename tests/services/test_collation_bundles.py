"""Collation from area bundles: the LCR 2021 areas exported, verified, paper-checked and collated
back to the published totals; every kind of altered, swapped or repeated bundle refused."""

from __future__ import annotations

import base64
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from export_builders import GENERATED_AT, area_session, audit_log_of, paper_groups, quick_bundle, sv_area
from session_builders import LCR_AREAS, load_example

from countdesk.errors import CollationError
from countdesk.exchange.bundle import write_bundle
from countdesk.exchange.countfile import parse_count_bytes
from countdesk.exchange.signing import generate_key
from countdesk.services.collation import collate, load_area
from countdesk.services.collation_progress import Stage
from countdesk.services.collation_session import CollationSession
from countdesk.services.export import export_bundle

CONTEST = "mayor.liverpool-city-ca.2021-05-06"
AREAS = ("Halton", "Knowsley", "Liverpool", "Sefton", "St Helens", "Wirral")


@pytest.fixture(scope="module")
def lcr_bundles(tmp_path_factory):
    """Each LCR area counted on its own laptop (its own key), exported to its own stick:
    area → (bundle folder, fingerprint printed on its paper, key)."""
    base = tmp_path_factory.mktemp("lcr")
    bundles = {}
    for path in LCR_AREAS:
        count = load_example(path)
        key = generate_key()
        stick = base / f"stick-{path.stem}"
        stick.mkdir()
        with area_session(base, count) as session:
            report = export_bundle(session, stick, signing_key=key, generated_at=GENERATED_AT)
        bundles[count.election.area] = (report.path, report.paper_fingerprints[CONTEST], key)
    return bundles


@pytest.fixture
def collation(tmp_path):
    return CollationSession.create(tmp_path / "collation", "Liverpool City Region", AREAS)


def accept(collation: CollationSession, path: Path, printed: str, key, **options):
    """The officer types the groups asked for from the paper (`printed`) and from the signing key
    fingerprint the area's export printed (`key`: the key it signed with, or its fingerprint)."""
    pending = collation.open_bundle(path)
    key_printed = key if isinstance(key, str) else key.fingerprint
    return collation.accept_bundle(pending, paper_groups(printed, pending.positions),
                                   typed_key=paper_groups(key_printed, pending.key_positions), **options)


def copy_of(bundle: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy" / bundle.name
    shutil.copytree(bundle, target)
    return target


def test_the_six_lcr_areas_collate_to_the_published_result(lcr_bundles, collation, tmp_path):
    assert set(lcr_bundles) == set(AREAS)
    for number, area in enumerate(AREAS, start=1):
        path, printed, key = lcr_bundles[area]
        record = accept(collation, path, printed, key)
        assert record.area == area and record.paper_fingerprints == {CONTEST: printed}
        progress = collation.progress(CONTEST)
        if number < len(AREAS):
            assert progress.stage is Stage.WAITING and len(progress.waiting_for) == len(AREAS) - number

    progress = collation.progress(CONTEST)
    result = progress.result
    assert progress.final and progress.stage is Stage.FINAL
    assert result.valid_votes == 340_698
    assert dict(result.first) == {"cargill-g": 40_211, "marsden-j": 66_702, "newman-d": 35_049,
                                  "rotheram-s": 198_736}
    assert result.elected == ("rotheram-s",) and result.elected_on_first
    assert progress.message == "Every area has reported: Steve ROTHERAM elected on first preferences."

    # Per area, as the table shows them: they add up to the whole.
    rows = collation.collated().area_results(CONTEST)
    assert [area for area, _ in rows] == list(AREAS)
    assert sum(r.first["rotheram-s"] for _, r in rows) == 198_736
    assert dict(next(r for a, r in rows if a == "Wirral").first)["rotheram-s"] > 0
    # Each area's signing key is recorded as confirmed by the officer, in the journal too.
    assert all(r.key_fingerprint == lcr_bundles[r.area][2].fingerprint and r.key_confirmed.startswith("groups ")
               for r in collation.areas)
    assert all(f"key {lcr_bundles[e.area][2].fingerprint} confirmed (groups " in e.detail
               for e in collation.history if e.event == "area_imported")

    # The collation survives closing the app: reopened from its folder, the same result.
    reopened = CollationSession.open(collation.folder)
    assert reopened.progress(CONTEST).result == result
    assert [r.area for r in reopened.areas] == list(AREAS)
    assert [e.event for e in reopened.history] == ["created", "expected_areas", *["area_imported"] * 6]

    # The CLI path (services.collation.load_area on bundle folders) agrees.
    assert collate([load_area(lcr_bundles[a][0]) for a in AREAS]).results[0] == result


@pytest.mark.parametrize("tamper, problem", [
    (lambda b: (b / "count.json").write_bytes((b / "count.json").read_bytes().replace(b'"H001"', b'"H00X"')),
     "altered: count.json"),
    (lambda b: (b / "results.csv").unlink(), "missing: results.csv"),
    (lambda b: (b / "extra-figures.json").write_text("{}"), "added: extra-figures.json"),
    (lambda b: (b / "reports").joinpath("mayor.liverpool-city-ca.2021-05-06", "provisional.pdf").write_bytes(b"%PDF"),
     "altered: reports/mayor.liverpool-city-ca.2021-05-06/provisional.pdf"),
    (lambda b: (b / "signing-key.pub").write_bytes(generate_key().public_pem), "altered: signing-key.pub"),
])
def test_a_changed_removed_or_added_file_is_refused_naming_it(lcr_bundles, collation, tmp_path, tamper, problem):
    path, printed, _ = lcr_bundles["Halton"]
    bundle = copy_of(path, tmp_path)
    tamper(bundle)
    with pytest.raises(CollationError, match="bundle refused: .*" + problem.replace("(", r"\(").replace(")", r"\)")):
        collation.open_bundle(bundle)
    assert collation.areas == ()
    assert collation.history[-1].event == "bundle_refused" and problem in collation.history[-1].detail


def test_a_bundle_re_signed_with_another_key_is_refused_when_the_area_has_a_key(lcr_bundles, collation, tmp_path):
    """A forger can make a self-consistent bundle with their own key; the area's key, pinned at its
    first import, gives them away, and so does the key fingerprint the area's export printed."""
    path, printed, key = lcr_bundles["Halton"]
    accept(collation, path, printed, key)
    files = {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()
             and p.name not in ("SHA256SUMS", "SHA256SUMS.sig", "signing-key.pub")}
    (tmp_path / "forger").mkdir()
    forger = generate_key()
    forged = write_bundle(tmp_path / "forger", path.name, files, forger)
    pending = collation.open_bundle(forged)
    assert pending.key_changed_from == key.fingerprint and pending.key_fingerprint == forger.fingerprint
    with pytest.raises(CollationError, match="bundle refused: it is signed by a new key, but .* earlier bundle was "
                                             "signed by key .* confirm the key change") as refused:
        collation.accept_bundle(pending, paper_groups(printed, pending.positions), replace=True,
                                typed_key=paper_groups(forger.fingerprint, pending.key_positions))
    assert forger.fingerprint not in str(refused.value)  # never shown: it would be copied from the screen
    # Confirmed as a new key, but typed from what the area's export printed (its real key): refused.
    with pytest.raises(CollationError, match="signing key's fingerprint typed .* does not match"):
        collation.accept_bundle(pending, paper_groups(printed, pending.positions), replace=True,
                                new_key_confirmed=True, typed_key=[key.fingerprint])
    assert [r.key_fingerprint for r in collation.areas] == [key.fingerprint]

    fresh = CollationSession.create(tmp_path / "other", "LCR", AREAS)
    pending = fresh.open_bundle(forged)  # same count file: same paper fingerprint, but the key differs
    assert pending.key_fingerprint != key.fingerprint and pending.key_changed_from is None
    # With no key pinned, the key fingerprint the area's export printed gives the forger away.
    with pytest.raises(CollationError, match="does not match groups .* of the key that signed this bundle"):
        fresh.accept_bundle(pending, paper_groups(printed, pending.positions),
                            typed_key=paper_groups(key.fingerprint, pending.key_positions))
    assert fresh.areas == () and "does not match" in fresh.history[-1].detail


def test_the_signing_key_is_typed_as_groups_or_whole_and_wrong_groups_are_refused(lcr_bundles, collation):
    path, printed, key = lcr_bundles["Liverpool"]
    pending = collation.open_bundle(path)
    assert len(pending.key_positions) == 2 and all(1 <= p <= 8 for p in pending.key_positions)
    paper = paper_groups(printed, pending.positions)
    right = paper_groups(key.fingerprint, pending.key_positions)
    wrong = [right[0], f"{(int(right[1], 16) + 1) % 0x10000:04X}"]
    for typed in (wrong, right[:1], [], [key.fingerprint[:-1] + "X"], paper):
        with pytest.raises(CollationError, match="signing key's fingerprint typed .* does not match"):
            collation.accept_bundle(pending, paper, typed_key=typed)
    assert collation.areas == ()
    # The whole short form, typed in lower case without spaces, is accepted too.
    record = collation.accept_bundle(pending, paper, typed_key=[key.fingerprint.replace(" ", "").lower()])
    assert record.key_confirmed == "the whole fingerprint typed" and record.key_fingerprint == key.fingerprint
    reopened = CollationSession.open(collation.folder)
    assert reopened.areas[0].key_confirmed == "the whole fingerprint typed"


def test_an_area_that_changes_its_key_is_accepted_only_once_the_new_key_is_confirmed(lcr_bundles, collation, tmp_path):
    """The area's laptop failed and it exported again from a spare with its own key."""
    path, printed, key = lcr_bundles["Knowsley"]
    accept(collation, path, printed, key)
    spare = generate_key()
    files = {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()
             and p.name not in ("SHA256SUMS", "SHA256SUMS.sig", "signing-key.pub")}
    (tmp_path / "spare").mkdir()
    again = write_bundle(tmp_path / "spare", path.name, files, spare)
    with pytest.raises(CollationError, match="signed by a new key"):
        accept(collation, again, printed, spare, replace=True)  # the new key typed, but not confirmed as new
    assert collation.areas[0].key_fingerprint == key.fingerprint
    assert collation.history[-1].event == "bundle_refused" and "new key" in collation.history[-1].detail
    record = accept(collation, again, printed, spare, replace=True, new_key_confirmed=True)
    assert record.key_fingerprint == spare.fingerprint
    assert collation.history[-1].event == "area_replaced"
    assert f"earlier bundle was signed by {key.fingerprint}; the new key confirmed" in collation.history[-1].detail
    # From now on the new key is the area's: reopened, the copy checks out with it.
    assert CollationSession.open(collation.folder).areas[0].key_fingerprint == spare.fingerprint


def test_the_paper_check_refuses_groups_that_do_not_match(lcr_bundles, collation):
    path, printed, key = lcr_bundles["Knowsley"]
    pending = collation.open_bundle(path)
    assert len(pending.positions) == 2 and all(1 <= p <= 8 for p in pending.positions)
    right = paper_groups(printed, pending.positions)
    wrong = [right[0], f"{(int(right[1], 16) + 1) % 0x10000:04X}"]
    typed_key = paper_groups(key.fingerprint, pending.key_positions)
    with pytest.raises(CollationError, match="do not match groups .* check the paper"):
        collation.accept_bundle(pending, wrong, typed_key=typed_key)
    with pytest.raises(CollationError, match="do not match"):
        collation.accept_bundle(pending, right[:1], typed_key=typed_key)
    assert collation.areas == ()
    # Typed in lower case with spaces, the right groups are accepted.
    collation.accept_bundle(pending, [f" {g[:2].lower()} {g[2:]}" for g in right], typed_key=typed_key)
    assert [r.area for r in collation.areas] == ["Knowsley"]


def test_the_fingerprint_groups_come_from_the_count_file_not_the_whole_bundle(lcr_bundles, collation):
    """The paper shows the count file fingerprint; typing the bundle's SHA256SUMS fingerprint is refused."""
    path, _, key = lcr_bundles["Sefton"]
    pending = collation.open_bundle(path)
    with pytest.raises(CollationError, match="do not match"):
        collation.accept_bundle(pending, paper_groups(pending.bundle_fingerprint, pending.positions),
                                typed_key=paper_groups(key.fingerprint, pending.key_positions))


def test_an_area_twice_an_unexpected_area_and_other_candidates_are_refused(lcr_bundles, collation, tmp_path):
    path, printed, key = lcr_bundles["Wirral"]
    accept(collation, path, printed, key)
    with pytest.raises(CollationError, match='area "Wirral" has already been imported'):
        accept(collation, path, printed, key)

    small = CollationSession.create(tmp_path / "small", "LCR", ["Halton", "Knowsley"])
    with pytest.raises(CollationError, match='area "Wirral" is not one of the expected areas'):
        small.open_bundle(path)

    # Knowsley's laptop was set up with a candidate's id spelt differently.
    knowsley = load_example(LCR_AREAS[1])
    contest = knowsley.contests[0]
    renamed = tuple(replace(c, id="newman-dv") if c.id == "newman-d" else c for c in contest.candidates)
    sheets = tuple(replace(s, votes={("newman-dv" if k == "newman-d" else k): v for k, v in s.votes.items()})
                   for s in contest.count_sheets)
    odd = replace(knowsley, contests=(replace(contest, candidates=renamed, count_sheets=sheets),))
    odd_key = generate_key()
    bundle, fingerprint = quick_bundle(tmp_path, odd, odd_key)
    with pytest.raises(CollationError, match="candidate ids"):
        accept(collation, bundle, fingerprint, odd_key)
    assert [r.area for r in collation.areas] == ["Wirral"]


def test_a_bundle_of_another_election_is_refused(lcr_bundles, collation, tmp_path):
    accept(collation, *lcr_bundles["Halton"])
    other, fingerprint = quick_bundle(tmp_path, sv_area("North"), generate_key())
    with pytest.raises(CollationError, match='is for election "mayor.testshire-ca.2021-05-06"'):
        collation.open_bundle(other)


def test_a_bundle_without_a_count_file_is_not_an_area_bundle(collation, tmp_path):
    bare = write_bundle(tmp_path, "bare", {"results.csv": b"ballot_paper_id,votes\r\n"}, generate_key())
    with pytest.raises(CollationError, match="bundle refused: count.json missing"):
        collation.open_bundle(bare)


def test_a_forger_who_re_signs_changed_figures_fails_the_paper_check(lcr_bundles, tmp_path):
    """With no key pinned yet the forged bundle verifies (it is self-consistent); the paper,
    signed for the true figures, is what gives it away."""
    path, printed, _ = lcr_bundles["Halton"]
    files = {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()
             and p.name not in ("SHA256SUMS", "SHA256SUMS.sig", "signing-key.pub")}
    count = files["count.json"]
    files["count.json"] = count.replace(b'"rotheram-s": 1', b'"rotheram-s": 2', 1)
    assert files["count.json"] != count
    (tmp_path / "forger").mkdir()
    forged = write_bundle(tmp_path / "forger", path.name, files, generate_key())
    fresh = CollationSession.create(tmp_path / "fresh", "LCR", AREAS)
    with pytest.raises(CollationError, match="do not replay from its own audit log"):
        fresh.open_bundle(forged)  # the bundle's own trail gives the figure away
    # A forger who also writes a whole new trail for the changed figures: the paper gives it away.
    files["audit-log.json"] = audit_log_of(parse_count_bytes(files["count.json"], "count.json"))
    forged = write_bundle(tmp_path / "forger", path.name + "-2", files, generate_key())
    pending = fresh.open_bundle(forged)
    assert pending.paper_fingerprints[CONTEST] != printed
    with pytest.raises(CollationError, match="do not match groups"):  # even with the forger's key typed
        fresh.accept_bundle(pending, paper_groups(printed, pending.positions),
                            typed_key=paper_groups(pending.key_fingerprint, pending.key_positions))
    assert fresh.areas == ()


def test_an_accepted_copy_changed_on_disk_is_refused_on_reopening(lcr_bundles, collation):
    accept(collation, *lcr_bundles["Halton"])
    copy = collation.folder / collation.areas[0].count_file
    copy.write_bytes(copy.read_bytes().replace(b'"H001"', b'"H00X"'))
    with pytest.raises(CollationError, match="was changed after it was accepted"):
        CollationSession.open(collation.folder)


def test_thirty_three_area_bundles_collate_to_thirty_three_times_one_area(tmp_path):
    """Accepted and collated, each bundle once. How long it takes is a figure of benchmarks/run.py
    ("Collation: 33 area bundles verified and collated", against reading their bytes), not a test."""
    template = load_example(LCR_AREAS[0])
    names = [f"Area {n:02d}" for n in range(1, 34)]
    collation = CollationSession.create(tmp_path / "c33", "Thirty-three areas", names)
    key = generate_key()
    stick = tmp_path / "stick"
    stick.mkdir()
    bundles = [quick_bundle(stick, replace(template, election=replace(template.election, area=name)), key)
               for name in names]
    for path, fingerprint in bundles:
        accept(collation, path, fingerprint, key)

    collated = collate([load_area(path) for path, _ in bundles])
    halton_rotheram = collate([template]).results[0].first["rotheram-s"]
    assert collated.results[0].first["rotheram-s"] == 33 * halton_rotheram
    assert collation.progress(CONTEST).final


def test_a_signature_file_that_is_not_base64_is_refused(lcr_bundles, collation, tmp_path):
    bundle = copy_of(lcr_bundles["Liverpool"][0], tmp_path)
    (bundle / "SHA256SUMS.sig").write_bytes(base64.b64encode(b"x" * 64)[:-4] + b"!!!!\n")
    with pytest.raises(CollationError, match="bad signature"):
        collation.open_bundle(bundle)
