"""The results bundle: one folder on a USB stick that a collating officer or a results service can
check for completeness and origin without trusting the stick or the courier.

Layout (docs/bundle.md): the files handed in, plus ``signing-key.pub`` (the installation's Ed25519
public key, PEM), ``SHA256SUMS`` (sha256sum format, sorted, naming every file except itself and
the signature) and ``SHA256SUMS.sig`` (the base64 Ed25519 signature of SHA256SUMS).

The writer takes finished content (PDF bytes, JSON, CSV): it knows nothing of the database or the
reports, which the services layer gathers. It writes into a hidden ``.NAME.partial-XXXX`` sibling,
reads everything back from the device and verifies it, and only then renames the folder to its
final name, so a stick pulled mid-write never holds a folder that looks complete.
"""

from __future__ import annotations

import base64
import binascii
import errno
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import CountdeskError
from .fingerprint import SUMS_FILE, bundle_fingerprint, sums_fingerprint
from .fsutil import WINDOWS_DEVICES as _WINDOWS_DEVICES
from .fsutil import fsync_directory, read_file_uncached, safe_name, sha256_file_uncached, write_file_durably
from .signing import PublicKeyLike, SigningKey, load_public_key, public_key_fingerprint, public_key_raw, verify

__all__ = [
    "BundleVerdict", "BundleWriteError", "bundle_fingerprint", "bundle_name", "verify_bundle", "write_bundle",
]

SIGNATURE_FILE = "SHA256SUMS.sig"
PUBLIC_KEY_FILE = "signing-key.pub"
RESERVED_FILES = (SUMS_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE)

#: Files an operating system drops into any folder it shows (Finder, Explorer). They are listed as
#: ignored, not refused: opening the bundle to look at it must not make it fail verification.
OS_LITTER = frozenset({".ds_store", "thumbs.db", "desktop.ini"})

_MEMBER_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ ()-]*$")
_SUMS_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")
_MAX_SUFFIX = 999


class BundleWriteError(CountdeskError):
    """The bundle could not be written or did not read back intact; nothing complete-looking was
    left behind."""


@dataclass(frozen=True)
class BundleVerdict:
    """What verification found. `problems` names the file in each entry; empty when `ok`."""

    ok: bool
    problems: list[str]
    #: The signing key's fingerprint, to compare with the one printed on the paper declaration.
    key_fingerprint: str | None = None
    #: The bundle's own fingerprint (SHA-256 of SHA256SUMS), printed on the declaration.
    fingerprint: str | None = None
    #: True/False when an expected key was given and the bundle's key is/is not it; None otherwise.
    expected_key_matched: bool | None = None
    files: tuple[str, ...] = ()
    ignored: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------- names


def bundle_name(election_id: str, area: str) -> str:
    """The folder name for an area's bundle: election id and area, filesystem-safe."""
    return safe_name(f"{election_id}_{area}")


def check_member_names(names: list[str]) -> None:
    """Refuse file names that sha256sum, FAT or Windows would mangle (a programming error in the
    caller, hence ValueError): relative '/' paths of plain parts, unique ignoring case."""
    seen: dict[str, str] = {}
    for name in names:
        parts = name.split("/")
        if not all(_MEMBER_PART.match(p) and not p.endswith((".", " ")) for p in parts):
            raise ValueError(f"bundle file name not allowed: {name!r}")
        if any(p.split(".")[0].lower() in _WINDOWS_DEVICES for p in parts):
            raise ValueError(f"bundle file name is a Windows device name: {name!r}")
        if name.lower() in (r.lower() for r in RESERVED_FILES):
            raise ValueError(f"bundle file name is reserved for the bundle itself: {name!r}")
        if name.lower() in seen:
            raise ValueError(f"bundle file names differ only in case: {seen[name.lower()]!r} and {name!r}")
        seen[name.lower()] = name


# ------------------------------------------------------------------------------------- writing


def sha256sums(files: Mapping[str, bytes]) -> bytes:
    """sha256sum's output format, one line per file, sorted by name: `sha256sum -c` checks it."""
    lines = (f"{hashlib.sha256(files[name]).hexdigest()}  {name}\n" for name in sorted(files))
    return "".join(lines).encode("utf-8")


def bundle_contents(files: Mapping[str, bytes], signing_key: SigningKey) -> dict[str, bytes]:
    """Every file of the bundle as it will be on disk, signature included."""
    check_member_names(list(files))
    contents = {name: bytes(data) for name, data in files.items()}
    contents[PUBLIC_KEY_FILE] = signing_key.public_pem
    sums = sha256sums(contents)
    contents[SUMS_FILE] = sums
    contents[SIGNATURE_FILE] = base64.b64encode(signing_key.sign(sums)) + b"\n"
    return contents


