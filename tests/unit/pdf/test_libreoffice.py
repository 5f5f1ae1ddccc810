"""The optional LibreOffice backend: same fonts as Desk through fontconfig aliases, a clear error without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.errors import UserError
from desk.render.fonts import default_fonts
from desk.render.pdf import libreoffice


def test_fontconfig_aliases_name_desks_fonts() -> None:
    conf = libreoffice.fontconfig_conf(default_fonts())
    target = default_fonts().family_name("fangsong")
    assert "<string>仿宋_GB2312</string>" in conf
    assert f"<string>{target}</string>" in conf
    assert "/etc/fonts/fonts.conf" in conf


def test_missing_libreoffice_is_a_user_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(libreoffice, "soffice", lambda: None)
    with pytest.raises(UserError) as raised:
        libreoffice.render_pdf_libreoffice(b"PK")
    assert raised.value.key == "libreoffice_missing"
