#!/usr/bin/env bash
# Desk on a fresh Debian/Ubuntu machine:
#   ./dev.sh start   installs everything, then opens Desk on its SQLite database (offers the demo the first time)
#   ./dev.sh test    installs everything, starts a private PostgreSQL, runs ruff, mypy and the whole suite
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV=${DESK_VENV:-$ROOT/.venv}

APT_PACKAGES=(
  python3-venv
  # Qt's system libraries (measured on a bare bookworm)
  libglib2.0-0 libfontconfig1 libdbus-1-3 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xfixes0 libxcb-xkb1 libcups2
  # Chinese TrueType fonts the PDF renderer embeds
  fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
)
# fonts-liberation: the Latin faces the PDF tests expect (LibreOffice without recommends does not bring them)
TEST_APT_PACKAGES=(poppler-utils postgresql libreoffice-writer-nogui fonts-liberation)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_system() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_python() {
  local extras=$1
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[$extras]"
}

start_postgres() {
  # a private cluster on 127.0.0.1, owned by the postgres user when we are root (initdb refuses root)
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  local dir=${DESK_PG_DIR:-/tmp/desk-pg-$$} port=${DESK_PG_PORT:-54329} run=() remove=""
  [ -z "${DESK_PG_DIR:-}" ] && remove="rm -rf $dir"  # our own folder goes when we exit (40-55 MB)
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  mkdir -p "$dir" && { [ "$(id -u)" = 0 ] && chown postgres "$dir"; true; }
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U desk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-h 127.0.0.1 -p $port -k $dir -F" start >/dev/null
  export DESK_TEST_PG_URL="postgresql+psycopg://desk@127.0.0.1:$port/postgres"
  # expanded now: the EXIT trap runs after this function's locals are gone
  trap "${run[*]} $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1 || true; $remove" EXIT
  trap "exit 130" INT TERM  # Ctrl-C too: through the EXIT trap
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

case "${1:-start}" in
  start)
    install_system "${APT_PACKAGES[@]}"
    install_python postgres
    "$VENV/bin/desk" init
    # no demo data here: the window offers it once, on the default SQLite database only; "desk demo" on demand
    exec "$VENV/bin/desk" "${@:2}"
    ;;
  test)
    install_system "${APT_PACKAGES[@]}" "${TEST_APT_PACKAGES[@]}"
    install_python "dev,postgres"
    start_postgres
    export QT_QPA_PLATFORM=offscreen
    "$VENV/bin/ruff" check .
    "$VENV/bin/mypy"
    set +e
    "$VENV/bin/python" -m pytest "${@:2}"
    rc=$?
    set -e
    if [ $rc = 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi
    exit $rc
    ;;
  *)
    echo "usage: ./dev.sh start | test [pytest args]" >&2
    exit 2
    ;;
esac
