#!/usr/bin/env bash
# Builds the Linux .deb of the desktop app with the Tauri CLI (pinned in ui/package.json), in the
# debug profile to reuse the tests' build, and checks what it holds: this proves the bundle
# configuration of tauri.conf.json on every CI run (the Windows installers are built by
# .github/workflows/windows-installer.yml on a Windows runner). Prints the .deb's path.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x ui/node_modules/.bin/tauri ] || (cd ui && npm ci --no-audit --no-fund >&2)
ui/node_modules/.bin/tauri build --ci --debug --bundles deb >&2
target=${CARGO_TARGET_DIR:-target}
deb=$(ls -t "$target"/debug/bundle/deb/*.deb | head -n 1)
contents=$(dpkg-deb --contents "$deb")
for path in usr/bin/sanad-desk "usr/share/applications/[^/]+\\.desktop" usr/share/icons/; do
  grep -qE " (\./)?$path" <<<"$contents" || { echo "bundle-deb: $path missing from $deb" >&2; exit 1; }
done
depends=$(dpkg-deb --field "$deb" Depends)
grep -q "libwebkit2gtk-4.1" <<<"$depends" || { echo "bundle-deb: Depends lacks WebKitGTK: $depends" >&2; exit 1; }
echo "$deb"
