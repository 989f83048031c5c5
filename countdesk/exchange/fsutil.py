"""Files for results that leave the building on a USB stick: durable writes (countdesk.durable),
reads that come back from the device rather than the page cache, and names every file system
accepts."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..durable import BINARY as _BINARY
from ..durable import drop_cached_pages, fsync_directory, remove_quietly, write_all, write_file_durably

__all__ = [
    "device_chunks", "drop_cached_pages", "fsync_directory", "read_file_uncached", "remove_quietly", "safe_name",
    "sha256_file_uncached", "write_all", "write_file_durably",
]


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


#: Names Windows reserves for devices, in any folder and with any extension.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)
_MAX_NAME = 120


def safe_name(name: str) -> str:
    """A name that FAT32, exFAT, NTFS and ext4 all accept and that no two systems read differently:
    lower case (FAT is case-insensitive), ASCII letters, digits, '.', '_' and '-' only. A name with
    nothing of those (punctuation only, another script: "_", "Caerdydd/..", "中区") is named by
    its SHA-256 instead, so every name gives a file name and different names different ones."""
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", name.strip().lower())
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip(".-_ ")[:_MAX_NAME].rstrip(".-_ ")
    if not cleaned:
        cleaned = "x-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if cleaned.split(".")[0] in WINDOWS_DEVICES:
        cleaned = f"bundle-{cleaned}"
    return cleaned
