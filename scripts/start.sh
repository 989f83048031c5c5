#!/usr/bin/env bash
# Sets the machine up if needed, then starts countdesk (the demo count when there is nothing else).
# The first time, at a terminal, it offers to put the `countdesk` command on your PATH (a link in
# ~/.local/bin), so the README's `countdesk …` commands work from any folder. Without that, the
# command is .venv/bin/countdesk (or run `source .venv/bin/activate` first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
COMMAND="$PWD/.venv/bin/countdesk"
OFFERED=.venv/.countdesk-path-offered
if [ -t 0 ] && [ -t 1 ] && [ ! -f "$OFFERED" ] && [ "$(command -v countdesk 2>/dev/null)" != "$COMMAND" ]; then
  touch "$OFFERED"
  read -r -p "Put the countdesk command on your PATH (a link in ~/.local/bin)? [y/N] " answer || answer=""
  case "$answer" in
    [yY]*)
      mkdir -p "$HOME/.local/bin"
      ln -sf "$COMMAND" "$HOME/.local/bin/countdesk"
      echo "countdesk is linked from ~/.local/bin/countdesk."
      case ":$PATH:" in
        *":$HOME/.local/bin:"*) ;;
        *) echo "~/.local/bin is not on your PATH yet: log out and in again, or run: export PATH=\"\$HOME/.local/bin:\$PATH\"" ;;
      esac ;;
    *) echo "Not linked. The command is $COMMAND (or run: source .venv/bin/activate)." ;;
  esac
fi
exec "$COMMAND" "$@"
