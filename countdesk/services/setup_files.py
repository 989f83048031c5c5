"""Candidates or boxes for the set-up screens, read from a CSV file a council keeps them in.

Every row is checked as the count-file reader checks it (exchange/csv_import.py), and the whole
file is refused, naming the line, before anything is added to the count.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.model import Box, Candidate
from ..exchange.csv_import import read_boxes_csv, read_candidates_csv


def read_setup_csv(kind: str, path: Path) -> tuple[Candidate, ...] | tuple[Box, ...]:
    """The candidates (`kind` "candidates") or the boxes (`kind` "boxes") in the CSV file `path`,
    in file order."""
    if kind == "candidates":
        return read_candidates_csv(path)
    if kind == "boxes":
        return read_boxes_csv(path)
    raise ValueError(f"no set-up list called {kind!r}: candidates or boxes")
