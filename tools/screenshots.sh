#!/bin/sh
# The README's screenshots: every view in zh_CN, zh_TW and English at 1366×768, over a fresh demo database
# (offscreen; a block of forms has one spoiled). Usage: tools/screenshots.sh [OUTDIR] (default docs/screenshots)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/screenshots}
desk=${DESK:-$root/.venv/bin/desk}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export DESK_HOME="$home" DESK_DATABASE_URL="sqlite:///$home/desk.sqlite3" QT_QPA_PLATFORM=offscreen
export DESK_PASSPHRASE="${DESK_PASSPHRASE:-screenshots}"
"$desk" demo >/dev/null
"$desk" forms spoil --reason 填写错误 东综执简罚决字〔2026〕102号 >/dev/null
mkdir -p "$out"
for lang in zh_CN zh_TW en; do
  for view in list case editor dossier check forms; do
    DESK_LANG=$lang "$desk" gui --user chenjg --case 东综执立字〔2026〕8号 --view "$view" \
      --screenshot "$out/$view-$lang.png" >/dev/null 2>&1
  done
done
