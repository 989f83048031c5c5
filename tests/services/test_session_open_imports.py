"""What opening a count through the services loads. The window's first paint waits for every module
imported on the way to it, so the use cases, readers and writers a count does not need to show its
result load when first used; a stray top-level import that pulls one back into the open path fails
here (the timings themselves are in benchmarks/startup_phases.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from countdesk.services import CountSession

#: Not needed to open a count and read its results: each loads with the first call that needs it.
NOT_ON_OPEN = (
    "countdesk.services.sheets",           # entering sheets and lots
    "countdesk.services.double_entry",
    "countdesk.store.keyings",             # the keyings double entry holds
    "countdesk.services.set_up",           # set-up and verification
    "countdesk.services.declaring",        # stages, declaring, the RO passphrase
    "countdesk.services.passphrase",
    "countdesk.services.acceptances",      # loaded by the first write that must keep them consistent
    "countdesk.services.claims",           # a count server's
    "countdesk.store.claims",
    "countdesk.store.entry_figures",
    "countdesk.store.contests",            # the contests' writer: set-up, imports, a stage moved on
    "countdesk.store.sheets",
    "countdesk.services.round2_area",      # importing a round-2 instruction; a result reads one back
    "countdesk.exchange.round2",           # through services/instructions.py, the reader only if one is held
    "countdesk.exchange.countfile_legacy",  # a countdesk/1 file's notes, read on an import
    "countdesk.exchange.countfile",
    "countdesk.domain.legacy_office",
    "countdesk.store.backup_files",        # a count with no backup folder beside it has nothing to compare
    "socket",                              # the host name comes from os.uname() on POSIX
    "jsonschema",
    "reportlab",
    "cryptography",
    "psycopg",
)

SCRIPT = """
import json, sys
from countdesk.services import CountSession
session = CountSession.open(sys.argv[1], "Start-up check")
count = session.load()
results = {c.id: str(session.result(c.id).result.status) for c in count.contests}
modules = sorted(sys.modules)  # closing, after the first paint, releases a server's claims
session.close()
print(json.dumps({"results": results, "modules": modules}))
"""


def modules_after(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def loaded_of(report: dict, names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in report["modules"] for unwanted in names
                  if name == unwanted or name.startswith(unwanted + "."))


def test_opening_a_count_and_reading_its_results_loads_no_use_case_it_does_not_use(liverpool):
    path = liverpool.file_path
    liverpool.close()
    report = modules_after(SCRIPT, str(path))
    assert report["results"] == {"mayor.liverpool.2021-05-06": "elected"}
    assert "countdesk.services.results" in report["modules"]  # the check sees what it is meant to see
    assert loaded_of(report, NOT_ON_OPEN) == []


def test_the_check_sees_a_use_case_once_it_is_used(liverpool):
    path = liverpool.file_path
    liverpool.close()
    pending = "session.double_entry.pending('mayor.liverpool.2021-05-06')\n"
    report = modules_after(SCRIPT.replace("modules = ", pending + "modules = "), str(path))
    assert "countdesk.services.double_entry" in loaded_of(report, NOT_ON_OPEN)


@pytest.mark.parametrize("name", ["sheets", "lots", "verification", "set_up", "passphrase", "declaring",
                                  "double_entry", "acceptances", "claims", "instructions"])
def test_each_use_case_is_made_once_on_first_use(session, name):
    path = session.file_path
    session.close()
    with CountSession.open(path, "Bob") as reopened:
        assert name not in vars(reopened)  # not made by opening the count
        made = getattr(reopened, name)
        assert getattr(reopened, name) is made
        assert made.__class__.__module__ in sys.modules


def test_use_cases_share_what_they_build_on(session):
    """Declaring and the acceptances check the same passphrase, and double entry records an agreed
    keying through the session's own sheets: one object each, whichever is asked for first."""
    de = session.double_entry
    assert de._sheets is session.sheets
    assert session.declaring._passphrase is session.passphrase is session.acceptances._passphrase
    assert session.declaring._results is session.results is session.acceptances._results


def test_services_names_load_when_asked():
    import countdesk.services as services

    assert services.KeyingStatus.__module__ == "countdesk.services.double_entry"
    assert services.KEEP is sys.modules["countdesk.services.set_up"].KEEP
    with pytest.raises(AttributeError):
        services.no_such_name  # noqa: B018


def test_a_write_in_a_session_that_never_asked_for_the_acceptances_still_voids_one(tmp_path):
    """The core keeps a void acceptance void inside every write (acceptances.py): opened afresh, the
    session must load that use case itself, not rely on a caller having asked for it first."""
    from session_builders import CONTEST_ID, ELECTION, r1, small_sv, ticking_clock
    from test_acceptance_void import missing_two

    path = tmp_path / "void.countdesk"
    with CountSession.create(path, "Alice", ELECTION, clock=ticking_clock()) as session:
        session.set_up.add_contest(small_sv())
        missing_two(session)
    with CountSession.open(path, "Alice") as session:
        assert "acceptances" not in vars(session)
        assert session.contest(CONTEST_ID).accepted_differences
        session.sheets.confirm(CONTEST_ID, r1("T2", 1, 0, 0))  # a figure the acceptance covers moves
        assert session.contest(CONTEST_ID).accepted_differences == ()
        assert [row.action for row in session.audit_rows(action="contest.void_acceptance")] == [
            "contest.void_acceptance"]
