"""The two ways an area's count can come to hold a round-2 instruction it cannot use: written by an
older countdesk, which kept the instruction in a file beside the count file (lost, or another file
there, when it is upgraded); or altered inside the count by another program."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def old_side_file(count_path: Path, contest_id: str) -> Path:
    """Where a countdesk before the instruction lived in the count kept it: beside the count file."""
    return count_path.with_name(f"{count_path.name}.round2-{contest_id}.json")


def as_written_before_m0006(count_path: Path, contest_id: str, side_file: bytes | None) -> None:
    """Make the (closed) count file what an older countdesk left: its trail records the imports, but
    the instruction lived in a file beside it (`side_file`, or none: lost) and not in the count."""
    conn = sqlite3.connect(count_path)
    try:
        with conn:
            conn.execute("DROP TABLE round2_instruction")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0006_round2_instruction'")
    finally:
        conn.close()
    if side_file is not None:
        old_side_file(count_path, contest_id).write_bytes(side_file)


def alter_stored_instruction(count_path: Path, contest_id: str, text: str) -> None:
    """Change the instruction inside the count with another program (sqlite3), as a forger would."""
    conn = sqlite3.connect(count_path)
    try:
        with conn:
            conn.execute("UPDATE round2_instruction SET content = ? WHERE contest_id = ?", (text, contest_id))
    finally:
        conn.close()
