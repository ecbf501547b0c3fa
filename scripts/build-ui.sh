#!/usr/bin/env bash
# Builds the web UI (ui/: React, TypeScript, Vite) into ui/dist, the folder tauri.conf.json's
# `frontendDist` points at. Installs the npm packages from ui/package-lock.json when they are
# missing or older than the lock file. The app embeds ui/dist at compile time: build the UI first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/ui"
command -v npm >/dev/null || { echo "build-ui: Node.js and npm are needed (Node 20 or later)" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
echo "build-ui: ui/ -> ui/dist"
