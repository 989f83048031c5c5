"""Durable file writes for results that leave the building on a USB stick.

A file is written under a temporary name, flushed to the device (fsync), then renamed over its
final name, and the folder is fsynced so the rename itself survives a power cut or a pulled
stick. A reader therefore sees either the old file or the complete new one, never half of it.

Everything goes through ``os.open``/``os.write``/``os.fsync`` (not buffered Python files) so that
errors surface at the call that failed, with their errno, and tests can inject them.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from pathlib import Path
from typing import Iterator

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_CAN_FSYNC_DIRECTORIES = os.name == "posix"


def write_all(fd: int, data: bytes) -> None:
    """os.write may write less than asked (a signal, a nearly full device): loop until done."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a POSIX write never returns 0 for a regular file
            raise OSError("write returned 0 bytes")
        view = view[written:]


def fsync_directory(folder: Path) -> None:
    """Make a rename or a new entry in `folder` durable. POSIX only: Windows cannot open a folder
    for fsync, and NTFS/exFAT drivers there commit metadata on close."""
    if not _CAN_FSYNC_DIRECTORIES:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def drop_cached_pages(fd: int) -> None:
    """Ask the kernel to forget the file's cached pages (after fsync), so that reading it back
    goes to the device rather than to memory. Best effort: not every system offers it."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:
        pass


def write_file_durably(path: Path, data: bytes, *, mode: int = 0o644) -> Path:
    """Write `data` to `path` atomically and durably; on any failure the temporary file is
    removed (if the device still allows it) and the OSError is raised unchanged."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp-{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
            drop_cached_pages(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        remove_quietly(temporary)
        raise
    fsync_directory(path.parent)
    return path


def read_file_uncached(path: Path) -> bytes:
    """Read a file after asking the kernel to drop its cached pages, so that on Linux the bytes
    come from the device: that is what "read back and verified" must mean for a USB stick."""
    return b"".join(device_chunks(path))


def sha256_file_uncached(path: Path) -> str:
    """The SHA-256 of a file read back from the device, a megabyte at a time: a huge file dropped
    into a bundle is hashed, and refused, without being held in memory."""
    digest = hashlib.sha256()
    for chunk in device_chunks(path):
        digest.update(chunk)
    return digest.hexdigest()


def device_chunks(path: Path) -> Iterator[bytes]:
    """A file's bytes as the device gives them (page cache dropped first), a megabyte at a time:
    the one place every read-back goes through."""
    fd = os.open(path, os.O_RDONLY | _BINARY)
    try:
        drop_cached_pages(fd)
        while chunk := os.read(fd, 1 << 20):
            yield chunk
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


#: Names Windows reserves for devices, in any folder and with any extension.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)
_MAX_NAME = 120


def safe_name(name: str) -> str:
    """A name that FAT32, exFAT, NTFS and ext4 all accept and that no two systems read differently:
    lower case (FAT is case-insensitive), ASCII letters, digits, '.', '_' and '-' only."""
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", name.strip().lower())
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip(".-_ ")[:_MAX_NAME].rstrip(".-_ ")
    if not cleaned:
        raise ValueError(f"no usable folder name in {name!r}")
    if cleaned.split(".")[0] in WINDOWS_DEVICES:
        cleaned = f"bundle-{cleaned}"
    return cleaned
