"""The headless commands. Each takes the parsed arguments and returns an exit code; errors are
CountdeskError (exit 2, one line), raised by the layers below with the place at fault."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from datetime import UTC
from pathlib import Path

from .. import __version__
from ..domain.model import Count
from ..domain.tally import tally
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


def _location(db: str) -> str | Path:
    """`--db`: a count file's path, or a count server's postgresql:// URL (docs/server.md)."""
    from ..store.locations import is_server_url

    return db if is_server_url(db) else Path(db)


def _print_results(count: Count, results, as_json: bool) -> None:
    if as_json:
        print(results_to_json(results))
        return
    blocks = [render_result(contest, result) for contest, result in zip(count.contests, results, strict=True)]
    print(f"{count.election.title} — {count.election.area} — {count.election.poll_date:%d %B %Y}\n")
    print("\n\n".join(blocks))


def _load_file(path: str) -> Count:
    """The count file; what a `countdesk/1` file left to be inferred is said on stderr."""
    count, notes = _load_file_with_notes(path)
    _say_notes(path, notes)
    return count


def _load_file_with_notes(path: str) -> tuple[Count, list]:
    from ..exchange.countfile import load_count_file

    notes: list = []
    return load_count_file(Path(path), notes), notes


def _say_notes(path: str, notes: list) -> None:
    for note in notes:
        print(f"countdesk: warning: {path}: {note}", file=sys.stderr)


def _warn_if_trail_cut(session) -> None:
    """Said on every opening: the trail is shorter than its newest backup remembers."""
    warning = getattr(session, "trail_warning", None)
    if warning:
        print(f"countdesk: {session.path}: WARNING: {warning}; restore the backup and check it with "
              "`countdesk audit --verify`", file=sys.stderr)


def cmd_tally(args: Namespace) -> int:
    if args.db:
        from ..services.count_session import CountSession

        # An area count of a collated SV poll reports round 2 for the finalists it was instructed.
        with CountSession.open(_location(args.db), _operator(args), read_only=True) as session:
            _warn_if_trail_cut(session)
            count = session.load()
            results = tuple(standing.result for standing in session.results.of(count))
    else:
        count = _load_file(args.file)
        results = tally(count)
    _print_results(count, results, args.json)
    return 0


def cmd_collate(args: Namespace) -> int:
    from ..domain.collation import areas_not_in, contests_missing_from_areas
    from ..services.collation import collate, load_signed_area

    loaded = [load_signed_area(Path(p)) for p in args.files]
    collated = collate([count for count, _ in loaded], args.expect or ())
    said = sys.stderr if args.json else sys.stdout  # the JSON on stdout stays the spec's shape
    for (count, key), path in zip(loaded, args.files, strict=True):
        signed = f"bundle signed by key {key}" if key else "a count file, not a signed bundle"
        print(f"area {count.election.area}: {signed} ({path})", file=said)
    for note in contests_missing_from_areas([count for count, _ in loaded]):
        print(f"note: {note}", file=said)
    missing = areas_not_in([count for count, _ in loaded], args.expect or ())
    if missing:
        print(f"INCOMPLETE: {len(missing)} expected area(s) not reported: {', '.join(missing)}", file=said)
    if not args.json:
        print()
    _print_results(collated.merged, collated.results, args.json)
    return 0


def version_text() -> str:
    """`countdesk --version`: this version, the Qt it runs on, and what is bundled under which licence."""
    from ..licences import licences_summary

    qt_version = None
    lines = [f"countdesk {__version__}"]
    try:
        from ..gui.qt_versions import qt_versions  # Qt loads here, for --version only

        qt_version, pyside_version = qt_versions()
        lines.append(f"Qt {qt_version}, PySide6 {pyside_version}, Python {sys.version.split()[0]}")
    except Exception as error:  # noqa: BLE001 - the versions must print even without a working Qt
        lines.append(f"Qt unavailable ({type(error).__name__}: {error}), Python {sys.version.split()[0]}")
    lines += ["", "Bundled software and licences (licence texts: Help > About countdesk):",
              licences_summary(qt_version)]
    return "\n".join(lines)


def self_test() -> int:
    """`countdesk --self-test`: open, tally and declare the demo offscreen (cli/selftest.py)."""
    from .selftest import run_self_test

    return run_self_test()


