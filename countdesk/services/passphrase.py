"""The returning officer's passphrase: only an scrypt hash is kept, with its random salt and parameters.

Stored parameters travel with the hash so they can be raised later without breaking old files;
they are bounded on reading, so an edited file cannot make a check take minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

MIN_LENGTH = 8
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
DKLEN = 32
SALT_BYTES = 16
_MAX_N = 2**20
_MAX_R = 16
_MAX_P = 4


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    maxmem = 2 * 128 * r * (n + p) + (1 << 20)
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)


def hash_passphrase(passphrase: str) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, DKLEN)
    return {
        "scheme": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "dklen": DKLEN,
        "salt": salt.hex(), "hash": digest.hex(),
    }


def passphrase_matches(passphrase: str, stored: object) -> bool:
    """True only for the right passphrase and a well-formed stored record."""
    if not isinstance(passphrase, str) or not isinstance(stored, dict) or stored.get("scheme") != "scrypt":
        return False
    try:
        n, r, p, dklen = (int(stored[k]) for k in ("n", "r", "p", "dklen"))
        salt, expected = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
    except (KeyError, TypeError, ValueError):
        return False
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P
            and dklen == len(expected) and 16 <= dklen <= 64):
        return False
    return hmac.compare_digest(_derive(passphrase, salt, n, r, p, dklen), expected)


def public_parameters(stored: dict[str, Any]) -> dict[str, Any]:
    """What an audit row may show about the hash: the scheme and cost, never salt or digest."""
    return {k: stored[k] for k in ("scheme", "n", "r", "p", "dklen")}
