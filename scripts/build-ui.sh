#!/usr/bin/env bash
# Builds the web UI into ui/dist, the folder tauri.conf.json's `frontendDist` points at.
# For now the UI is the static page in ui/static, copied as is; the React UI replaces this step.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rm -rf "$root/ui/dist"
mkdir -p "$root/ui/dist"
cp -R "$root/ui/static/." "$root/ui/dist/"
echo "build-ui: ui/static -> ui/dist"