def cmd_import(args: Namespace) -> int:
    """Parse and validate first: a bad file is refused before the database is even opened. A new
    database that the import then fails to fill is removed, so nothing is left behind."""
    from ..services.count_session import CountSession
    from ..store.locations import count_exists, describe_location

    count, notes = _load_file_with_notes(args.file)
    db = _location(args.db)
    reason = f"imported from {Path(args.file).name}"
    created = not count_exists(db)
    if created and isinstance(db, Path):
        from ..services.new_count import import_into_new_count

        # All or nothing, under kill -9 too.
        import_into_new_count(db, _operator(args), count, reason=reason, notes=notes)
    else:
        session = CountSession.create(db, _operator(args), count.election) if created else \
            CountSession.open(db, _operator(args))
        try:
            session.import_count(count, reason=reason, replace=args.replace, notes=notes)
        finally:
            session.close()
    _say_notes(args.file, notes)  # after the import: a refused import says one line, its error
    sheets = sum(len(c.count_sheets) for c in count.contests)
    boxes = sum(len(c.boxes) for c in count.contests)
    where = db if isinstance(db, Path) else describe_location(db)
    print(f"imported {len(count.contests)} contest(s), {boxes} box(es), {sheets} count sheet(s) into {where}")
    return 0


def cmd_export_json(args: Namespace) -> int:
    from ..exchange.countfile import write_count_file
    from ..output_guard import refuse_overwriting_inputs
    from ..services.count_session import CountSession

    refuse_overwriting_inputs(args.out, count=args.db)
    with CountSession.open(_location(args.db), _operator(args), read_only=True) as session:
        _warn_if_trail_cut(session)
        count = session.load()
    refuse_overwriting_inputs(args.out, count=args.db)  # again: the folder may have changed meanwhile
    write_count_file(count, Path(args.out))
    print(f"wrote {args.out}")
    return 0


def cmd_audit(args: Namespace) -> int:
    """`--verify`: the hash chain, and every figure in the tables replayed against the trail, so a
    row altered or removed, or a figure changed outside the app, is named (exit 1)."""
    from ..services.count_session import CountSession

    if args.verify:
        from ..services.integrity import verify_count_file

        verdict = verify_count_file(_location(args.db))
        if verdict.ok:
            print(verdict.summary())
            return 0
        print(verdict.summary(), file=sys.stderr)
        return 1
    with CountSession.open(_location(args.db), _operator(args), read_only=True) as session:
        _warn_if_trail_cut(session)
        rows = session.audit_rows(contest_id=args.contest)
        if args.contest and not rows:  # a removed contest still has its rows: only a stranger has none
            known = ", ".join(c.id for c in session.load().contests) or "none"
            raise CountdeskError(f'no such contest "{args.contest}" (contests: {known})', str(args.db))
    for row in rows:
        print(f"{row.id:>6}  {row.at}  {row.operator:<16}  {row.action:<18}  {row.contest_id or '':<24}  "
              f"{row.key or '':<12}  {row.reason or ''}")
    return 0


def _standing_result(session, count, contest_id: str):
    """The contest's result as the session counts it (an area of a collated SV poll: on the
    collating officer's finalists), or None for a contest the count does not hold (the document
    then says which contests it holds)."""
    standing = session.results.of_contest(count, contest_id)
    return None if standing is None else standing.result


def cmd_declare(args: Namespace) -> int:
    """The document, rendered once, saved as a copy saved from the app is (written atomically, read
    back, its `document.saved` row in the audit trail). While the app (or another countdesk) has
    the count open for writing, the document is still written, from a read-only view, and a note
    on stderr says it is not recorded."""
    from ..output_guard import refuse_overwriting_inputs
    from ..services import CountLockedError, CountSession
    from ..services.document_events import record_document_saved, write_document_copy
    from ..services.document_registry import document_for, kind_named
    from ..services.documents import document_context, render_document
    from ..services.integrity import require_trail_matches

    db, out = _location(args.db), Path(args.out).absolute()
    refuse_overwriting_inputs(out, count=db)
    require_trail_matches(db, f"the {kind_named(args.document).phrase}")
    # An unknown contest, or a document not made for it, is refused through a read-only view first:
    # such a declare leaves no trace in the audit trail (opening for writing records a session.open
    # row). The document is rendered once, below, with the trail's head as it then is.
    with CountSession.open(db, _operator(args), read_only=True) as looking:
        count = looking.load()
        ctx = document_context(count, args.contest, lang=args.lang, place=args.place,
                               result=_standing_result(looking, count, args.contest))
        kind = document_for(args.document, ctx.contest)
    locked: CountLockedError | None = None
    try:
        session = CountSession.open(db, _operator(args))
    except CountLockedError as error:
        locked = error
        session = CountSession.open(db, _operator(args), read_only=True)
    with session:
        name = session.path.name
        count = session.load()
        ctx = document_context(count, args.contest, lang=args.lang, place=args.place,
                               result=_standing_result(session, count, args.contest), trail_head=session.audit_head())
        document = render_document(args.document, ctx)
        written = write_document_copy(document, out, count_path=db)
        row = None if locked is not None else record_document_saved(session, document, written)
    wrote = f"wrote {args.document} for {ctx.contest.title} to {args.out}"
    if row is not None:
        print(f"{wrote}; recorded in the audit log (entry {row.id})")
        return 0
    print(wrote)
    held = f"by {locked.holder.describe()}" if locked is not None and locked.holder else "by another countdesk"
    print(f"countdesk: {args.out}: the {kind.phrase} was written but not recorded in the audit "
          f"log: {name} is open for writing elsewhere ({held})", file=sys.stderr)
    return 0


