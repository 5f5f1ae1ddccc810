"""The optional LibreOffice backend: ``soffice --headless --convert-to pdf``, never required.

Each process uses a private LibreOffice profile (``-env:UserInstallation``) so it never touches the user's
own and never collides with a running LibreOffice; calls within a process take turns. LibreOffice is told to
use the same fonts as Desk's renderer through a fontconfig configuration that aliases every template font name
(仿宋_GB2312 → the installed font ``fonts.FontMap`` chose), so both backends print with the same faces.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from desk.errors import UserError
from desk.render.fonts import FontMap, default_fonts

_LOCK = threading.Lock()


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def _workdir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="desk-lo-"))
    atexit.register(shutil.rmtree, path, True)
    return path


def fontconfig_conf(fonts: FontMap) -> str:
    """A fontconfig configuration that adds Desk's font aliases to the system's (for names not installed)."""
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<fontconfig>",
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ]
    lines += [f"  <dir>{escape(str(d))}</dir>" for d in fonts.dirs[:1]]
    for alias, family in sorted(fonts.aliases.items()):
        if fonts.family(alias, east_asian=True).startswith("="):
            continue  # installed under that very name: both sides use it as it is
        target = fonts.family_name(family)
        if target and target != alias:
            lines += [
                f'  <match target="pattern"><test name="family"><string>{escape(alias)}</string></test>',
                f'    <edit name="family" mode="assign" binding="strong"><string>{escape(target)}</string>'
                "</edit></match>",
            ]
    lines.append("</fontconfig>")
    return "\n".join(lines) + "\n"


def _environment(fonts: FontMap) -> dict[str, str]:
    conf = _workdir() / "fonts.conf"
    text = fontconfig_conf(fonts)
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        conf.write_text(text, encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def convert(paths: Sequence[Path], outdir: Path, *, fonts: FontMap | None = None, timeout: float = 300) -> list[Path]:
    """Convert DOCX files to PDF in one LibreOffice run; the PDFs, in ``outdir``."""
    exe = soffice()
    if exe is None:
        raise UserError("libreoffice_missing")
    profile = (_workdir() / "profile").as_uri()
    outdir.mkdir(parents=True, exist_ok=True)
    command = [
        exe,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, paths),
    ]
    with _LOCK:
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, env=_environment(fonts or default_fonts())
            )
        except subprocess.TimeoutExpired:
            raise UserError("libreoffice_failed", detail=f"no answer within {timeout:g} s") from None
    outputs = [outdir / (p.stem + ".pdf") for p in paths]
    missing = [p.name for p in outputs if not p.is_file()]
    if missing:
        detail = done.stderr.decode(errors="replace").strip() or f"exit code {done.returncode}"
        raise UserError("libreoffice_failed", detail=f"{', '.join(missing)}: {detail}")
    return outputs


def render_pdf_libreoffice(
    docx: bytes | Path, out: Path | None = None, *, fonts: FontMap | None = None, timeout: float = 120
) -> bytes:
    """The PDF of one DOCX file, by LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="desk-lo-") as tmp:
        source = Path(tmp) / "document.docx"
        source.write_bytes(docx.read_bytes() if isinstance(docx, Path) else docx)
        (pdf_path,) = convert([source], Path(tmp), fonts=fonts, timeout=timeout)
        pdf = pdf_path.read_bytes()
    if out is not None:
        out.write_bytes(pdf)
    return pdf
