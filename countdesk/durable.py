"""Durable file writes, the one implementation for every file countdesk must not half-write: the
results that leave on a USB stick (exchange.fsutil) and the backups beside a count (store).

A file is written under a hidden temporary name, flushed to the device (fsync), optionally read
back and compared, then renamed over its final name, and the folder is fsynced so the rename
itself survives a power cut or a pulled stick. A reader sees the old file or the complete new one,
never half of it. Everything goes through `os.open`/`os.write`/`os.fsync` (not buffered Python
files) so errors surface at the call that failed, with their errno, and tests can inject them.
Standard library only: every layer may use it.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_CAN_FSYNC_DIRECTORIES = os.name == "posix"


def write_all(fd: int, data: bytes) -> None:
    """os.write may write less than asked (a signal, a nearly full device): loop until done."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a POSIX write never returns 0 for a regular file
            raise OSError("write returned 0 bytes")
        view = view[written:]


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | BINARY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


def remove_quietly(path: Path) -> bool:
    """Remove a file if it can be removed; True if it was."""
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


def write_file_durably(path: Path, data: bytes, *, mode: int = 0o644, temporary: str = "tmp",
                       read_back: bool = False, sync_folder: bool = True) -> Path:
    """Write `data` to `path` atomically and durably; on any failure the temporary file
    (`.<name>.<temporary>-<random>`, a name its owner's clean-up recognises) is removed if the
    device still allows it, and the OSError is raised unchanged.

    `read_back`: compare the bytes as the device returns them before the rename (EIO if they
    differ). `sync_folder=False` leaves the folder's fsync to a caller that renames several files."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.{temporary}-{secrets.token_hex(4)}")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, mode)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
            drop_cached_pages(fd)
        finally:
            os.close(fd)
        if read_back and partial.read_bytes() != data:
            raise OSError(errno.EIO, "the copy read back differs from what was written")
        os.replace(partial, path)
    except OSError as exc:
        remove_quietly(partial)
        # Name the file the caller asked for, not the hidden temporary one (errno kept).
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
    except BaseException:
        remove_quietly(partial)
        raise
    if sync_folder:
        fsync_directory(path.parent)
    return path
