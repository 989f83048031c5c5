"""`countdesk accept`: the returning officer accepts a difference from the command line.

The same use case as the app's (services/acceptance.py): the RO passphrase, a reason, and the
exact figures the officer was shown (`countdesk tally` prints them in the INCOMPLETE line), so an
acceptance never covers figures that moved after they were read. The passphrase is never an
argument (a process list would show it): it is read from `--passphrase-file` (`-` for standard
input, its first line), or asked for at the terminal without echo.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from ..errors import CountdeskError

_STAGE_WORDS = {"round1": "first-round", "round2": "second-round"}
_EXPECTED = {"round1": "verified", "round2": "the eliminated candidates' first preferences"}


def add_accept_parser(sub, db_help: str) -> None:
    p = sub.add_parser(
        "accept", help="the returning officer accepts a difference checking did not resolve (RO passphrase)",
        description="Accept the difference that keeps a contest incomplete: round-1 papers counted against papers "
                    "verified, or round-2 papers against the eliminated candidates' first preferences. Give exactly "
                    "the figures shown (countdesk tally prints them): if they differ from the difference that "
                    "stands, or none stands, nothing is accepted. Audited and printed on the declaration; void for "
                    "good as soon as a figure it covers changes. The RO passphrase is asked for at the terminal, "
                    "or read from --passphrase-file.",
    )
    p.add_argument("--db", required=True, help=db_help)
    p.add_argument("--contest", required=True)
    p.add_argument("--counted", required=True, type=int, metavar="N",
                   help="the papers counted, as shown (round 1: on the first-round sheets; round 2: on the "
                        "second-round sheets)")
    p.add_argument("--expected", required=True, type=int, metavar="N",
                   help="the papers they should be, as shown (round 1: verified; round 2: the eliminated "
                        "candidates' first preferences)")
    p.add_argument("--reason", required=True, help="why the difference is accepted (printed on the declaration)")
    p.add_argument("--stage", choices=("round1", "round2"), default=None,
                   help="default: the stage whose difference stands (round 1 first)")
    p.add_argument("--passphrase-file", default=None, metavar="FILE|-",
                   help="read the RO passphrase from the first line of FILE, or of standard input with -")
    p.add_argument("--operator", default=None, help="name stamped on the audit log (the officer accepting)")


def cmd_accept(args: Namespace) -> int:
    from ..services.count_session import CountSession
    from .commands import _location, _operator, _warn_if_trail_cut

    with CountSession.open(_location(args.db), _operator(args)) as session:
        _warn_if_trail_cut(session)
        stage = args.stage or _standing_stage(session, args.contest)
        passphrase = read_passphrase(args.passphrase_file)
        session.acceptances.accept(args.contest, passphrase, stage=stage, counted=args.counted,
                                  expected=args.expected, reason=args.reason)
        result = session.result(args.contest).result
    print(f"accepted for {args.contest}: the {_STAGE_WORDS[stage]} difference of {args.counted:,} papers counted "
          f"against {args.expected:,} ({_EXPECTED[stage]}), by {session.operator}: {args.reason}")
    print(f"status now: {result.status.value}")
    return 0


def _standing_stage(session, contest_id: str) -> str:
    """The stage whose difference stands, round 1 first. With none standing, round 1: the use case
    then refuses, and the refusal is in the audit log like any other."""
    if session.acceptances.standing_difference(contest_id, "round1") is None and \
            session.acceptances.standing_difference(contest_id, "round2") is not None:
        return "round2"
    return "round1"


def read_passphrase(source: str | None) -> str:
    """The RO passphrase: the first line of `source` (a file, or - for standard input), else asked
    for at the terminal without echo. Never from an argument."""
    if source == "-":
        return _first_line(sys.stdin.readline(), "standard input")
    if source is not None:
        try:
            with open(Path(source), encoding="utf-8") as file:
                return _first_line(file.readline(), source)
        except OSError as exc:
            raise CountdeskError(f"the passphrase file cannot be read: {exc.strerror or exc}", source) from exc
        except UnicodeDecodeError as exc:
            raise CountdeskError("the passphrase file is not UTF-8 text", source) from exc
    if not sys.stdin.isatty():
        raise CountdeskError("the RO passphrase is needed: run at a terminal to be asked for it, or give "
                             "--passphrase-file FILE (- for standard input)", "--passphrase-file")
    import getpass

    return getpass.getpass("RO passphrase: ")


def _first_line(line: str, where: str) -> str:
    passphrase = line.rstrip("\r\n")
    if not passphrase:
        raise CountdeskError("no passphrase in it (the first line is empty)", where)
    return passphrase
