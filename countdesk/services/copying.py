"""`countdesk copy`: a count from a file to a server or back, exactly (store/transfer.py).

The source is only read (a file may stay open in the app meanwhile: the copy reads one snapshot of
it). A file target must not exist yet and is held under the count file's lock while it is made; a
server target must be an empty database, or one holding an empty count (a copy that failed). If
the copy fails, a file target is removed and a server target's rows are rolled back.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CountdeskError
from ..store.database import COUNT_FILE_SUFFIX
from ..store.locations import count_exists, create_store, describe_location, is_server_url, open_store
from ..store.lock import acquire_lock
from ..store.transfer import CopyReport, copy_count


def copy_count_between(source: str | Path, target: str | Path) -> CopyReport:
    if not is_server_url(source) and not Path(source).is_file():
        raise CountdeskError(f"{Path(source).name}: no such count file", str(source))
    if is_server_url(target):
        return _copy(source, target)
    target = Path(target)
    if target.suffix != COUNT_FILE_SUFFIX:
        raise CountdeskError(f"a count file's name ends in {COUNT_FILE_SUFFIX}: {target.name}", str(target))
    if target.exists():
        raise CountdeskError(f"{target.name} already exists: copy into a new file", str(target))
    with acquire_lock(target, "countdesk copy"):
        try:
            return _copy(source, target)
        except BaseException:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            raise


def _copy(source: str | Path, target: str | Path) -> CopyReport:
    if describe_location(source) == describe_location(target) and str(source) == str(target):
        raise CountdeskError("the source and the target are the same count")
    reader = open_store(source, read_only=True)
    try:
        writer = open_store(target) if is_server_url(target) and count_exists(target) else create_store(target)
        try:
            return copy_count(reader, writer)
        finally:
            writer.close()
    finally:
        reader.close()
