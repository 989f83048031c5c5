"""The installation's Ed25519 key: it signs every results bundle this laptop writes.

One key pair per installation, kept in a folder the caller chooses (the app's data folder). The
private key is stored as unencrypted PKCS#8 PEM with file mode 0600. Unencrypted on purpose: the
count laptop is offline and single-user, and a passphrase here would have to be typed on count
night or stored beside the key. What protects the *actions* (export, declare) is the returning
officer's passphrase in the app; what this key proves is that a bundle came, unchanged, from this
installation, whose public-key fingerprint is printed on the signed paper declaration.

Never replaced silently: a key file that cannot be read is an error, not a reason to make a new
key, because a new key would break the link to fingerprints already on paper.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import CountdeskError
from .fingerprint import format_fingerprint
from .fsutil import write_file_durably

PRIVATE_KEY_FILE = "countdesk-signing-key.pem"
PUBLIC_KEY_FILE = "countdesk-signing-key.pub"

PublicKeyLike = Ed25519PublicKey | bytes | str


class SigningKeyError(CountdeskError):
    """The installation's signing key cannot be created or read."""


@dataclass(frozen=True)
class SigningKey:
    """A loaded key pair. `public_pem` is what a bundle carries as signing-key.pub."""

    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_pem(self) -> bytes:
        return public_key_pem(self.public_key)

    @property
    def fingerprint(self) -> str:
        return public_key_fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def generate_key() -> SigningKey:
    """A fresh key in memory (tests, and load_or_create_key below)."""
    return SigningKey(Ed25519PrivateKey.generate())


def load_or_create_key(folder: Path) -> SigningKey:
    """The key stored in `folder`, created on first use (mode 0600, written durably)."""
    folder = Path(folder)
    key_path = folder / PRIVATE_KEY_FILE
    if key_path.exists():
        return _load_private_key(key_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = generate_key()
        pem = key.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        _create_exclusively(key_path, pem)
        write_file_durably(folder / PUBLIC_KEY_FILE, key.public_pem)
    except FileExistsError:
        # Another process created it between our check and our write: use theirs.
        return _load_private_key(key_path)
    except OSError as exc:
        message = f"the signing key could not be created: {exc.strerror or exc}"
        raise SigningKeyError(message, str(key_path)) from exc
    return key


def sign(key: SigningKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(data: bytes, signature: bytes, public_key: PublicKeyLike) -> bool:
    """True only when `signature` is `public_key`'s Ed25519 signature of exactly `data`."""
    try:
        load_public_key(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def load_public_key(public_key: PublicKeyLike) -> Ed25519PublicKey:
    """Accepts a key object, PEM (SubjectPublicKeyInfo) text or bytes, or the 32 raw key bytes
    as base64 text; anything else raises ValueError."""
    if isinstance(public_key, Ed25519PublicKey):
        return public_key
    data = public_key.encode("ascii") if isinstance(public_key, str) else bytes(public_key)
    if data.lstrip().startswith(b"-----BEGIN"):
        try:
            loaded = serialization.load_pem_public_key(data)
        except UnsupportedAlgorithm as exc:
            raise ValueError("the public key is of a kind this program cannot read") from exc
        if not isinstance(loaded, Ed25519PublicKey):
            raise ValueError("the public key is not an Ed25519 key")
        return loaded
    try:
        raw = base64.b64decode(data.strip(), validate=True)
    except ValueError as exc:
        raise ValueError("the public key is neither PEM nor base64") from exc
    return Ed25519PublicKey.from_public_bytes(raw)


def public_key_pem(public_key: PublicKeyLike) -> bytes:
    return load_public_key(public_key).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def public_key_raw(public_key: PublicKeyLike) -> bytes:
    return load_public_key(public_key).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_fingerprint(public_key: PublicKeyLike) -> str:
    """SHA-256 of the 32 raw public-key bytes, in eight groups of four hex digits: short enough to
    print on paper and read aloud, long enough (128 bits) that no one can make a key to match."""
    return format_fingerprint(hashlib.sha256(public_key_raw(public_key)).hexdigest())


def _load_private_key(key_path: Path) -> SigningKey:
    try:
        if os.name == "posix" and key_path.stat().st_mode & 0o077:
            os.chmod(key_path, 0o600)  # someone copied it with loose permissions: tighten
        loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except OSError as exc:
        raise SigningKeyError(f"the signing key cannot be read: {exc.strerror or exc}", str(key_path)) from exc
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(
            "the signing key file is damaged or is not an unencrypted Ed25519 key; restore it from "
            "the installation backup (a new key would not match fingerprints already printed)",
            str(key_path),
        ) from exc
    if not isinstance(loaded, Ed25519PrivateKey):
        raise SigningKeyError("the signing key is not an Ed25519 key", str(key_path))
    return SigningKey(loaded)


def _create_exclusively(path: Path, data: bytes) -> None:
    """Like write_file_durably, but never replaces an existing key, and mode 0600 from the start
    (the private key must never exist on disk with wider permissions, even for a moment)."""
    temporary = path.with_name(f".{path.name}.new")
    try:
        os.unlink(temporary)  # a leftover from a crash during an earlier first run
    except FileNotFoundError:
        pass
    write_file_durably(temporary, data, mode=0o600)
    try:
        os.link(temporary, path)  # atomic, and fails if a key appeared meanwhile
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            os.unlink(temporary)
            raise FileExistsError(errno.EEXIST, "signing key exists", str(path)) from exc
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV):
            raise
        # A filesystem without hard links (FAT, some Windows setups): rename, after a last check.
        if path.exists():
            os.unlink(temporary)
            raise FileExistsError(errno.EEXIST, "signing key exists", str(path)) from exc
        os.replace(temporary, path)
        return
    os.unlink(temporary)
