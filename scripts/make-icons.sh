#!/usr/bin/env bash
# Regenerates the application icons in icons/ from a drawn source (needs ImageMagick, DejaVu fonts
# and Node): a dark teal rounded square with a white «س» (for سند) and a gold rule.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
convert -background none -fill white -font "$font" -pointsize 600 label:'س' -trim +repage \
  -resize 600x "$work/glyph.png"
convert -size 1024x1024 xc:none -fill '#0f4c4c' -draw "roundrectangle 64,64 959,959 180,180" \
  "$work/glyph.png" -gravity center -geometry +0-40 -composite \
  -gravity northwest -fill '#e8c35a' -stroke none -draw "roundrectangle 322,730 702,762 16,16" \
  "$root/icons/app-icon.png"

npx --yes @tauri-apps/cli@^2 icon "$root/icons/app-icon.png" --output "$work/out"
for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico icon.icns; do
  cp "$work/out/$f" "$root/icons/$f"
done
echo "make-icons: icons/ regenerated"
