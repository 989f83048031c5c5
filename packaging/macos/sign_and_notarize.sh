#!/usr/bin/env bash
# Signs, notarises and staples countdesk.app, then wraps it in a signed, notarised disk image.
# Run on a Mac with Xcode's command-line tools, a "Developer ID Application" certificate in the
# keychain and a notarytool profile (see packaging/README.md, "macOS"):
#
#   export COUNTDESK_CODESIGN_IDENTITY="Developer ID Application: Example Council (TEAMID1234)"
#   export COUNTDESK_NOTARY_PROFILE=countdesk-notary
#   bash packaging/macos/sign_and_notarize.sh
#
# The build (packaging/build.sh) signs every binary with the identity and the hardened runtime
# when COUNTDESK_CODESIGN_IDENTITY is set; this script checks that, proves the signed app still
# passes its self-test, and does the notarisation that needs Apple's service.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${COUNTDESK_CODESIGN_IDENTITY:?set it to your Developer ID Application identity}"
: "${COUNTDESK_NOTARY_PROFILE:?set it to the notarytool keychain profile name}"

[ "$(uname -s)" = Darwin ] || { echo "sign_and_notarize.sh: run me on macOS" >&2; exit 2; }
bash packaging/build.sh --clean
app=dist/countdesk.app
version=$(.venv/bin/python -c "import countdesk; print(countdesk.__version__)")

echo "== checking the signature"
codesign --verify --deep --strict --verbose=2 "$app"
codesign --display --verbose=2 "$app" 2>&1 | grep -E "Authority=Developer ID Application|flags=.*runtime"

echo "== self-test of the signed app"
"$app/Contents/MacOS/countdesk" --self-test

echo "== notarising the app"
ditto -c -k --keepParent "$app" dist/countdesk-notarise.zip
xcrun notarytool submit dist/countdesk-notarise.zip --keychain-profile "$COUNTDESK_NOTARY_PROFILE" --wait
xcrun stapler staple "$app"
rm -f dist/countdesk-notarise.zip
spctl --assess --type execute --verbose "$app"

echo "== disk image"
dmg="dist/countdesk-$version-macos.dmg"
rm -f "$dmg"
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "countdesk $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"
codesign --sign "$COUNTDESK_CODESIGN_IDENTITY" --timestamp "$dmg"
xcrun notarytool submit "$dmg" --keychain-profile "$COUNTDESK_NOTARY_PROFILE" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"
echo "sign_and_notarize.sh: $dmg is signed, notarised and stapled"
