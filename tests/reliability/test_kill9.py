"""Crash safety: a writer killed with SIGKILL at random moments never loses a sheet it acknowledged.

One count file is reused across rounds. Each round starts sheet_writer.py, which takes over the
lock the last round's writer left, resumes after the last sheet in the file, and confirms sheets
until it is killed: sometimes while it is still starting (opening, taking over the stale lock),
mostly while it is writing. After every kill the file is reopened and checked: each acknowledged
sheet is there with its exact figures, has its audit row, the chain verifies, the tables match
the trail, and PRAGMA integrity_check is ok. Set COUNTDESK_KILL_SEED to replay a run and
COUNTDESK_KILL_ROUNDS to run more rounds.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from kill_sheets import CONTEST, CONTEST_ID, ELECTION, audit_record, sheet, sheet_number

from countdesk.services import CountSession
from countdesk.services.integrity import verify_count

WRITER = Path(__file__).with_name("sheet_writer.py")
ROUNDS = int(os.environ.get("COUNTDESK_KILL_ROUNDS", "50"))
READY_TIMEOUT_S = 30


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    committed_unacknowledged: int = 0
    killed_while_starting: int = 0
    stale_locks_taken_over: int = 0

    def line(self, seed: int) -> str:
        return (f"kill -9 soak (seed {seed}): {self.kills} kills, {self.acknowledged} sheets acknowledged, "
                f"{len(self.lost)} acknowledged sheets lost, {self.committed_unacknowledged} committed but "
                f"killed before the ACK, {self.killed_while_starting} kills while starting, "
                f"{self.stale_locks_taken_over} stale locks taken over")


class Writer:
    """The child process and a thread that collects every line it managed to print."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(WRITER), str(db)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=WRITER.parent)
        self.ready = threading.Event()
        self.acks: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            line = raw.decode().strip()
            if line == "READY":
                self.ready.set()
            elif line.startswith("ACK "):
                self.acks.append(line[4:])

    def kill(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        return code, self.proc.stderr.read().decode()


def check_after_kill(db: Path, acked: set[str], writer_pid: int, held_lock: bool, tally: Tally) -> None:
    """Reopen after a kill (taking over the dead writer's lock) and check everything it promised."""
    with CountSession.open(db, "Checker") as session:
        opened = session.audit_rows(action="session.open")[-1]
        took_over = (opened.after or {}).get("took_over_stale_lock")
        if held_lock:
            assert took_over is not None and took_over["pid"] == writer_pid, "the dead writer's lock was not noted"
            tally.stale_locks_taken_over += 1
        sheets = {s.id: s for s in session.contest(CONTEST_ID).count_sheets}
        saved = {row.key: row.after for row in session.audit_rows(contest_id=CONTEST_ID, action="sheet.save")}
        tally.lost += [sid for sid in sorted(acked) if sheets.get(sid) != sheet(sheet_number(sid))]
        for sid in acked:
            assert saved.get(sid) == audit_record(sheet_number(sid)), f"no matching audit row for {sid}"
        # Whatever was committed without an ACK must be whole and audited too: no torn sheet.
        assert set(sheets) == set(saved)
        for sid, found in sheets.items():
            assert found == sheet(sheet_number(sid)), f"sheet {sid} holds figures no one entered"
        tally.committed_unacknowledged = len(set(sheets) - acked)
        verdict = verify_count(session)
        assert verdict.ok, verdict.summary()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def test_sigkill_at_random_moments_loses_no_acknowledged_sheet(tmp_path, record_property, reliability_report):
    seed = int(os.environ.get("COUNTDESK_KILL_SEED", random.SystemRandom().randrange(2**31)))
    print(f"\nkill -9 soak: seed {seed} (set COUNTDESK_KILL_SEED={seed} to replay)")
    rng = random.Random(seed)
    db = tmp_path / "kill.countdesk"
    with CountSession.create(db, "Setup", ELECTION) as session:
        session.set_up.add_contest(CONTEST)
    tally = Tally()
    acked: set[str] = set()
    started = time.monotonic()
    for _ in range(ROUNDS):
        writer = Writer(db)
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.0, 0.4))  # somewhere in start-up: imports, lock, session row
        else:
            assert writer.ready.wait(READY_TIMEOUT_S), "the writer did not start"
            time.sleep(rng.uniform(0.0, 0.12))
        held_lock = writer.ready.is_set()
        code, errors = writer.kill()
        assert code == -signal.SIGKILL, f"the writer died on its own: {errors}"
        tally.kills += 1
        tally.killed_while_starting += not writer.acks and not held_lock
        tally.acknowledged += len(writer.acks)
        acked.update(writer.acks)
        check_after_kill(db, acked, writer.proc.pid, held_lock, tally)
    elapsed = time.monotonic() - started
    summary = f"{tally.line(seed)}; {elapsed:.1f} s"
    print(summary)
    record_property("kill9_summary", summary)
    reliability_report(summary)
    assert tally.kills >= ROUNDS
    assert tally.acknowledged >= ROUNDS, f"too few sheets written for the kills to mean much: {summary}"
    assert not tally.lost, f"acknowledged sheets lost: {tally.lost[:10]}; {summary}"