def write_bundle(target_dir: Path, name: str, files: Mapping[str, bytes], signing_key: SigningKey) -> Path:
    """Write, read back and verify a bundle folder in `target_dir`; return its final path.

    An existing bundle of the same name is kept: the new one is called NAME-2, NAME-3, …
    Raises BundleWriteError with a sentence the operator can act on (stick full, read-only,
    removed), after removing the partial folder where the device still allows it.
    """
    target = Path(target_dir)
    name = safe_name(name)
    contents = bundle_contents(files, signing_key)
    needed = _space_needed(contents)
    partial = target / f".{name}.partial-{secrets.token_hex(4)}"
    try:
        _remove_stale_partials(target, name)
        _check_free_space(target, needed)
        os.mkdir(partial)
        for member in sorted(contents):
            destination = partial / member
            if destination.parent != partial:
                destination.parent.mkdir(parents=True, exist_ok=True)
            write_file_durably(destination, contents[member])
        fsync_directory(partial)
        _verify_written(partial, signing_key, target)
        final = _free_name(target, name)
        os.rename(partial, final)
        fsync_directory(target)
    except OSError as exc:
        _remove_tree_quietly(partial)
        raise explain_os_error(exc, target, needed) from exc
    except BundleWriteError:
        _remove_tree_quietly(partial)
        raise
    # Read back once more at the final name: this is the folder the operator will hand over.
    try:
        _verify_written(final, signing_key, target)
    except BundleWriteError:
        _set_aside(final)
        raise
    return final


def _verify_written(folder: Path, signing_key: SigningKey, target: Path) -> None:
    verdict = verify_bundle(folder, expected_public_key=signing_key.public_key)
    if not verdict.ok:
        raise BundleWriteError(
            "The bundle did not read back correctly from the USB stick ("
            + "; ".join(verdict.problems)
            + "). The stick may be failing: use another one and export again.",
            str(target),
        )


