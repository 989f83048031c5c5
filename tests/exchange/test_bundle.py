"""The results bundle: written, read back, verified; every kind of tampering refused by name."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from bundle_fixtures import DECLARED_AT, liverpool, liverpool_result

from countdesk.exchange.bundle import (
    PUBLIC_KEY_FILE,
    SIGNATURE_FILE,
    bundle_fingerprint,
    bundle_name,
    safe_name,
    verify_bundle,
    write_bundle,
)
from countdesk.exchange.countfile import dump_count_json
from countdesk.exchange.eml import to_eml_510
from countdesk.exchange.fingerprint import format_fingerprint
from countdesk.exchange.nist import to_nist
from countdesk.exchange.result_json import results_to_json
from countdesk.exchange.results_csv import results_to_csv
from countdesk.exchange.signing import generate_key, public_key_fingerprint


@pytest.fixture(scope="module")
def key():
    return generate_key()


def liverpool_files() -> dict[str, bytes]:
    return dict(_liverpool_files())


@lru_cache(maxsize=1)
def _liverpool_files() -> dict[str, bytes]:
    """What the services layer hands over for Liverpool: count file, results, declaration PDF."""
    election, contest, result = liverpool_result()
    return {
        "count.json": dump_count_json(liverpool()).encode("utf-8"),
        "results.json": results_to_json([result]).encode("utf-8"),
        "results.csv": results_to_csv([(election, contest, result)]).encode("utf-8"),
        "results-nist.json": json.dumps(to_nist(election, [(contest, result)], generated_at=DECLARED_AT))
        .encode("utf-8"),
        "results-eml510.xml": to_eml_510(election, [(contest, result)], issued_at=DECLARED_AT, transaction_id="1"),
        "reports/declaration.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n",
        "audit-log.json": json.dumps([{"seq": 1, "action": "declare"}]).encode("utf-8"),
    }


@pytest.fixture
def bundle(tmp_path, key) -> Path:
    election = liverpool().election
    return write_bundle(tmp_path, bundle_name(election.id, election.area), liverpool_files(), key)


def test_liverpool_bundle_is_written_with_every_file_and_verifies(bundle, key):
    assert bundle.name == "mayor.liverpool.2021-05-06_liverpool"
    on_disk = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert on_disk == sorted([*liverpool_files(), "SHA256SUMS", SIGNATURE_FILE, PUBLIC_KEY_FILE])
    for name, data in liverpool_files().items():
        assert (bundle / name).read_bytes() == data
    verdict = verify_bundle(bundle, expected_public_key=key.public_key)
    assert verdict.ok and verdict.problems == []
    assert verdict.expected_key_matched is True
    assert verdict.key_fingerprint == key.fingerprint


def test_sha256sums_lists_every_file_but_itself_and_the_signature_sorted(bundle):
    lines = (bundle / "SHA256SUMS").read_text("utf-8").splitlines()
    names = [line.split("  ", 1)[1] for line in lines]
    assert names == sorted([*liverpool_files(), PUBLIC_KEY_FILE])
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest


def test_sha256sum_and_openssl_verify_the_bundle_by_hand(bundle, tmp_path):
    """docs/bundle.md's hand check, run as written."""
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=bundle, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    signature = tmp_path / "sig.bin"
    signature.write_bytes(base64.b64decode((bundle / SIGNATURE_FILE).read_bytes()))
    verified = subprocess.run(
        ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", PUBLIC_KEY_FILE, "-rawin",
         "-in", "SHA256SUMS", "-sigfile", str(signature)],
        cwd=bundle, capture_output=True, text=True,
    )
    assert verified.returncode == 0 and "Signature Verified Successfully" in verified.stdout


def test_the_hand_checks_for_added_files_and_fingerprints_agree_with_the_app(bundle, key):
    """docs/bundle.md steps 2, 4 and 5."""

    def shell(command: str) -> str:
        return subprocess.run(["bash", "-c", command], cwd=bundle, capture_output=True, text=True,
                              check=True).stdout

    on_disk = shell("find . -type f ! -name SHA256SUMS ! -name SHA256SUMS.sig | sed 's|^\\./||' | LC_ALL=C sort")
    assert on_disk == shell("cut -c67- SHA256SUMS")
    key_hex = shell("openssl pkey -pubin -in signing-key.pub -outform DER | tail -c 32 | sha256sum | cut -c1-32")
    assert key_hex.strip().upper() == key.fingerprint.replace(" ", "")
    bundle_hex = shell("sha256sum SHA256SUMS | cut -c1-32")
    assert bundle_hex.strip().upper() == bundle_fingerprint(bundle).replace(" ", "")


