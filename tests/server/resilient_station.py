"""A station that rides out the server going away: it confirms sheets `first`..`last`; when the
server cannot be reached it says "DOWN", keeps the sheet it was entering and asks again until the
server is back ("BACK"). A sheet whose commit reached the server but whose answer was lost is
found recorded with the same figures and counted as done (never entered twice, never lost).
Prints "ACK <id>" only once the server has acknowledged. Usage: URL STATION FIRST LAST"""

from __future__ import annotations

import sys
import time

from server_builders import CONTEST_ID, sheet

from countdesk.errors import ValidationError
from countdesk.services import CountSession
from countdesk.store.server import ServerUnreachable

GIVE_UP_S = 90


def main(url: str, station: str, first: int, last: int) -> None:
    with CountSession.open(url, f"Operator {station}") as session:
        print("READY", flush=True)
        for n in range(first, last + 1):
            typed = sheet(station, n)  # what the operator typed: kept until the server takes it
            down_since = None
            while True:
                try:
                    session.sheets.confirm(CONTEST_ID, typed)
                except ServerUnreachable:
                    if down_since is None:
                        down_since = time.monotonic()
                        print("DOWN", flush=True)
                    if time.monotonic() - down_since > GIVE_UP_S:
                        raise
                    time.sleep(0.2)
                    continue
                except ValidationError as error:
                    if "already recorded" not in error.message or session.sheets.sheet(CONTEST_ID, typed.id) != typed:
                        raise
                if down_since is not None:
                    print("BACK", flush=True)
                print(f"ACK {typed.id}", flush=True)
                break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
