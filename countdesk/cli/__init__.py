"""The `countdesk` command: headless commands for scripts and the count room; alone, the app.

Every failure the user can act on ends with exit code 2 and one clear line on stderr; no
traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..domain.text_rules import one_line
from ..errors import CountdeskError
from . import accept
from .accept import add_accept_parser

_SERVER = "a count server's postgresql://STATION@HOST/COUNT URL"
_DB_HELP = f"a .countdesk count file or {_SERVER}"


class _DocumentNames:
    """`declare --document`'s choices: the document registry's names, loaded only when asked (the
    registry lives in services, which the other commands need not load to parse their options)."""

    def _names(self) -> tuple[str, ...]:
        from ..services.document_registry import DOCUMENT_NAMES

        return DOCUMENT_NAMES

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self):
        return iter(self._names())


class _Parser(argparse.ArgumentParser):
    """Usage mistakes get one line, like every other error."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"countdesk: {message} (see countdesk --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="countdesk", description="Offline count-centre application for UK returning officers.",
    )
    parser.add_argument("--version", action="store_true", help="show versions and licences, then exit")
    parser.add_argument("--self-test", action="store_true",
                        help="open the demo offscreen, tally, print a declaration, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("gui", help="open the app (the default)")
    p.add_argument("db", nargs="?", help="a .countdesk count file to open")
    sub.add_parser("demo", help="open the app on the Liverpool 2021 demo count")

    p = sub.add_parser("import", help="import a count file (JSON) into a count database")
    p.add_argument("file")
    p.add_argument("--db", required=True, help=f"the .countdesk database (created if missing) or {_SERVER}")
    p.add_argument("--operator", default=None, help="name stamped on the audit log")
    p.add_argument("--replace", action="store_true", help="replace the contests a database already holds")

    p = sub.add_parser("tally", help="the result of a count file or a count database")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("file", nargs="?")
    src.add_argument("--db", help=f"a .countdesk count file or {_SERVER}")
    p.add_argument("--json", action="store_true",
                   help="the result as JSON (the shape is described in docs/results-formats.md)")

    p = sub.add_parser("collate", help="add up several areas' count files or bundles")
    p.add_argument("files", nargs="+", metavar="FILE_OR_BUNDLE")
    p.add_argument("--json", action="store_true")
    p.add_argument("--expect", nargs="+", action="extend", metavar="AREA",
                   help="the counting areas the collation expects: incomplete, naming the missing, until all are in")

    p = sub.add_parser("export-json", help="write the count file (JSON) of a count database")
    p.add_argument("--db", required=True, help=_DB_HELP)
    p.add_argument("--out", required=True)

    p = sub.add_parser(
        "declare", help="write a declaration or statement as PDF, recorded in the count's audit log",
        description="Write one document of a contest as PDF and record the copy in the count's audit log "
                    "(document.saved: fingerprint, pages, SHA-256, file), as saving it from the app does. "
                    "While the count is open for writing elsewhere the PDF is still written, not recorded, "
                    "and a note on stderr says so.",
    )
    p.add_argument("--db", required=True, help=_DB_HELP)
    p.add_argument("--contest", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--document", choices=_DocumentNames(), default="declaration", metavar="DOCUMENT",
                   help="one of %(choices)s (default: declaration, the paper the officer declares with: for an "
                        "uncontested election the notice of uncontested election, for a referendum the "
                        "declaration of its result); docs/documents.md lists what each is and when it is made")
    p.add_argument("--lang", choices=("en", "cy-en"), default=None, help="default: the election's setting")
    p.add_argument("--place", default="", help="where the count is held, printed beside the date")
    p.add_argument("--operator", default=None, help="name stamped on the audit log")

    add_accept_parser(sub, _DB_HELP)

    p = sub.add_parser("export", help="write the results bundle to a folder or USB stick")
    p.add_argument("--db", required=True, help=_DB_HELP)
    p.add_argument("--to", required=True, metavar="DIR")

    p = sub.add_parser("verify-bundle", help="check a results bundle's files and signature")
    p.add_argument("bundle", metavar="DIR")

    p = sub.add_parser("audit", help="the audit log of a count database")
    p.add_argument("--db", required=True, help=_DB_HELP)
    p.add_argument("--verify", action="store_true", help="check the hash chain")
    p.add_argument("--contest", default=None, help="only this contest's rows")

    p = sub.add_parser(
        "copy", help="copy a count between a file and a server, exactly (audit trail included)",
        description="Copy a whole count, every row and the audit trail with its hashes, from a count file "
                    "to a count server or back. The target must be a new file or an empty server database; "
                    "the copy is compared with the original and its audit trail verified before it is done.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="SRC", help=_DB_HELP)
    p.add_argument("--to", dest="target", required=True, metavar="DST", help=_DB_HELP)

    p = sub.add_parser("sheet", help="count sheets from a script")
    sheet = p.add_subparsers(dest="sheet_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = sheet.add_parser(
        "add", help="confirm one count sheet given as JSON",
        description="Confirm one count sheet given as JSON in the count file's shape "
                    '({"id": "T1", "round": 1, "votes": {...}, "rejected": {...}}), with the same checks as '
                    "the app. A contest keyed twice takes it as a keying (the second must be another operator's).",
    )
    p.add_argument("file", metavar="FILE|-", help="the sheet's JSON, or - to read it from standard input")
    p.add_argument("--db", required=True, help=_DB_HELP)
    p.add_argument("--contest", required=True)
    p.add_argument("--operator", default=None, help="name stamped on the audit log")
    p.add_argument("--reason", default=None, help="why, when the sheet replaces one already recorded")

    p = sub.add_parser("server", help="prepare the count server (PostgreSQL) on this machine")
    server = p.add_subparsers(dest="server_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = server.add_parser(
        "init", help="make, configure and start PostgreSQL for one count, with a role per station",
        description="Make a PostgreSQL cluster in DATA for one count: TLS with a certificate authority it makes "
                    "(its fingerprint printed, to compare at each station), SCRAM passwords, a role per station, "
                    "connections only from the venue's subnet; then start it and set the count up. Each "
                    "station's address and password line are written to a folder readable by root alone.",
    )
    p.add_argument("--data", required=True, metavar="DIR", help="a new folder for the server's data")
    p.add_argument("--count", required=True, metavar="NAME", help="the count's database name (e.g. night)")
    p.add_argument("--station", dest="stations", action="append", required=True, metavar="NAME",
                   help="a station's role; give it once per station")
    p.add_argument("--subnet", required=True, help="the venue's network, e.g. 192.168.50.0/24")
    p.add_argument("--listen", action="append", required=True, metavar="ADDRESS",
                   help="this machine's address on that network (more than once for several)")
    p.add_argument("--port", type=int, default=5432)
    p.add_argument("--name", dest="names", action="append", default=[], metavar="HOST",
                   help="a host name stations use for this machine (in its certificate)")
    p.add_argument("--out", default=None, metavar="DIR", help="where the stations' files go (default DATA-stations)")
    p = server.add_parser(
        "upgrade", help="bring a server count up to this version's schema (as the count's owner)",
        description="Apply the schema changes this version of countdesk brings to a count on a server, each "
                    "with its audit row, and give every station its rights on any new table. Stations refuse a "
                    "count of another version: install this version on every station, then run this once with "
                    "the count owner's address.",
    )
    p.add_argument("--db", required=True, help=_SERVER)
    p.add_argument("--operator", default=None, help="name stamped on the audit log")
    return parser


APP_COMMANDS = (None, "gui", "demo")


def display_problem(environ=os.environ, platform: str = sys.platform) -> str | None:
    """Why the app cannot show a window here, or None. Checked before Qt starts: without a display
    Qt aborts (exit 134) with a message about xcb libraries that never names the cause."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return ("there is no display to show the app on (neither DISPLAY nor WAYLAND_DISPLAY is set: a text "
            "console or a remote shell). Start countdesk from the desktop, or use its commands "
            "without a window (countdesk --help)")


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """`countdesk`, `countdesk demo` and `countdesk gui [FILE]` read as the parser reads them, without
    building it (some twenty sub-parsers: milliseconds before the window can start); None for
    anything else, which the parser reads (options, help, every other command, a mistake)."""
    argv = list(argv)
    if any(arg.startswith("-") for arg in argv):
        return None
    plain = {"version": False, "self_test": False}
    if not argv:
        return argparse.Namespace(**plain, command=None)
    if argv == ["demo"]:
        return argparse.Namespace(**plain, command="demo")
    if argv[0] == "gui" and len(argv) <= 2:
        return argparse.Namespace(**plain, command="gui", db=argv[1] if len(argv) == 2 else None)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = app_arguments(argv) or build_parser().parse_args(argv)
    if args.command in APP_COMMANDS and not (args.version or args.self_test):
        problem = display_problem()
        if problem is not None:
            print(f"countdesk: {problem}", file=sys.stderr)
            return 2
    try:
        if args.command in APP_COMMANDS and not (args.version or args.self_test):
            return _run_app(args)
        from . import commands

        if args.version:
            print(commands.version_text())
            return 0
        if args.self_test:
            return commands.self_test()
        name = "cmd_" + str(args.command).replace("-", "_")
        handler = getattr(accept, name, None) or getattr(commands, name)  # accept.py: `countdesk accept`
        return handler(args) or 0
    except CountdeskError as error:
        print(f"countdesk: {one_line(str(error))}", file=sys.stderr)
        return 2
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"countdesk: {one_line(where + str(error.strerror or error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("countdesk: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("countdesk: not enough memory for this input", file=sys.stderr)
        return 2


def _run_app(args: argparse.Namespace) -> int:
    """`countdesk`, `countdesk gui [FILE]`, `countdesk demo`: the desktop app (on FILE, or on a fresh
    copy of the Liverpool 2021 demo count); Qt loads here, not with the command line."""
    from pathlib import Path

    from ..gui.launch import run_app

    db = getattr(args, "db", None)
    return run_app(Path(db) if db else None, demo=args.command == "demo")


__all__ = ["main", "build_parser", "__version__"]
