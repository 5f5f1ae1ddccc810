"""A font read from the on-disk cache is the font reportlab parses, and the cache never decides a document."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from desk.render import font_cache
from desk.render.fonts import default_fonts


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


def _chinese_font() -> tuple[Path, int]:
    info = default_fonts().face("宋体", east_asian=True).info
    return info.path, info.index


def _state(font: TTFont) -> dict[str, object]:
    face = dict(vars(font.face))
    for name in ("_ttf_data", "glyphToChar", "_pdfScale"):
        face.pop(name, None)
    face["hmetrics"], face["glyphPos"] = list(face["hmetrics"]), list(face["glyphPos"])  # type: ignore[call-overload]
    return face


def test_a_cached_font_is_the_font_reportlab_parses(cache: Path) -> None:
    path, index = _chinese_font()
    parsed = TTFont("Parsed", str(path), subfontIndex=index, asciiReadable=False)
    first = font_cache.load_font("First", path, index, ascii_readable=False)  # parses, and keeps what it parsed
    assert len(list(cache.glob("*.pickle"))) == 1
    cached = font_cache.load_font("Cached", path, index, ascii_readable=False)
    assert type(cached.face._ttf_data) is not bytes  # from the cache: the font file mapped, not parsed
    assert set(vars(cached)) == set(vars(parsed)) and cached.shapable == parsed.shapable
    assert set(vars(cached.face)) == set(vars(parsed.face)) - {"glyphToChar"}
    assert _state(cached) == _state(parsed) == _state(first)
    assert cached.face.hmetrics[3:6] == parsed.face.hmetrics[3:6]
    assert [cached.face._pdfScale(v) for v in (0, 1, 1024)] == [parsed.face._pdfScale(v) for v in (0, 1, 1024)]
    assert cached.face.get_table("glyf") == parsed.face.get_table("glyf")
    chars = [ord(c) for c in "责令改正通知书〔〕壹贰叁"]
    assert cached.face.makeSubset(chars) == parsed.face.makeSubset(chars)


def test_the_same_pdf_with_and_without_the_cache(cache: Path, tmp_path: Path) -> None:
    """Fresh processes: the first parses the fonts and fills the cache, the second reads it; same bytes."""
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import specimens; "
              "from desk.render.pdf import render_pdf; sys.stdout.buffer.write(render_pdf(specimens.decision()))")
    env = {**os.environ, "DESK_CACHE": str(cache.parent), "DESK_HOME": str(tmp_path / "home")}
    cold = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True).stdout
    kept = sorted(cache.glob("*.pickle"))
    assert kept
    warm = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True).stdout
    assert cold.startswith(b"%PDF") and warm == cold
    assert sorted(cache.glob("*.pickle")) == kept


def test_a_changed_font_file_misses_the_cache(cache: Path, tmp_path: Path) -> None:
    path, index = _chinese_font()
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    font_cache.load_font("A", copy, index, ascii_readable=False)
    os.utime(copy, ns=(1_000_000_000, 1_000_000_000))  # the same path, another modification time
    font_cache.load_font("B", copy, index, ascii_readable=False)
    assert len(list(cache.glob("*.pickle"))) == 2


def test_an_unreadable_or_foreign_cache_file_is_parsed_again_and_replaced(cache: Path) -> None:
    path, index = _chinese_font()
    font_cache.load_font("A", path, index, ascii_readable=False)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"\x80\x05truncated")
    parsed_again = font_cache.load_font("B", path, index, ascii_readable=False)
    assert type(parsed_again.face._ttf_data) is bytes  # parsed again
    entry.write_bytes(pickle.dumps(subprocess.Popen))  # a class the cache never holds: refused, not loaded
    font = font_cache.load_font("C", path, index, ascii_readable=False)
    assert type(font.face._ttf_data) is bytes and font.face.charWidths
    again = font_cache.load_font("D", path, index, ascii_readable=False)
    assert type(again.face._ttf_data) is not bytes  # rewritten, readable again


def test_a_cache_that_cannot_be_written_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("DESK_CACHE", str(blocked))
    path, index = _chinese_font()
    assert font_cache.load_font("A", path, index, ascii_readable=False).face.charWidths
