"""The packaged app's entry point (PyInstaller freezes this file): hand over to the command line,
exactly as `python -m countdesk` does, so the packaged program takes the same arguments."""

from countdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
