#!/usr/bin/env bash
# CI step after the test suite: build the .deb, install it on this machine, run the installed Desk, remove it.
# Fails (non-zero) when any step fails. Prints the figures: .deb size, bundle build time, cold start.
#   installer/check-deb.sh [DEB]      (without DEB: installer/build-deb.sh builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_DEB_MB=200
START_TARGET_S=1.5
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
step() { echo "== $*"; }

if [ $# -ge 1 ]; then
  DEB=$1
else
  started=$(date +%s)
  DEB=$(installer/build-deb.sh | tail -n1)
  step "built $DEB in $(( $(date +%s) - started )) s"
fi
version=$(dpkg-deb -f "$DEB" Version)
size=$(stat -c %s "$DEB")
step ".deb size: $(( size / 1024 / 1024 )) MB (limit $MAX_DEB_MB MB)"
[ "$size" -le $(( MAX_DEB_MB * 1024 * 1024 )) ] || { echo "the .deb is larger than $MAX_DEB_MB MB" >&2; exit 1; }

if dpkg -s desk >/dev/null 2>&1; then echo "desk is installed already: remove it first" >&2; exit 1; fi
home=$(mktemp -d /tmp/desk-check-home.XXXXXX)
cleanup() { dpkg -s desk >/dev/null 2>&1 && as_root dpkg -r desk >/dev/null; rm -rf "$home"; }
trap cleanup EXIT

step "dpkg -i"
as_root dpkg -i "$DEB"
# a fresh user: nothing of this machine's Desk settings, database or display
run() { env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }

step "/opt/desk/desk --version"
[ "$(LC_ALL=C ls -A /opt/desk | tr '\n' ' ')" = "_internal desk " ] || { echo "unexpected layout of /opt/desk (installer/layout.py)" >&2; exit 1; }
got=$(run /opt/desk/desk --version)
[ "$got" = "desk $version" ] || { echo "expected 'desk $version', got '$got'" >&2; exit 1; }
[ "$(readlink -f /usr/bin/desk)" = /opt/desk/desk ] || { echo "/usr/bin/desk is not /opt/desk/desk" >&2; exit 1; }
run desk --version >/dev/null

step "desk demo in a fresh HOME"
cases=$(run desk demo | wc -l)
[ "$cases" -ge 1 ] || { echo "desk demo made no case" >&2; exit 1; }
[ -f "$home/.local/share/Desk/desk.sqlite3" ] || { echo "no database in ~/.local/share/Desk" >&2; exit 1; }
run desk dossier 2 -o "$home/dossier.pdf" >/dev/null  # templates, rules, fonts and the PDF renderer from the bundle
step "desk gui --screenshot (offscreen)"
shot=$(run desk gui --screenshot "$home/window.png" | tail -n1)
{ [ "$shot" = "$home/window.png" ] && [ "$(stat -c %s "$shot")" -gt 20000 ]; } || { echo "no screenshot" >&2; exit 1; }
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "not a PNG" >&2; exit 1; }

step "cold start of the installed app to the window (first run after installing, then the median of 5)"
times=()
for i in 1 2 3 4 5 6; do
  marks=$(run env DESK_LAUNCHED_AT="$(date +%s.%N)" /usr/bin/desk gui --quit-when-shown | tail -n1)
  times+=("$(echo "$marks" | sed -E 's/.*"shown": ([0-9.]+).*/\1/')")
  [ "$i" = 1 ] && echo "first start: $marks (seconds from launch: window shown, first rows shown)"
done
median=$(printf '%s\n' "${times[@]:1}" | sort -n | sed -n 3p)
echo "cold start to the window: first ${times[0]} s, median of the next 5 $median s (target ≤ $START_TARGET_S s)"
awk -v t="${times[0]}" -v max="$START_TARGET_S" 'BEGIN { exit !(t <= max) }' \
  || echo "WARNING: the first start took longer than $START_TARGET_S s on this machine"

step "dpkg -r"
as_root dpkg -r desk
[ ! -e /opt/desk ] && [ ! -e /usr/bin/desk ] || { echo "dpkg -r left files behind" >&2; exit 1; }
[ -f "$home/.local/share/Desk/desk.sqlite3" ] || { echo "removing the package removed the user's data" >&2; exit 1; }
step "the .deb installs, runs and uninstalls (user data kept)"
