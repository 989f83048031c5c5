"""The headless commands. Each takes the parsed arguments and returns an exit code; errors are
CountdeskError (exit 2, one line), raised by the layers below with the place at fault."""

from __future__ import annotations

import json
import os
import sys
from argparse import Namespace
from pathlib import Path

from .. import __version__
from ..domain.collation import merge_areas
from ..domain.model import Count
from ..domain.tally import tally, tally_contest
from ..errors import CountdeskError
from ..exchange.result_json import results_to_json
from .table import render_result


def _operator(args: Namespace) -> str:
    return getattr(args, "operator", None) or os.environ.get("COUNTDESK_OPERATOR") or _login_name()


def _login_name() -> str:
    try:
        return os.getlogin()
    except OSError:
        import getpass

        return getpass.getuser() or "command line"


def _print_results(count: Count, results, as_json: bool) -> None:
    if as_json:
        print(results_to_json(results))
        return
    blocks = [render_result(contest, result) for contest, result in zip(count.contests, results)]
    print(f"{count.election.title} — {count.election.area} — {count.election.poll_date:%d %B %Y}\n")
    print("\n\n".join(blocks))


def _load_file(path: str) -> Count:
    from ..exchange.countfile import load_count_file

    return load_count_file(Path(path))


def cmd_tally(args: Namespace) -> int:
    if args.db:
        from ..services.counts import CountSession

        with CountSession.open(Path(args.db), _operator(args), read_only=True) as session:
            count = session.load()
    else:
        count = _load_file(args.file)
    _print_results(count, tally(count), args.json)
    return 0


def cmd_collate(args: Namespace) -> int:
    from ..services.collation import collate, load_area

    collated = collate([load_area(Path(p)) for p in args.files])
    _print_results(collated.merged, collated.results, args.json)
    return 0


def version_text() -> str:
    lines = [f"countdesk {__version__}", f"Python {sys.version.split()[0]}"]
    try:
        import PySide6

        lines.append(f"PySide6 {PySide6.__version__} (Qt {PySide6.QtCore.qVersion()})")  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the version line must print even without a working Qt
        pass
    return "\n".join(lines)
