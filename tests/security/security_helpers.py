"""Shared by issue 14's tests: the Liverpool count, and running the command line."""

from __future__ import annotations

from pathlib import Path

from countdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
LIVERPOOL = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"
CONTEST = "mayor.liverpool.2021-05-06"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """`countdesk ARGV`: exit code, stdout, stderr."""
    code = main(list(argv))
    said = capsys.readouterr()
    return code, said.out, said.err
