#!/usr/bin/env bash
# Sets the machine up if needed, then starts countdesk (the demo count when there is nothing else).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/countdesk "$@"
