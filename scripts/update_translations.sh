#!/usr/bin/env bash
# Regenerates the translation sources (resources/translations/countdesk_*.ts) from every tr() and
# QCoreApplication.translate() in countdesk/gui with pyside6-lupdate, keeping the translations
# already made (a changed English text keeps its old translation marked unfinished; a removed one
# is kept as obsolete, for reuse). Then compiles each .ts into the .qm the app loads
# (pyside6-lrelease; the .qm files are build output, not committed).
#
#   bash scripts/update_translations.sh            # update the .ts files, then compile them
#   bash scripts/update_translations.sh --compile  # only compile the .ts files into .qm
#   LANGUAGES="cy gd" bash scripts/update_translations.sh   # also start a new language's file
#
# A test (tests/gui/test_translations.py) fails when the .ts files miss a text of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${VENV_BIN:-.venv/bin}
FOLDER=resources/translations
#: Welsh: the one language besides English a UK returning officer may need the app in.
LANGUAGES=${LANGUAGES:-cy}

mkdir -p "$FOLDER"
if [ "${1:-}" != "--compile" ]; then
  for language in $LANGUAGES; do
    "$BIN/pyside6-lupdate" -silent -extensions py -locations none -source-language en_GB \
      -target-language "$language" countdesk/gui -ts "$FOLDER/countdesk_$language.ts"
    # lupdate takes a Python "#:" comment for a note to the translator and gives it to the next
    # tr() it finds; ours document the code (an attribute, a table), so they would mislead.
    "$BIN/python" - "$FOLDER/countdesk_$language.ts" <<'STRIP'
import re, sys
from pathlib import Path
path = Path(sys.argv[1])
path.write_text(re.sub(r"\n\s*<extracomment>.*?</extracomment>", "", path.read_text(encoding="utf-8"), flags=re.S),
                encoding="utf-8")
STRIP
  done
fi
if [ -x "$BIN/pyside6-lrelease" ]; then
  for ts in "$FOLDER"/countdesk_*.ts; do
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  done
else
  echo "update_translations: $BIN/pyside6-lrelease not found; the .qm files were not compiled" >&2
fi
