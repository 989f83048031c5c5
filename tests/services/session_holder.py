"""Run as a separate process: open a count file for writing as an operator, hold it until stdin closes."""

from __future__ import annotations

import sys

from countdesk.services import CountSession

if __name__ == "__main__":
    with CountSession.open(sys.argv[1], sys.argv[2]):
        print("open", flush=True)
        sys.stdin.read()
