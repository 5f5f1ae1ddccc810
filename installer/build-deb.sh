#!/usr/bin/env bash
# Builds Desk's PyInstaller bundle (installer/desk.spec) and a .deb of it:
#   installer/build-deb.sh            → build/desk_<version>_<arch>.deb (prints its path)
# The package installs the bundle into /opt/desk, the `desk` command (/usr/bin/desk → /opt/desk/desk), the
# desktop entry, the MIME type of case files, the AppStream metainfo and the icons. It Depends on the Chinese
# TrueType fonts Desk prints with and on the system libraries Qt uses. It has no maintainer scripts: dpkg's
# triggers refresh the desktop, MIME and icon caches, and removing it never touches the users' data
# (~/.local/share/Desk). Environment: DESK_PYTHON (the venv's python with Desk installed; default .venv),
# DESK_BUILD (output folder; default build/), DESK_REUSE_BUNDLE=1 (package build/dist/desk as it is).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${DESK_PYTHON:-$ROOT/.venv/bin/python}
OUT=${DESK_BUILD:-$ROOT/build}
VERSION=$("$PY" -c "import desk; print(desk.__version__)")
ARCH=$(dpkg --print-architecture)
ID=org.desk.Desk

DEPENDS=(
  # the fonts the PDF renderer embeds (宋体/仿宋 → AR PL UMing, 楷体 → AR PL UKai, 黑体 → WenQuanYi Zen Hei)
  fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
  # Qt's system libraries (the same list dev.sh installs, measured on a bare Debian 12)
  libglib2.0-0 libfontconfig1 libdbus-1-3 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xfixes0 libxcb-xkb1 libcups2
)
# a Wayland session: without these Qt opens the window through XWayland
RECOMMENDS=(libwayland-client0 libwayland-cursor0)

if [ -z "${DESK_REUSE_BUNDLE:-}" ]; then
  "$PY" -m PyInstaller --version >/dev/null 2>&1 || "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10"
  started=$(date +%s)
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/pyinstaller" installer/desk.spec
  echo "== PyInstaller bundle built in $(( $(date +%s) - started )) s: $(du -sh "$OUT/dist/desk" | cut -f1)" >&2
fi

PKG=$OUT/deb/desk_${VERSION}_$ARCH
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin"
cp -a "$OUT/dist/desk" "$PKG/opt/desk"
ln -s /opt/desk/desk "$PKG/usr/bin/desk"
install -D -m644 resources/$ID.desktop "$PKG/usr/share/applications/$ID.desktop"
install -D -m644 resources/$ID.metainfo.xml "$PKG/usr/share/metainfo/$ID.metainfo.xml"
install -D -m644 resources/$ID.mime.xml "$PKG/usr/share/mime/packages/$ID.xml"
install -D -m644 resources/desk.svg "$PKG/usr/share/icons/hicolor/scalable/apps/$ID.svg"
for png in resources/icons/desk-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m644 "$png" "$PKG/usr/share/icons/hicolor/${size}x$size/apps/$ID.png"
done

deps=$(printf '%s, ' "${DEPENDS[@]}"); deps=${deps%, }
recommends=$(printf '%s, ' "${RECOMMENDS[@]}"); recommends=${recommends%, }
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: desk
Version: $VERSION
Architecture: $ARCH
Maintainer: Desk <desk@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
Depends: $deps
Recommends: $recommends
Section: misc
Priority: optional
Homepage: https://localhost/desk
Description: administrative enforcement case files (行政执法案卷)
 Desk drafts, numbers, serves, binds and archives the case files of an
 administrative law-enforcement bureau (综合行政执法局). Legal-affairs
 reviewers draft the standard enforcement documents, squad clerks number,
 serve and print them, archivists receive the bound dossier and a verifiable
 signed archive package. Runs on its own SQLite database or an office's
 shared PostgreSQL database.
CONTROL

DEB=$OUT/desk_${VERSION}_$ARCH.deb
# gzip: every dpkg reads it (统信UOS and 麒麟 ship older ones), and it packs in seconds where xz takes minutes
dpkg-deb --root-owner-group -Zgzip --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
