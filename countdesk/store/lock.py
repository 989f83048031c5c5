"""One writer per count file: a lock file beside the database, held with an OS lock.

The OS lock (flock on Linux and macOS, msvcrt on Windows) is what excludes a second writer, and
the operating system drops it when the holder dies, however it dies. The file's content (pid,
host, user, operator, since) only tells the second opener who holds it. A lock file whose OS lock
is free was left by a process that is gone: it is stale and is taken over.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import stat
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import CountdeskError

if sys.platform == "win32":  # spelled out (not a constant) so type checkers skip the other platform
    import msvcrt
else:
    import fcntl

#: On Windows the lock is on one byte far past the holder's details, so others can still read them.
_WINDOWS_LOCK_OFFSET = 1 << 20
_MAX_INFO_BYTES = 4096
_OPEN_ATTEMPTS = 10


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    host: str
    user: str
    since: str
    operator: str = ""

    def describe(self) -> str:
        who = f"{self.operator} ({self.user})" if self.operator else self.user
        return f"{who} on {self.host}, process {self.pid}, since {self.since}"

    def to_json(self) -> dict[str, object]:
        return {"pid": self.pid, "host": self.host, "user": self.user, "since": self.since,
                "operator": self.operator}


class CountLockedError(CountdeskError):
    """The count file is open for writing elsewhere; `holder` says by whom, when known."""

    def __init__(self, db_path: Path, holder: LockHolder | None) -> None:
        held = f"by {holder.describe()}" if holder else "by another countdesk"
        super().__init__(
            f"{db_path.name} is already open for writing {held}: open it read-only, "
            "or close it there first",
            str(db_path),
        )
        self.holder = holder


def lock_path_for(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


class CountLock:
    """A held lock. Release it (or leave the `with` block) when the session ends."""

    def __init__(self, db_path: Path, fd: int, holder: LockHolder, took_over: LockHolder | None) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self.holder = holder
        #: The stale holder this lock replaced, if the last writer did not close cleanly.
        self.took_over = took_over
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":
            _os_unlock(fd)
            os.close(fd)
            try:
                self.path.unlink()
            except OSError:
                pass  # another process has it open; the next opener finds it free and takes over
        else:
            # Unlink while still locked: an opener waiting on this inode sees it gone and retries.
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            os.close(fd)

    def __enter__(self) -> CountLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire_lock(db_path: str | Path, operator: str = "") -> CountLock:
    """Take the write lock for `db_path`, or raise CountLockedError naming its holder."""
    db_path = Path(db_path)
    path = lock_path_for(db_path)
    for _ in range(_OPEN_ATTEMPTS):
        fd = _open_lock_file(path, os.O_RDWR | os.O_CREAT)
        try:
            locked = _os_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if locked is False:
            holder = _read_holder(fd)
            os.close(fd)
            raise CountLockedError(db_path, holder)
        if not _same_file(fd, path):
            os.close(fd)  # the holder released and removed it while we waited: start again
            continue
        previous = _read_holder(fd)
        if locked is None and previous is not None and _holder_alive(previous):
            os.close(fd)  # no OS lock on this file system: trust a live process named in the file
            raise CountLockedError(db_path, previous)
        holder = LockHolder(os.getpid(), host_name(), _user(), _now(), operator)
        _write_holder(fd, holder)
        return CountLock(db_path, fd, holder, took_over=previous)
    raise CountdeskError(f"could not take the lock {path.name}: it keeps changing", str(path))


def read_lock_holder(db_path: str | Path) -> LockHolder | None:
    """Who the lock file names (for a read-only opener's title bar); None without a lock file."""
    try:
        fd = _open_lock_file(lock_path_for(db_path), os.O_RDONLY)
    except CountdeskError:
        return None
    try:
        return _read_holder(fd)
    finally:
        os.close(fd)


#: Never follow a symlink at the lock's name (it would truncate the file it points to), never
#: block opening a FIFO there.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _open_lock_file(path: Path, flags: int) -> int:
    """The lock file, opened without following a symlink or waiting on a FIFO; anything at its name
    that is not a plain file is refused with a sentence naming it, and left as it is."""
    if path.is_symlink():
        raise CountdeskError("the lock file is a symbolic link: countdesk will not follow it; remove it "
                             "(with the count closed everywhere) and open the count again", str(path))
    try:
        fd = os.open(path, flags | _NO_FOLLOW, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CountdeskError("the lock file is a symbolic link: countdesk will not follow it; remove it "
                                 "and open the count again", str(path)) from exc
        raise CountdeskError(f"cannot create the lock file {path.name}: {exc.strerror}", str(path)) from exc
    kind = _file_kind(os.fstat(fd).st_mode)
    if kind:
        os.close(fd)
        raise CountdeskError(f"the lock file is {kind}, not a plain file: remove it (with the count closed "
                             "everywhere) and open the count again", str(path))
    if _NO_FOLLOW & getattr(os, "O_NONBLOCK", 0):
        os.set_blocking(fd, True)
    return fd


def _file_kind(mode: int) -> str:
    """'' for a regular file, else what it is, in words."""
    for test, words in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISDIR, "a folder"),
                        (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return words
    return "" if stat.S_ISREG(mode) else "not a plain file"


def _os_lock(fd: int) -> bool | None:
    """True: locked. False: someone else holds it. None: this file system has no locks."""
    try:
        if sys.platform == "win32":
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
            return None
        raise


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def _read_holder(fd: int) -> LockHolder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, _MAX_INFO_BYTES)
        info = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict):
        return None
    pid = info.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else None,
        host=str(info.get("host", "?")),
        user=str(info.get("user", "?")),
        since=str(info.get("since", "?")),
        operator=str(info.get("operator", "")),
    )


def _write_holder(fd: int, holder: LockHolder) -> None:
    data = json.dumps(holder.to_json(), ensure_ascii=False).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.fsync(fd)


def _holder_alive(holder: LockHolder) -> bool:
    """Only asked where there is no OS lock: a live pid on this host holds it; another host, assume so."""
    if holder.host != host_name():
        return True
    return holder.pid is not None and holder.pid != os.getpid() and pid_alive(holder.pid)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def host_name() -> str:
    """This machine's name, as `socket.gethostname()` gives it. On POSIX that is the kernel's node
    name, read here from `os.uname()` so that opening a count does not import `socket` (a few
    milliseconds of start-up spent building its enums); Windows asks `socket`."""
    if sys.platform == "win32":
        import socket

        return socket.gethostname()
    return os.uname().nodename


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "?"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
