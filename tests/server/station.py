"""Run as a station process: open the server count and confirm sheets `first`..`last`, printing
"ACK <id>" (flushed) only once save_sheet has returned, i.e. once the station told its operator
the sheet is safe. Usage: station.py URL STATION FIRST LAST"""

from __future__ import annotations

import sys

from server_builders import CONTEST_ID, sheet

from countdesk.services import CountSession


def main(url: str, station: str, first: int, last: int) -> None:
    with CountSession.open(url, f"Operator {station}") as session:
        print("READY", flush=True)
        for n in range(first, last + 1):
            session.sheets.confirm(CONTEST_ID, sheet(station, n))
            print(f"ACK {sheet(station, n).id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
