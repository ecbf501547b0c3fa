#!/usr/bin/env bash
# Installs the system packages Sanad Desk needs to build, test and run on Debian 12 / Ubuntu,
# skipping what is already there. Needs root (or sudo) for apt-get.
set -euo pipefail

packages=(
  # building: C toolchain, OpenSSL headers, the webview stack Tauri links against
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  # tests: a real PostgreSQL server (started by scripts/pg-test-server.sh)
  postgresql openssl
  # tests: a real SMTP server on loopback for the outbox (scripts/smtp-test-sink.py)
  python3-aiosmtpd
  # slips: CUPS (libcups2-dev to link), a PDF printer, and the tools that check rendered slips
  cups printer-driver-cups-pdf libcups2-dev poppler-utils zbar-tools librsvg2-bin
  # certified copies: qpdf checks their structure (the sRGB profile they embed is icc-profiles-free's)
  qpdf icc-profiles-free
  # tests: the OS keychain (a Secret Service in a private D-Bus session)
  gnome-keyring dbus-x11
  # running without a screen: a virtual display
  xvfb
  # end-to-end tests of the real app: WebKitWebDriver (tauri-driver drives it)
  webkit2gtk-driver
  # the portal's browser test: headless Chromium and its WebDriver (portal-e2e/)
  chromium chromium-driver fonts-noto-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "Run as root, or install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "Installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts a default cluster on install; the tests use their own, so stop it if it runs.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h 2>/dev/null | awk '$4=="online"{print $1, $2}' | while read -r v c; do
    $sudo pg_ctlcluster "$v" "$c" stop || true
  done
fi