def test_no_partial_or_temporary_name_is_left_after_a_good_write(bundle):
    assert [p.name for p in bundle.parent.iterdir()] == [bundle.name]
    assert not [p for p in bundle.rglob(".*")]


def test_fingerprint_is_sha256_of_sha256sums_in_groups_of_four(bundle):
    digest = hashlib.sha256((bundle / "SHA256SUMS").read_bytes()).hexdigest().upper()
    fingerprint = bundle_fingerprint(bundle)
    assert fingerprint == " ".join(digest[i : i + 4] for i in range(0, 32, 4))
    assert verify_bundle(bundle).fingerprint == fingerprint


def test_a_second_bundle_of_the_same_name_gets_a_new_name_and_the_first_is_kept(bundle, key):
    before = (bundle / "SHA256SUMS").read_bytes()
    second = write_bundle(bundle.parent, bundle.name, {"note.txt": b"second"}, key)
    third = write_bundle(bundle.parent, bundle.name, {"note.txt": b"third"}, key)
    assert (second.name, third.name) == (f"{bundle.name}-2", f"{bundle.name}-3")
    assert (bundle / "SHA256SUMS").read_bytes() == before
    assert verify_bundle(bundle).ok and verify_bundle(second).ok and verify_bundle(third).ok


def test_one_changed_byte_is_refused_naming_the_file(bundle, key):
    pdf = bundle / "reports" / "declaration.pdf"
    data = bytearray(pdf.read_bytes())
    data[500] ^= 0x01
    pdf.write_bytes(bytes(data))
    verdict = verify_bundle(bundle, expected_public_key=key.public_key)
    assert not verdict.ok
    assert verdict.problems == ["altered: reports/declaration.pdf"]


def test_a_removed_file_is_refused_naming_it(bundle):
    (bundle / "results.csv").unlink()
    verdict = verify_bundle(bundle)
    assert not verdict.ok and verdict.problems == ["missing: results.csv"]


def test_an_added_file_is_refused_naming_it(bundle):
    (bundle / "reports" / "extra-declaration.pdf").write_bytes(b"%PDF-1.7 forged")
    verdict = verify_bundle(bundle)
    assert not verdict.ok and verdict.problems == ["added: reports/extra-declaration.pdf"]


def test_operating_system_litter_is_listed_as_ignored_not_refused(bundle):
    (bundle / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (bundle / "._results.csv").write_bytes(b"\0\5\26\7")
    verdict = verify_bundle(bundle)
    assert verdict.ok
    assert sorted(verdict.ignored) == sorted([".DS_Store", "._results.csv"])


def resign(bundle: Path, new_key, change: dict[str, bytes]) -> None:
    """What a forger does: change files, rewrite SHA256SUMS, sign with their own key, and put
    their public key in the bundle."""
    for name, data in change.items():
        (bundle / name).write_bytes(data)
    (bundle / PUBLIC_KEY_FILE).write_bytes(new_key.public_pem)
    names = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*")
                   if p.is_file() and p.name not in ("SHA256SUMS", SIGNATURE_FILE))
    sums = "".join(f"{hashlib.sha256((bundle / n).read_bytes()).hexdigest()}  {n}\n" for n in names).encode()
    (bundle / "SHA256SUMS").write_bytes(sums)
    (bundle / SIGNATURE_FILE).write_bytes(base64.b64encode(new_key.sign(sums)) + b"\n")


def test_a_bundle_re_signed_with_another_key_is_refused_when_the_key_is_expected(bundle, key):
    forger = generate_key()
    resign(bundle, forger, {"results.csv": b"forged,figures\n"})
    verdict = verify_bundle(bundle, expected_public_key=key.public_key)
    assert not verdict.ok
    assert verdict.expected_key_matched is False
    assert any(p.startswith(f"signing key: {PUBLIC_KEY_FILE} is not the expected key") for p in verdict.problems)
    assert any(p.startswith("bad signature: SHA256SUMS.sig") for p in verdict.problems)


def test_without_an_expected_key_the_swapped_key_shows_in_its_fingerprint(bundle, key):
    forger = generate_key()
    resign(bundle, forger, {"results.csv": b"forged,figures\n"})
    verdict = verify_bundle(bundle)
    # Self-consistent, so only the fingerprint can tell: the operator compares it with the paper.
    assert verdict.ok
    assert verdict.key_fingerprint == public_key_fingerprint(forger.public_key) != key.fingerprint


