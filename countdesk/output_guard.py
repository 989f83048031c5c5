"""An output never lands on an input: the count file, its journal, lock and side files, or any file
the command reads, is refused as a place to write before anything is written.

`countdesk declare --out c.countdesk` once replaced the count with its own declaration. Paths are
compared as the operating system resolves them (symlinks followed, `..` removed) and, when both
exist, by device and inode, so a symlink or a hard link to the count is caught as well as its own
name. Standard library only: every layer may use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import CountdeskError

#: What SQLite and countdesk keep beside a count file under its own name.
COUNT_COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")
#: Side files beside a count that start with its name: the round-2 instructions an older countdesk
#: kept there, which the upgrade to this version moves into the count (store/instructions.py).
_SIDE_FILE_INFIX = ".round2-"


def count_family(count: str | os.PathLike[str]) -> list[Path]:
    """The count file and everything kept beside it under its name."""
    count = Path(count)
    family = [Path(f"{count}{suffix}") for suffix in COUNT_COMPANION_SUFFIXES]
    try:
        family += sorted(p for p in count.parent.iterdir() if p.name.startswith(count.name + _SIDE_FILE_INFIX))
    except OSError:
        pass
    return family


def _same(a: Path, b: Path) -> bool:
    if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_overwriting_inputs(
    out: str | os.PathLike[str], *, count: str | os.PathLike[str] | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """`out`, unless it is (or links to) the count, one of its companions, or one of `inputs`:
    then a CountdeskError located at `out` saying which, and nothing is written. A folder is
    refused the same way."""
    out = Path(out)
    _refuse_same(out, count, inputs)
    if out.is_dir():
        raise CountdeskError("this is a folder: give the name of a file to write (nothing was written)", str(out))
    return out


def _refuse_same(out: Path, count: str | os.PathLike[str] | None, inputs: Iterable[str | os.PathLike[str]]) -> None:
    protected: list[tuple[Path, str]] = []
    if count is not None:
        count = Path(count)
        protected += [(p, f"the count file {count.name}" if p == count else f"{p.name}, kept beside the count "
                       f"file {count.name}") for p in count_family(count)]
    protected += [(Path(p), f"the input {Path(p).name}") for p in inputs]
    for path, what in protected:
        if _same(out, path):
            raise CountdeskError(f"this is {what}: writing here would destroy it; choose another name "
                                 "(nothing was written)", str(out))


def refuse_folder_holding_inputs(
    folder: str | os.PathLike[str], *, count: str | os.PathLike[str] | None = None,
) -> Path:
    """A folder an output is written into: it must exist, be a folder, and not be the count itself."""
    folder = Path(folder)
    _refuse_same(folder, count, ())
    if not folder.exists():
        raise CountdeskError("this folder does not exist: create it, or choose another (nothing was written)",
                             str(folder))
    if not folder.is_dir():
        raise CountdeskError("this is a file, not a folder: choose a folder (nothing was written)", str(folder))
    return folder

