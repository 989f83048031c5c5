#!/usr/bin/env bash
# Installs countdesk from its built folder (this script sits inside it): the program, the menu
# entry, the icon and the .countdesk file type; then proves the installation with --self-test.
#
#   ./install.sh             for the current user: ~/.local/opt/countdesk, ~/.local/share, ~/.local/bin
#   sudo ./install.sh --system   for every user: /opt/countdesk, /usr/local/share, /usr/local/bin
#   ./install.sh --uninstall [--system]   removes what the matching install put in place
#
# No Python, no network, nothing downloaded: everything is in this folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

scope=user action=install check=1
for arg in "$@"; do
  case "$arg" in
    --system) scope=system ;;
    --uninstall) action=uninstall ;;
    --no-self-test) check=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$scope" = system ]; then
  [ "$(id -u)" = 0 ] || { echo "install.sh: --system needs root (sudo ./install.sh --system)" >&2; exit 2; }
  prefix=/opt/countdesk share=/usr/local/share bin=/usr/local/bin
else
  prefix="$HOME/.local/opt/countdesk" share="${XDG_DATA_HOME:-$HOME/.local/share}" bin="$HOME/.local/bin"
fi

refresh_caches() {
  command -v update-mime-database >/dev/null && update-mime-database "$share/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

icon_files() {
  (cd "$here/share" && find icons -type f)
}

if [ "$action" = uninstall ]; then
  rm -f "$share/applications/countdesk.desktop" "$share/mime/packages/countdesk.xml"
  for icon in $(icon_files); do rm -f "$share/$icon"; done
  rm -f "$share/icons/hicolor/scalable/mimetypes/application-x-countdesk.svg"
  [ -L "$bin/countdesk" ] && rm -f "$bin/countdesk"
  rm -rf "$prefix"
  refresh_caches
  echo "install.sh: countdesk removed ($scope). Count files and backups were not touched."
  exit 0
fi

[ -x "$here/countdesk" ] || { echo "install.sh: run me from the built countdesk folder" >&2; exit 2; }
if [ "$here" != "$prefix" ]; then
  echo "install.sh: copying the program to $prefix"
  rm -rf "$prefix.new"
  mkdir -p "$(dirname "$prefix")"
  cp -a "$here" "$prefix.new"
  rm -rf "$prefix"
  mv "$prefix.new" "$prefix"
fi

mkdir -p "$share/applications" "$share/mime/packages" "$bin"
# The menu entry runs the installed program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=countdesk|Exec=$prefix/countdesk|" -e "s|^TryExec=countdesk|TryExec=$prefix/countdesk|" \
  "$here/share/applications/countdesk.desktop" > "$share/applications/countdesk.desktop"
cp "$here/share/mime/packages/countdesk.xml" "$share/mime/packages/countdesk.xml"
for icon in $(icon_files); do
  mkdir -p "$(dirname "$share/$icon")"
  cp "$here/share/$icon" "$share/$icon"
done
mkdir -p "$share/icons/hicolor/scalable/mimetypes"
cp "$here/share/icons/hicolor/scalable/apps/countdesk.svg" \
  "$share/icons/hicolor/scalable/mimetypes/application-x-countdesk.svg"
ln -sfn "$prefix/countdesk" "$bin/countdesk"
refresh_caches
echo "install.sh: installed countdesk in $prefix, menu entry and .countdesk file type for the $scope"

if [ "$check" = 1 ]; then
  echo "install.sh: checking the installation (countdesk --self-test)"
  QT_QPA_PLATFORM=offscreen "$prefix/countdesk" --self-test
fi