def test_a_swapped_signature_is_refused(bundle, key, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = write_bundle(elsewhere, "other", {"x.txt": b"another bundle"}, key)
    shutil.copyfile(other / SIGNATURE_FILE, bundle / SIGNATURE_FILE)  # a genuine signature, of other sums
    verdict = verify_bundle(bundle, expected_public_key=key.public_key)
    assert not verdict.ok
    assert verdict.problems == ["bad signature: SHA256SUMS.sig is not a signature of SHA256SUMS by this key"]


def test_a_signature_that_is_not_base64_is_refused(bundle):
    (bundle / SIGNATURE_FILE).write_bytes(b"not base64 at all!\n")
    assert verify_bundle(bundle).problems == ["bad signature: SHA256SUMS.sig is not base64"]


def test_a_key_that_is_not_ed25519_is_reported_as_unreadable(bundle):
    (bundle / PUBLIC_KEY_FILE).write_bytes(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    problems = verify_bundle(bundle).problems
    assert f"altered: {PUBLIC_KEY_FILE}" in problems
    assert f"unreadable key: {PUBLIC_KEY_FILE} is not an Ed25519 public key" in problems
    assert f"bad signature: no readable key to check {SIGNATURE_FILE} with" in problems


def test_a_missing_sha256sums_is_reported_as_such(bundle):
    (bundle / "SHA256SUMS").unlink()
    verdict = verify_bundle(bundle)
    assert not verdict.ok and verdict.problems == ["SHA256SUMS missing"]


def test_a_missing_signature_or_key_is_refused_naming_the_file(bundle, tmp_path, key):
    (bundle / SIGNATURE_FILE).unlink()
    assert verify_bundle(bundle).problems == [f"missing: {SIGNATURE_FILE}"]
    (bundle / PUBLIC_KEY_FILE).unlink()
    problems = verify_bundle(bundle).problems
    assert f"missing: {PUBLIC_KEY_FILE}" in problems and f"missing: {SIGNATURE_FILE}" in problems


def test_an_edited_sha256sums_breaks_the_signature(bundle):
    sums = bundle / "SHA256SUMS"
    lines = sums.read_text("utf-8").splitlines(keepends=True)
    sums.write_text("".join(line for line in lines if "results.csv" not in line), "utf-8")
    verdict = verify_bundle(bundle)
    assert "added: results.csv" in verdict.problems
    assert any(p.startswith("bad signature") for p in verdict.problems)


def test_a_sums_line_pointing_outside_the_bundle_is_malformed(bundle):
    sums = bundle / "SHA256SUMS"
    sums.write_bytes(sums.read_bytes() + f"{'0' * 64}  ../../etc/passwd\n".encode())
    problems = verify_bundle(bundle).problems
    assert any(p.startswith("SHA256SUMS malformed: line") for p in problems)


def test_a_missing_folder_is_not_ok(tmp_path):
    verdict = verify_bundle(tmp_path / "nowhere")
    assert not verdict.ok and verdict.problems[0].startswith("bundle folder missing")


@pytest.mark.parametrize("name", ["../escape", "/abs", "a//b", "SHA256SUMS", "signing-key.PUB", "con.txt",
                                  "bad\\name", "line\nbreak", "trailing.", ".hidden"])
def test_unsafe_member_names_are_refused_before_anything_is_written(tmp_path, key, name):
    with pytest.raises(ValueError):
        write_bundle(tmp_path, "b", {name: b"x"}, key)
    assert os.listdir(tmp_path) == []


def test_member_names_differing_only_in_case_are_refused(tmp_path, key):
    with pytest.raises(ValueError, match="differ only in case"):
        write_bundle(tmp_path, "b", {"Results.csv": b"1", "results.csv": b"2"}, key)


def test_folder_names_are_made_safe_for_fat_and_windows():
    assert bundle_name("mayor.liverpool-city-ca.2021-05-06", "St Helens") == (
        "mayor.liverpool-city-ca.2021-05-06_st-helens")
    assert safe_name("  Ynys Môn / Anglesey: *count* ") == "ynys-m-n-anglesey-count"
    assert safe_name("CON") == "bundle-con"
    assert len(safe_name("x" * 500)) <= 120
    # Nothing usable left: named by the name's SHA-256, so it is still a name, and a different one.
    assert safe_name("////").startswith("x-") and safe_name("////") != safe_name("___")


def test_format_fingerprint_groups():
    assert format_fingerprint("3f2a91c0" + "0" * 56) == "3F2A 91C0 0000 0000 0000 0000 0000 0000"
    assert format_fingerprint("ab" * 32, groups=2) == "ABAB ABAB"
    with pytest.raises(ValueError):
        format_fingerprint("xyz")
