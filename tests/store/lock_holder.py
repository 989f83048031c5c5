"""Run as a separate process: take a count file's write lock, say so, hold it until stdin closes."""

from __future__ import annotations

import sys

from countdesk.store.lock import acquire_lock

if __name__ == "__main__":
    with acquire_lock(sys.argv[1], operator=sys.argv[2]):
        print("locked", flush=True)
        sys.stdin.read()
