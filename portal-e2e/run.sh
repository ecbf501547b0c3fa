#!/usr/bin/env bash
# The portal's browser test: prepares a database with `sanad` (an agency, its officer with a
# one-time password, a request registered at a desk with its PIN), starts a real sanad-portal on
# loopback and chromedriver, and runs portal-e2e/portal.mjs in headless Chromium. Screenshots
# land in $SHOTS (default: $CARGO_TARGET_DIR/portal-screenshots). Needs the keychain session
# (run under scripts/with-keyring.sh, as scripts/test.sh does) and a debug build of sanad and
# sanad-portal. SANAD_PORTAL_E2E_DB=postgres://… runs it on that (empty) PostgreSQL database, the
# portal connected as the role `sanad portal create-role` makes.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
sanad="$PWD/$target/debug/sanad"
[ -x "$sanad" ] || sanad="$target/debug/sanad"
portal_bin="$target/debug/sanad-portal"
export SHOTS=${SHOTS:-$target/portal-screenshots}
work=$(mktemp -d /tmp/sanad-portal-e2e.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

export SANAD_DB=${SANAD_PORTAL_E2E_DB:-sqlite://$work/portal.db}
admin_pw=admin-password-1
export STAFF_PW=staff-password-1
s() { "$sanad" "$@"; }
SANAD_PASSWORD=$admin_pw s init --admin admin --name "مسئول سامانه" >/dev/null
as_admin() { SANAD_PASSWORD=$admin_pw s --as admin "$@"; }
org=$(as_admin --json org add --name "اداره کل راه و شهرسازی" --kind agency | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
doc=$(as_admin --json doc add --registry-number "۱۴۰۰-۱" --title "سند مالکیت پلاک ۱۲ بخش ۲" --org "$org" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
as_admin --json doc add --registry-number "۱۴۰۰-۲" --title "سند مالکیت پلاک ۱۳ بخش ۲" --org "$org" >/dev/null
as_admin --json setting portal-address "https://sanad.example.ir" >/dev/null
for u in clerk reviewer director; do
  SANAD_NEW_PASSWORD=$STAFF_PW as_admin user add "$u" --role "$u" --name "کاربر $u" >/dev/null
done
SANAD_NEW_PASSWORD=$STAFF_PW as_admin portal-user add officer --org "$org" --name "کارشناس اداره راه" >/dev/null
export OTP=$(as_admin --json portal-user reset-password officer | python3 -c 'import json,sys; print(json.load(sys.stdin)["one_time_password"])')
request=$(cat <<JSON
{"requesting_org": "$org", "destination_org": null, "documents": ["$doc"],
 "dispatch_mode": "electronic_copy", "return_due": null,
 "applicant": {"name": "علی رضایی", "national_code": "0499370899", "mobile": "09121234567", "email": null},
 "letter": {"number": "۱۲۳/ص/۴۵", "date": "1404/08/01"},
 "purpose": "ارسال سند برای تنظیم قرارداد", "priority": "normal"}
JSON
)
echo "$request" >"$work/request.json"
registered=$(SANAD_PASSWORD=$STAFF_PW s --as clerk request new --file "$work/request.json")
export CODE=$(echo "$registered" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tracking_code"])')
export PIN=$(echo "$registered" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tracking_pin"])')
export SANAD_BIN=$sanad
export ADMIN_PW=$admin_pw
# The agency's scanned letter the form uploads: a real grey page as a PNG.
python3 - "$work/letter.png" <<'PY'
import struct, sys, zlib
w, h = 240, 320
raw = b"".join(b"\x00" + bytes([235]) * w for _ in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
export LETTER="$work/letter.png"

# Issue 15: a request the court (a third party) receives as a certified electronic copy. The
# deed's scan (the grey page) and the directorate's signing key, a court officer, and the
# request taken to dispatch with `sanad`; the officer downloads it in the browser.
court=$(as_admin --json org add --name "دادگستری استان" --kind third_party | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
as_admin --json doc attach "$doc" --file "$LETTER" >/dev/null
as_admin key init >/dev/null
SANAD_NEW_PASSWORD=$STAFF_PW as_admin user add ministry --role ministry --name "کاربر ministry" >/dev/null
export COURT_PW=court-password-1
SANAD_NEW_PASSWORD=$COURT_PW as_admin portal-user add court1 --org "$court" --name "کارشناس دادگستری" >/dev/null
python3 - "$work/request.json" "$court" >"$work/court.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["destination_org"] = sys.argv[2]
print(json.dumps(r, ensure_ascii=False))
PY
export ECODE=$(SANAD_PASSWORD=$STAFF_PW s --as clerk request new --file "$work/court.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tracking_code"])')
for step in "reviewer start_review" "reviewer forward" "director approve" "ministry approve" "clerk dispatch"; do
  set -- $step
  SANAD_PASSWORD=$STAFF_PW s --as "$1" request act "$ECODE" "$2" >/dev/null
done
export COPY_TOKEN=$(SANAD_PASSWORD=$STAFF_PW s --as clerk --json ecopy "$ECODE" --out "$work/issued.pdf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export WORK="$work"
# On PostgreSQL the portal connects as its own least-privilege role (`sanad portal create-role`),
# as an office runs it; the desks' steps (`sanad` in portal.mjs) stay on the owner's login.
portal_db=$SANAD_DB
case "$SANAD_DB" in
  postgres://*)
    role=sanad_portal_e2e
    role_pw=portal-role-password-1
    SANAD_NEW_PASSWORD=$role_pw as_admin portal create-role "$role" >/dev/null
    portal_db=$(python3 - "$SANAD_DB" "$role" "$role_pw" <<'PY'
import sys, urllib.parse as u
url, role, pw = sys.argv[1:]
p = u.urlsplit(url)
host = p.netloc.rsplit("@", 1)[-1]
print(u.urlunsplit((p.scheme, f"{role}:{u.quote(pw)}@{host}", p.path, p.query, p.fragment)))
PY
)
    ;;
esac

port=${SANAD_PORTAL_E2E_PORT:-18088}
"$portal_bin" --listen "127.0.0.1:$port" --db "$portal_db" >"$work/portal.log" 2>&1 &
pids+=($!)
export PORTAL_URL="http://127.0.0.1:$port"
driver_port=$((port + 1))
chromedriver --port="$driver_port" >"$work/driver.log" 2>&1 &
pids+=($!)
export DRIVER_URL="http://127.0.0.1:$driver_port"
for _ in $(seq 1 100); do
  curl -sf "$PORTAL_URL/style.css" >/dev/null && curl -sf "$DRIVER_URL/status" >/dev/null && break
  sleep 0.1
done
node portal-e2e/portal.mjs || { cat "$work/portal.log" >&2; exit 1; }
