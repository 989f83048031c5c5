"""The installation's signing key, and the paper fingerprint the operator types at collation."""

from __future__ import annotations

import base64
import hashlib
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from countdesk.exchange.fingerprint import (
    fingerprint_groups,
    fingerprint_matches,
    key_fingerprint_confirmed,
    pick_check_positions,
)
from countdesk.exchange.signing import (
    PRIVATE_KEY_FILE,
    PUBLIC_KEY_FILE,
    SigningKeyError,
    generate_key,
    load_or_create_key,
    load_public_key,
    public_key_fingerprint,
    public_key_raw,
    sign,
    verify,
)


def test_a_key_is_created_once_with_private_permissions_and_then_reloaded(tmp_path):
    folder = tmp_path / "appdata" / "keys"
    created = load_or_create_key(folder)
    key_file = folder / PRIVATE_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert (folder / PUBLIC_KEY_FILE).read_bytes() == created.public_pem
    again = load_or_create_key(folder)
    assert public_key_raw(again.public_key) == public_key_raw(created.public_key)
    assert sorted(os.listdir(folder)) == sorted([PRIVATE_KEY_FILE, PUBLIC_KEY_FILE])  # no temporaries


def test_loose_permissions_on_an_existing_key_are_tightened(tmp_path):
    load_or_create_key(tmp_path)
    os.chmod(tmp_path / PRIVATE_KEY_FILE, 0o644)
    load_or_create_key(tmp_path)
    assert stat.S_IMODE((tmp_path / PRIVATE_KEY_FILE).stat().st_mode) == 0o600


def test_a_damaged_key_is_an_error_and_is_never_replaced(tmp_path):
    (tmp_path / PRIVATE_KEY_FILE).write_bytes(b"-----BEGIN PRIVATE KEY-----\ngarbage\n")
    with pytest.raises(SigningKeyError, match="damaged"):
        load_or_create_key(tmp_path)
    assert (tmp_path / PRIVATE_KEY_FILE).read_bytes().endswith(b"garbage\n")


def test_sign_and_verify_exact_bytes_only():
    key = generate_key()
    signature = sign(key, b"SHA256SUMS contents")
    assert len(signature) == 64
    assert verify(b"SHA256SUMS contents", signature, key.public_key)
    assert verify(b"SHA256SUMS contents", signature, key.public_pem)
    assert not verify(b"SHA256SUMS contents!", signature, key.public_key)
    assert not verify(b"SHA256SUMS contents", signature[:-1] + bytes([signature[-1] ^ 1]), key.public_key)
    assert not verify(b"SHA256SUMS contents", signature, generate_key().public_key)


def test_public_keys_load_from_pem_or_raw_base64():
    key = generate_key()
    raw64 = base64.b64encode(public_key_raw(key.public_key)).decode()
    assert public_key_raw(load_public_key(raw64)) == public_key_raw(load_public_key(key.public_pem))
    with pytest.raises(ValueError):
        load_public_key("not a key")


def test_public_key_fingerprint_is_sha256_of_the_raw_key():
    key = generate_key()
    digest = hashlib.sha256(public_key_raw(key.public_key)).hexdigest().upper()
    assert public_key_fingerprint(key.public_key).replace(" ", "") == digest[:32]
    assert key.fingerprint == public_key_fingerprint(key.public_pem)


FINGERPRINT = "3F2A 91C0 7B1E 0D44 A5C3 9E02 6F18 B7D9"


def test_typed_groups_match_case_and_spaces_ignored():
    assert fingerprint_groups(FINGERPRINT)[1] == "91C0"
    assert fingerprint_matches(FINGERPRINT, ["91c0", " a5 c3 "])  # default: groups 2 and 5
    assert fingerprint_matches(FINGERPRINT, ["3f2a", "b7d9"], positions=(1, 8))


def test_typed_groups_that_differ_or_are_misplaced_do_not_match():
    assert not fingerprint_matches(FINGERPRINT, ["91C0", "A5C4"])
    assert not fingerprint_matches(FINGERPRINT, ["A5C3", "91C0"])  # right groups, wrong order
    assert not fingerprint_matches(FINGERPRINT, ["91C0"])
    assert not fingerprint_matches(FINGERPRINT, ["91C0", "A5C3", "6F18"])
    with pytest.raises(ValueError):
        fingerprint_matches(FINGERPRINT, ["91C0", "0000"], positions=(2, 9))


def test_check_positions_are_distinct_in_range_and_vary():
    drawn = {pick_check_positions() for _ in range(200)}
    for positions in drawn:
        assert len(positions) == 2 and positions[0] < positions[1] and 1 <= positions[0] and positions[1] <= 8
    assert len(drawn) > 5  # 28 possible pairs; 200 draws that always gave the same few would be a bug


def test_a_public_key_of_another_kind_is_refused_as_a_value_error():
    other = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    with pytest.raises(ValueError, match="not an Ed25519 key"):
        load_public_key(other)
    assert not verify(b"data", b"\0" * 64, other)


def test_a_key_fingerprint_is_confirmed_by_the_groups_asked_for_or_whole():
    key = generate_key().fingerprint
    groups = fingerprint_groups(key)
    assert key_fingerprint_confirmed(key, [groups[2].lower(), groups[6]], (3, 7))
    assert key_fingerprint_confirmed(key, [key.lower()], (3, 7))  # the whole short form, any case
    assert key_fingerprint_confirmed(key, [key.replace(" ", "")], (3, 7))
    assert not key_fingerprint_confirmed(key, [groups[6], groups[2]], (3, 7))  # swapped
    assert not key_fingerprint_confirmed(key, [groups[2]], (3, 7))
    assert not key_fingerprint_confirmed(key, [], (3, 7))
    assert not key_fingerprint_confirmed(key, [key[:-1]], (3, 7))  # a digit short of whole
    assert not key_fingerprint_confirmed(key, [key + "0"], (3, 7))
    other = "".join(groups[:7]) + f"{(int(groups[7], 16) + 1) % 0x10000:04X}"
    assert not key_fingerprint_confirmed(key, [other], (3, 7))
