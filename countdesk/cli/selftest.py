"""`countdesk --self-test`: prove that this installation can run a count, with nobody at the screen.

A council laptop is set up days before the count by someone who is not there on the night. This
check runs the real program end to end, offscreen: the main window opens the Liverpool 2021 demo
(imported into a temporary folder), the result is checked against the published figures, the
declaration is printed to PDF and read back, a results signature is made and verified. It leaves
nothing behind (settings, recent files and count files all live in the temporary folder), uses no
network, and works the same from source and from the packaged app.

Exit 0 when every step passed; otherwise 1, with one line naming the step and what went wrong.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import CountdeskError

OPERATOR = "Self-test"

#: The published Liverpool mayoral result, 6 May 2021 (the demo count's source): independent of
#: the code under test, so a wrong tally, a missing file or a broken library all show here.
CONTEST_ID = "mayor.liverpool.2021-05-06"
WINNER, RUNNER_UP = "anderson-j", "yip-s"
PUBLISHED_FIRST = {WINNER: 38_958, RUNNER_UP: 22_047}
PUBLISHED_FINAL = {WINNER: 46_493, RUNNER_UP: 32_079}
DECLARATION_MUST_SAY = ("DECLARATION OF RESULT OF POLL", "ANDERSON", "46,493", "32,079")

#: A modal dialog cannot be answered offscreen; one that appears is closed and fails the step.
DIALOG_POLL_MS = 50


class SelfTestFailure(Exception):
    """A step found something wrong; the message is the one line the user sees."""


@dataclass
class _Run:
    """What the steps share: the temporary folder, the app, its window, the open count."""

    folder: Path
    out: TextIO | None
    app: Any = None
    window: Any = None
    count_path: Path | None = None
    dialogs: list[str] = field(default_factory=list)
    qt_messages: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        if self.out is not None:  # a windowed Windows build has no console to print to
            print(line, file=self.out, flush=True)


# -- the steps ----------------------------------------------------------------------------------
def _start_qt(run: _Run) -> str:
    from ..gui.selftest_qt import start_offscreen_app  # Qt loads here, for the self-test only

    run.app, family, qt = start_offscreen_app(run.folder / "settings", run.qt_messages.append,
                                              run.dialogs.append, DIALOG_POLL_MS)
    if not family:
        raise SelfTestFailure("the bundled Liberation Sans fonts could not be loaded")
    return f"{qt}, font {family}"


def _check_no_dialog(run: _Run) -> None:
    if run.dialogs:
        raise SelfTestFailure(f"a dialog appeared: {run.dialogs[-1]}")


def _check_resources(run: _Run) -> str:
    from ..exchange.countfile_schema import load_schema
    from ..gui.appearance import resource_file
    from ..gui.application import demo_source

    demo = demo_source()
    schema = load_schema()
    if resource_file("styles", "countdesk.qss") is None:
        raise SelfTestFailure("the style sheet resources/styles/countdesk.qss is missing")
    if not schema.get("$defs"):
        raise SelfTestFailure("the count file schema is empty")
    return f"demo count ({demo.name}), count file schema, style sheet"


def _open_demo(run: _Run) -> str:
    from ..gui.application import create_count_from_file, demo_source
    from ..gui.main_window import MainWindow

    run.window = MainWindow(operator=OPERATOR)
    if run.app.platformName() == "offscreen":
        run.window.show()  # invisible offscreen; painting the window still runs every view's code
    run.count_path = run.folder / "liverpool-mayor-2021.countdesk"
    create_count_from_file(demo_source(), run.count_path, OPERATOR, reason="self-test of the installation")
    if not run.window.open_count(run.count_path, operator=OPERATOR):
        _check_no_dialog(run)
        raise SelfTestFailure(f"the main window did not open {run.count_path.name}")
    run.app.processEvents()
    _check_no_dialog(run)
    open_count = run.window.current_count
    if open_count is None or open_count.read_only:
        raise SelfTestFailure("the count did not open for writing")
    if run.window.grab().isNull():
        raise SelfTestFailure("the main window could not be drawn")
    verdict = open_count.session.verify_audit()
    if not verdict.ok:
        raise SelfTestFailure(f"the new count's audit log does not verify: {verdict.problem}")
    return f'{run.count_path.name} opened in the main window as operator "{OPERATOR}", audit log intact'


def _check_result(run: _Run) -> str:
    from ..domain.result import Status

    open_count = run.window.current_count
    if CONTEST_ID not in open_count.contest_ids():
        raise SelfTestFailure(f"the demo count has no contest {CONTEST_ID}")
    contest = open_count.contest(CONTEST_ID)
    result = open_count.result(CONTEST_ID)
    names = {c.id: c.name for c in contest.candidates}
    if result.status is not Status.ELECTED or tuple(result.elected) != (WINNER,):
        elected = ", ".join(names.get(c, c) for c in result.elected) or "nobody"
        raise SelfTestFailure(f"expected {names[WINNER]} elected, the tally says {result.status}: {elected}")
    first = {c: result.first.get(c) for c in PUBLISHED_FIRST}
    final = {c: (result.final or {}).get(c) for c in PUBLISHED_FINAL}
    if first != PUBLISHED_FIRST or final != PUBLISHED_FINAL:
        raise SelfTestFailure(f"figures differ from the published result: first {first}, final {final}")
    return (f"{names[WINNER]} elected, {final[WINNER]:,} to {final[RUNNER_UP]:,} ({names[RUNNER_UP]}) "
            f"after the second round, as published")


def _print_declaration(run: _Run) -> str:
    from ..gui.selftest_qt import pdf_pages_text
    from ..services.document_events import write_document_copy
    from ..services.documents import document_context, render_document

    count = run.window.current_count.count()
    target = run.folder / "declaration.pdf"
    declaration = render_document("declaration", document_context(count, CONTEST_ID, place="countdesk self-test"))
    write_document_copy(declaration, target)
    pages = pdf_pages_text(target)
    if pages is None:
        raise SelfTestFailure("the declaration PDF could not be read back")
    text = "\n".join(pages)
    missing = [phrase for phrase in DECLARATION_MUST_SAY if phrase not in text]
    if missing:
        raise SelfTestFailure(f"the declaration PDF does not say {', '.join(missing)}")
    page_count = len(pages)
    pages_word = "page" if page_count == 1 else "pages"
    return f"declaration PDF written and read back ({target.stat().st_size // 1024} KB, {page_count} {pages_word})"


def _check_signatures(run: _Run) -> str:
    from ..exchange.signing import generate_key, sign, verify

    key = generate_key()
    data = (run.folder / "declaration.pdf").read_bytes()
    signature = sign(key, data)
    if not verify(data, signature, key.public_pem) or verify(data + b"x", signature, key.public_pem):
        raise SelfTestFailure("Ed25519 signatures do not verify as they should")
    return "results bundle signature (Ed25519) made and verified, an altered file refused"


def _close(run: _Run) -> str:
    if run.window is not None:
        run.window.close_count()
        run.window.close()
        run.window.deleteLater()
        run.window = None
    if run.app is not None:
        run.app.processEvents()
    _check_no_dialog(run)
    return "count closed"


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("qt", _start_qt),
    ("resources", _check_resources),
    ("open", _open_demo),
    ("result", _check_result),
    ("declaration", _print_declaration),
    ("signature", _check_signatures),
    ("close", _close),
)


# -- running them -------------------------------------------------------------------------------
def _where_running() -> str:
    if getattr(sys, "frozen", False):
        return f"packaged app at {Path(sys.executable).parent}"
    return f"from source, Python {sys.version.split()[0]} at {sys.executable}"


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step in order; stop at the first failure. Returns the exit code (0 or 1)."""
    from .. import __version__

    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="countdesk-self-test-", ignore_cleanup_errors=True) as temp:
        run = _Run(Path(temp), out)
        run.say(f"countdesk {__version__} self-test ({_where_running()})")
        for name, step in STEPS:
            try:
                detail = step(run)
                _check_no_dialog(run)
            except Exception as error:  # noqa: BLE001 - every failure becomes one clear line
                plain = isinstance(error, (SelfTestFailure, CountdeskError))  # already written for people
                reason = str(error) if plain else f"{type(error).__name__}: {error}"
                if err is not None:
                    print(f"countdesk self-test FAILED at {name}: {reason}", file=err, flush=True)
                    for message in dict.fromkeys(run.qt_messages):
                        print(f"  (Qt: {message})", file=err)
                try:
                    _close(run)
                except Exception:  # noqa: BLE001 - the first failure is the one to report
                    pass
                return 1
            run.say(f"  ok  {name:<12} {detail}")
    run.say(f"self-test passed in {time.monotonic() - started:.1f} s")
    return 0
