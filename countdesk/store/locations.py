"""Where a count is: a count file (a path) or a count server (a postgresql:// URL).

The server backend, and with it psycopg, is imported only when a server is named: a station that
is not told of a server never loads a networking library.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from .database import CountDatabase, create_database, open_database

if TYPE_CHECKING:
    from .server import ServerDatabase

SERVER_SCHEMES = ("postgresql://", "postgres://")
Store = Union[CountDatabase, "ServerDatabase"]


def default_backup_dir(count_path: str | Path) -> Path:
    """Beside the count file, until the user chooses a second device (which they should). Here,
    not with the backup files' names (backup_files.py), so that opening a count can look for the
    folder without loading those."""
    count_path = Path(count_path)
    return count_path.parent / f"{count_path.stem} backups"


def is_server_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def describe_location(location: str | Path) -> str:
    """A count's name for messages: the file's name, or "database on host" (never a password)."""
    if is_server_url(location):
        from .server import ServerLocation

        return ServerLocation(str(location)).name
    return Path(location).name


def count_exists(location: str | Path) -> bool:
    """Whether a count is there already: the file exists, or the server database holds one."""
    if not is_server_url(location):
        return Path(location).exists()
    from .server import applied_migrations, connect

    sdb = connect(str(location))
    try:
        with sdb.guard():
            return applied_migrations(sdb) is not None
    finally:
        sdb.close()


def create_store(location: str | Path) -> Store:
    if is_server_url(location):
        from .server import create_server_count

        return create_server_count(str(location))
    return create_database(location)


def open_store(location: str | Path, *, read_only: bool = False) -> Store:
    if is_server_url(location):
        from .server import open_server_count

        return open_server_count(str(location), read_only=read_only)
    return open_database(location, read_only=read_only)
