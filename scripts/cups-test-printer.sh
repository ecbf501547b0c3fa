#!/usr/bin/env bash
# Brings up CUPS with a PDF printer for the slip printing tests (ARCHITECTURE.md, "Persian slip PDF and printing") and prints
# the queue's name. Safe to run again: a running scheduler and an existing queue are reused.
# The PDF printer (printer-driver-cups-pdf) writes each job to PDF/ in the submitting user's home
# (from passwd, not $HOME) as *-job_<id>.pdf.
set -euo pipefail
queue=${SANAD_TEST_PRINTER_NAME:-SanadSlipPDF}

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "cups-test-printer: needs root or sudo" >&2; exit 1; }
  sudo=sudo
fi

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  $sudo mkdir -p /run/cups
  $sudo cupsd
  for _ in $(seq 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.2
  done
fi
lpstat -r | grep -q "is running" || { echo "cups-test-printer: cupsd did not start" >&2; exit 1; }

if ! lpstat -p "$queue" >/dev/null 2>&1; then
  $sudo lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd >&2
fi
$sudo cupsenable "$queue" >&2
$sudo cupsaccept "$queue" >&2
echo "$queue"