def cmd_export(args: Namespace) -> int:
    """The results bundle, written, read back from the device and checked before it says so."""
    from datetime import datetime

    from ..output_guard import refuse_folder_holding_inputs
    from ..services.count_session import CountSession
    from ..services.export import export_bundle
    from ..services.settings_paths import installation_key

    refuse_folder_holding_inputs(args.to, count=args.db)  # before the count is even opened
    with CountSession.open(_location(args.db), _operator(args)) as session:
        report = export_bundle(session, Path(args.to), signing_key=installation_key(),
                               generated_at=datetime.now(UTC).astimezone())
    print(f"bundle written and checked: {report.path}")
    for contest_id, fingerprint in report.paper_fingerprints.items():
        print(f"paper fingerprint of {contest_id} (printed on its documents): {fingerprint}")
    print(f"signing key fingerprint: {report.key_fingerprint}")
    for warning in report.warnings:
        print(f"note: {warning}")
    return 0


def cmd_copy(args: Namespace) -> int:
    from ..services.copying import copy_count_between
    from ..store.locations import describe_location

    report = copy_count_between(_location(args.source), _location(args.target))
    print(f"copied {describe_location(args.source)} to {describe_location(args.target)}: {report.rows} rows "
          f"in {report.tables} tables; audit trail of {report.audit_rows} rows verified, "
          f"ending {report.audit_head_hash}")
    return 0


def cmd_sheet(args: Namespace) -> int:
    """`countdesk sheet add`: one sheet, through the same service calls as the app's count-sheet form."""
    from ..exchange.sheet_json import parse_sheet_bytes
    from ..services.count_session import CountSession

    if args.file == "-":
        data, source = sys.stdin.buffer.read(), "standard input"
    else:
        data, source = Path(args.file).read_bytes(), args.file
    with CountSession.open(_location(args.db), _operator(args)) as session:
        state = session.contest_state(args.contest)
        sheet = parse_sheet_bytes(data, state.candidate_ids, source)
        if state.double_entry:
            outcome = session.double_entry.submit(args.contest, sheet, reason=args.reason)
            print(f"sheet {sheet.id}: {outcome.status}")
            return 0 if outcome.status != "disagreement" else 1
        session.sheets.confirm(args.contest, sheet, reason=args.reason)
    print(f"sheet {sheet.id} confirmed in {args.contest}")
    return 0


def cmd_server(args: Namespace) -> int:
    """`countdesk server init`: PostgreSQL for one count on this machine (services/server_setup.py);
    `countdesk server upgrade`: a server count brought to this version's schema."""
    if args.server_command == "upgrade":
        return _server_upgrade(args)
    from ..services.server_setup import ServerPlan, init_server

    plan = ServerPlan(Path(args.data).absolute(), args.count, tuple(args.stations), args.subnet, tuple(args.listen),
                      args.port, tuple(args.names), Path(args.out).absolute() if args.out else None)
    report = init_server(plan)
    print(f"count server for {args.count} started: data in {plan.data}")
    print(f"certificate authority fingerprint (SHA-256), compare it at each station:\n  {report.ca_fingerprint}")
    print(f"each station's address, password line and the CA certificate: {report.station_folder}")
    for station, url in report.station_urls.items():
        print(f"  {station}: {url}")
    print(f"owner (set-up, copy in and out): {report.owner_url}")
    return 0


def _server_upgrade(args: Namespace) -> int:
    from ..store.locations import describe_location, is_server_url
    from ..store.server_upgrade import upgrade_server_count

    if not is_server_url(args.db):
        raise CountdeskError(f"{args.db}: not a count server's address (a count file is upgraded when it is "
                             "opened for writing)", args.db)
    report = upgrade_server_count(args.db, _operator(args), made_by=f"countdesk {__version__}")
    where = describe_location(args.db)
    if report.applied:
        print(f"{where} upgraded to schema {report.schema}: applied {', '.join(report.applied)}")
    else:
        print(f"{where} is already at schema {report.schema}: nothing to do")
    if report.stations:
        print(f"stations with rights on every table: {', '.join(report.stations)}")
    return 0


def cmd_verify_bundle(args: Namespace) -> int:
    from ..domain.text_rules import one_line
    from ..exchange.bundle import verify_bundle

    verdict = verify_bundle(Path(args.bundle))
    if verdict.ok:
        print(f"bundle intact: {len(verdict.files)} files, signature good, key {verdict.key_fingerprint}")
        return 0
    for problem in verdict.problems:  # names from the bundle are escaped: one problem, one line
        print(f"countdesk: {one_line(args.bundle)}: {one_line(problem)}", file=sys.stderr)
    return 2  # errors end with exit code 2, as every command's
