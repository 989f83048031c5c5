#!/usr/bin/env bash
# The test command: sets the machine up if needed, checks the layering contracts, lints, checks types
# (mypy, on the packages pyproject.toml's [tool.mypy] lists), runs pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/domain -x).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
unset PYTHONDONTWRITEBYTECODE
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/ruff check countdesk tests benchmarks scripts
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
