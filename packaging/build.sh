#!/usr/bin/env bash
# Builds the installable countdesk with PyInstaller: dist/countdesk/ (one folder) on Linux,
# dist/countdesk.app on macOS. Windows: see packaging/README.md (same spec, run from PowerShell).
#
#   bash packaging/build.sh [--clean] [--archive] [--self-test]
#
#   --clean      throw away PyInstaller's cache first (after upgrading Python or PySide6)
#   --archive    also pack dist/countdesk-VERSION-linux-ARCH.tar.gz for copying to laptops
#   --self-test  run the built program's --self-test with no Python on the PATH, offline if possible
#
# Works on a fresh machine: sets it up with scripts/bootstrap.sh, then installs PyInstaller into
# .venv from the `package` extra. The build itself needs no network.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

clean=() archive=0 self_test=0
for arg in "$@"; do
  case "$arg" in
    --clean) clean=(--clean) ;;
    --archive) archive=1 ;;
    --self-test) self_test=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
bash scripts/bootstrap.sh
PY="$ROOT/.venv/bin/python"
stamp=.venv/.countdesk-package-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: installing PyInstaller into .venv (the package extra)"
  "$PY" -m pip install -q --disable-pip-version-check -e ".[package]"
  touch "$stamp"
fi
VERSION=$("$PY" -c "import countdesk; print(countdesk.__version__)")

# Translations: compiled .qm files are build output, never committed.
translations="$ROOT/build/translations"
rm -rf "$translations"
mkdir -p "$translations"
shopt -s nullglob
for ts in resources/translations/*.ts; do
  "$ROOT/.venv/bin/pyside6-lrelease" -silent "$ts" -qm "$translations/$(basename "${ts%.ts}").qm"
done
shopt -u nullglob

echo "build.sh: building countdesk $VERSION with PyInstaller"
COUNTDESK_BUILT_TRANSLATIONS="$translations" "$PY" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/countdesk.spec

case "$(uname -s)" in
  Darwin)
    app="$ROOT/dist/countdesk.app"
    program="$app/Contents/MacOS/countdesk"
    result="$app"
    ;;
  *)
    app="$ROOT/dist/countdesk"
    program="$app/countdesk"
    result="$app"
    # Desktop integration travels inside the folder: install.sh puts it in place on a laptop.
    share="$app/share"
    rm -rf "$share"
    mkdir -p "$share/applications" "$share/mime/packages" "$share/icons/hicolor/scalable/apps"
    cp packaging/countdesk.desktop "$share/applications/countdesk.desktop"
    cp packaging/countdesk-mime.xml "$share/mime/packages/countdesk.xml"
    cp packaging/icons/countdesk.svg "$share/icons/hicolor/scalable/apps/countdesk.svg"
    for png in packaging/icons/countdesk-*.png; do
      size=${png##*-}; size=${size%.png}
      mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
      cp "$png" "$share/icons/hicolor/${size}x${size}/apps/countdesk.png"
    done
    install -m 755 packaging/linux/install.sh "$app/install.sh"
    ;;
esac

size_kib=$(du -sk "$result" | cut -f1)
files=$(find "$result" -type f | wc -l)
echo "build.sh: built $result"
echo "build.sh: size $((size_kib / 1024)) MiB in $files files, in $(( $(date +%s) - started )) s"

if [ "$archive" = 1 ] && [ "$(uname -s)" = Linux ]; then
  tarball="$ROOT/dist/countdesk-$VERSION-linux-$(uname -m).tar.gz"
  tar -C "$ROOT/dist" -czf "$tarball" countdesk
  echo "build.sh: archive $tarball ($(( $(stat -c %s "$tarball") / 1024 / 1024 )) MiB)"
fi

if [ "$self_test" = 1 ]; then
  # No Python on the PATH, no inherited environment; no network either when we may unshare it.
  scratch=$(mktemp -d)
  run=(env -i "PATH=/nonexistent" "HOME=$scratch" "TMPDIR=$scratch" QT_QPA_PLATFORM=offscreen "$program" --self-test)
  if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
    echo "build.sh: self-test of the built program, offline (unshare -n), no Python on the PATH"
    unshare -n "${run[@]}"
  else
    echo "build.sh: self-test of the built program, no Python on the PATH"
    "${run[@]}"
  fi
  rm -rf "$scratch"
fi
