"""Run as a separate process by test_kill9: open the count for writing and confirm sheets one after
another until killed. "ACK <id>" is printed and flushed only after save_sheet has returned, that is
once countdesk has told the operator the sheet is safe."""

from __future__ import annotations

import sys

from kill_sheets import CONTEST_ID, sheet, sheet_number

from countdesk.services import CountSession


def main(db: str) -> None:
    with CountSession.open(db, "Writer") as session:
        done = [sheet_number(s.id) for s in session.contest(CONTEST_ID).count_sheets]
        n = max(done, default=0) + 1
        print("READY", flush=True)
        while True:
            session.sheets.confirm(CONTEST_ID, sheet(n))
            print(f"ACK {sheet(n).id}", flush=True)
            n += 1


if __name__ == "__main__":
    main(sys.argv[1])