def explain_os_error(exc: OSError, target: Path, needed: int) -> BundleWriteError:
    """The OSError as one plain sentence, naming the folder and what to do next."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        free = _free_space(target)
        free_text = f", {_megabytes(free)} free" if free is not None else ""
        return BundleWriteError(
            f"The USB stick is full: {_megabytes(needed)} needed{free_text}. Use an emptier stick or "
            "remove other files from it, then export again.",
            str(target),
        )
    if code == errno.EROFS:
        return BundleWriteError(
            "The target folder is read-only (check the write-protect switch on the USB stick), "
            "so nothing was written. Use a writable stick and export again.",
            str(target),
        )
    if code in (errno.EACCES, errno.EPERM):
        return BundleWriteError(
            "The target folder is read-only for this account (permission denied), so nothing was "
            "written. Choose a folder you may write to and export again.",
            str(target),
        )
    if code in (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.EIO)):
        return BundleWriteError(
            "The USB stick was removed or stopped responding while the bundle was being written "
            f"({exc.strerror or 'input/output error'}). No complete bundle was left on it. Put the "
            "stick back (or use another), then export again.",
            str(target),
        )
    return BundleWriteError(
        f"The bundle could not be written: {exc.strerror or exc}. No complete bundle was left.",
        str(target),
    )


def _space_needed(contents: Mapping[str, bytes]) -> int:
    """Bytes on the device: each file rounded up to a 32 KiB cluster (FAT32's largest common
    cluster), plus one cluster for the folder and each temporary name."""
    cluster = 32 * 1024
    return sum(-(-max(len(d), 1) // cluster) * cluster for d in contents.values()) + 2 * cluster


def _check_free_space(target: Path, needed: int) -> None:
    free = _free_space(target)
    if free is not None and free < needed:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))


def _free_space(target: Path) -> int | None:
    try:
        return shutil.disk_usage(target).free
    except OSError:
        return None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _free_name(target: Path, name: str) -> Path:
    candidate = target / name
    for suffix in range(2, _MAX_SUFFIX + 1):
        if not os.path.lexists(candidate):
            return candidate
        candidate = target / f"{name}-{suffix}"
    raise BundleWriteError(f"{_MAX_SUFFIX} bundles named {name} already exist here", str(target))


def _remove_stale_partials(target: Path, name: str) -> None:
    """Partial folders of this name left by an earlier interrupted export are ours: remove them."""
    prefix = f".{name}.partial-"
    for entry in os.listdir(target):  # raises ENOENT if the stick is gone: reported as removed
        if entry.startswith(prefix):
            _remove_tree_quietly(target / entry)


def _remove_tree_quietly(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _set_aside(final: Path) -> None:
    """A bundle that failed its read-back at the final name must not look complete."""
    try:
        os.rename(final, final.with_name(f".{final.name}.failed-{secrets.token_hex(4)}"))
    except OSError:
        _remove_tree_quietly(final)


# ---------------------------------------------------------------------------------- verifying


def verify_bundle(path: Path, expected_public_key: PublicKeyLike | None = None) -> BundleVerdict:
    """Check every file against SHA256SUMS, every file on disk is listed, and the signature.

    With `expected_public_key`, the signature must be by that key: a bundle re-signed with
    another key is refused. Without it, the verdict carries the bundle key's fingerprint for the
    operator to compare with the paper.
    """
    folder = Path(path)
    if not folder.is_dir():
        return BundleVerdict(False, [f"bundle folder missing: {folder}"])
    problems: list[str] = []
    on_disk, ignored = _files_on_disk(folder, problems)
    if SUMS_FILE not in on_disk:
        return BundleVerdict(False, [f"{SUMS_FILE} missing", *problems], ignored=ignored)
    sums = _read(folder, SUMS_FILE, problems)
    if sums is None:
        return BundleVerdict(False, problems, ignored=ignored)
    listed = _parse_sums(sums, problems)

    for name, expected_digest in listed.items():
        if name not in on_disk:
            problems.append(f"missing: {name}")
            continue
        digest = _digest(folder, name, problems)
        if digest is not None and digest != expected_digest:
            problems.append(f"altered: {name}")
    for name in sorted(on_disk - set(listed) - {SUMS_FILE, SIGNATURE_FILE}):
        problems.append(f"added: {name}")

    bundled_key = _bundled_key(folder, on_disk, listed, problems)
    key_fingerprint = public_key_fingerprint(bundled_key) if bundled_key is not None else None
    matched: bool | None = None
    signer = bundled_key
    if expected_public_key is not None:
        expected = load_public_key(expected_public_key)
        signer = expected
        matched = bundled_key is not None and public_key_raw(bundled_key) == public_key_raw(expected)
        if not matched:
            problems.append(
                f"signing key: {PUBLIC_KEY_FILE} is not the expected key (its fingerprint "
                f"{key_fingerprint or 'unreadable'}, expected {public_key_fingerprint(expected)})"
            )
    _check_signature(folder, on_disk, sums, signer, problems)

    return BundleVerdict(
        ok=not problems,
        problems=problems,
        key_fingerprint=key_fingerprint,
        fingerprint=sums_fingerprint(sums),
        expected_key_matched=matched,
        files=tuple(sorted(listed)),
        ignored=ignored,
    )


def _files_on_disk(folder: Path, problems: list[str]) -> tuple[set[str], list[str]]:
    found: set[str] = set()
    ignored: list[str] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        for entry in names + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            full = Path(root) / entry
            relative = full.relative_to(folder).as_posix()
            if entry.lower() in OS_LITTER or entry.startswith("._"):
                ignored.append(relative)
            elif full.is_symlink() or not full.is_file():
                problems.append(f"not a regular file: {relative}")
            else:
                found.add(relative)
    return found, sorted(ignored)


def _read(folder: Path, name: str, problems: list[str]) -> bytes | None:
    try:
        return read_file_uncached(folder / name)
    except OSError as exc:
        problems.append(f"unreadable: {name} ({exc.strerror or exc})")
        return None


def _digest(folder: Path, name: str, problems: list[str]) -> str | None:
    try:
        return sha256_file_uncached(folder / name)
    except OSError as exc:
        problems.append(f"unreadable: {name} ({exc.strerror or exc})")
        return None


def _parse_sums(sums: bytes, problems: list[str]) -> dict[str, str]:
    listed: dict[str, str] = {}
    try:
        text = sums.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{SUMS_FILE} malformed: not UTF-8 text")
        return listed
    for number, line in enumerate(text.splitlines(), start=1):
        match = _SUMS_LINE.match(line)
        name = match.group(2) if match else ""
        pure = PurePosixPath(name)
        if not match or pure.is_absolute() or ".." in pure.parts or name in listed:
            problems.append(f"{SUMS_FILE} malformed: line {number}")
            continue
        if name in (SUMS_FILE, SIGNATURE_FILE):
            problems.append(f"{SUMS_FILE} malformed: line {number} lists {name}")
            continue
        listed[name] = match.group(1)
    return listed


def _bundled_key(folder: Path, on_disk: set[str], listed: Mapping[str, str], problems: list[str]):
    if PUBLIC_KEY_FILE not in on_disk:
        if PUBLIC_KEY_FILE not in listed:  # otherwise already reported as missing
            problems.append(f"missing: {PUBLIC_KEY_FILE}")
        return None
    if PUBLIC_KEY_FILE not in listed:
        problems.append(f"{SUMS_FILE} does not list {PUBLIC_KEY_FILE}")
    data = _read(folder, PUBLIC_KEY_FILE, problems)
    if data is None:
        return None
    try:
        return load_public_key(data)
    except ValueError:
        problems.append(f"unreadable key: {PUBLIC_KEY_FILE} is not an Ed25519 public key")
        return None


def _check_signature(folder: Path, on_disk: set[str], sums: bytes, signer, problems: list[str]) -> None:
    if SIGNATURE_FILE not in on_disk:
        problems.append(f"missing: {SIGNATURE_FILE}")
        return
    encoded = _read(folder, SIGNATURE_FILE, problems)
    if encoded is None:
        return
    try:
        signature = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        problems.append(f"bad signature: {SIGNATURE_FILE} is not base64")
        return
    if signer is None:
        problems.append(f"bad signature: no readable key to check {SIGNATURE_FILE} with")
    elif not verify(sums, signature, signer):
        problems.append(f"bad signature: {SIGNATURE_FILE} is not a signature of {SUMS_FILE} by this key")
