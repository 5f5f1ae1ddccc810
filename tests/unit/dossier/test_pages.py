"""Page-level pieces: stamps in the seen corner of any page, pictures placed upright, page labels."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from desk.dossier.assemble import Pages, assemble
from desk.dossier.photos import place_picture
from desk.dossier.stamps import corner, stamp_pages
from desk.render.fonts import default_fonts

A4 = (595.0, 842.0)


def blank_pdf(pages: int, size: tuple[float, float] = A4) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=size)
    return pdf


def words(pdf: pikepdf.Pdf, page: int) -> list[tuple[float, float, str]]:
    """(x, y from the top, text) of each word as a reader sees page ``page`` (1-based)."""
    buf = io.BytesIO()
    pdf.save(buf)
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"], input=buf.getvalue(),
                         capture_output=True, check=True).stdout.decode()
    return [(float(x), float(y), t) for x, y, t in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', out)]


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_stamp_sits_top_right_as_seen_on_a_turned_page(turn: int) -> None:
    pdf = blank_pdf(1)
    pdf.pages[0].obj.Rotate = turn
    stamp_pages(pdf, [(0, 7)], default_fonts().face("Times New Roman", east_asian=False))
    (x, y, text), = words(pdf, 1)
    seen_w = A4[1] if turn in (90, 270) else A4[0]
    assert text == "7" and x > seen_w - 60 and y < 40


def test_duplex_backs_are_stamped_top_left_and_bottom_is_a_setting() -> None:
    pdf = blank_pdf(2)
    stamp_pages(pdf, [(0, 1), (1, 2)], default_fonts().face("Times New Roman", east_asian=False), duplex=True)
    assert words(pdf, 1)[0][0] > 500 and words(pdf, 2)[0][0] < 60
    page = pdf.pages[0]
    low = corner(page, (10, 12), "bottom-right", back=False)
    assert float(low.lly) < 40 and float(low.urx) > 500


def red_top(path: Path, orientation: int) -> None:
    """A picture that shows red on top and blue below once its EXIF orientation is applied."""
    shown = Image.new("RGB", (200, 100), "blue")
    shown.paste("red", (0, 0, 200, 50))
    # stored turned the other way, so that applying the orientation shows ``shown``
    stored = {1: shown, 3: shown.rotate(180), 6: shown.rotate(90, expand=True), 8: shown.rotate(-90, expand=True)}
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored[orientation].save(path, exif=exif)


def the_image(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    return next(iter(pdf.pages[0].obj.Resources.XObject.values()))


def colours(pdf: pikepdf.Pdf) -> tuple[tuple[int, ...], tuple[int, ...]]:
    buf = io.BytesIO()
    pdf.save(buf)
    png = subprocess.run(["pdftoppm", "-r", "20", "-png", "-"], input=buf.getvalue(), capture_output=True,
                         check=True).stdout
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return img.getpixel((img.width // 2, img.height // 2 - 20)), img.getpixel((img.width // 2, img.height // 2 + 20))


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_a_jpeg_is_placed_upright_and_embedded_as_it_is(tmp_path: Path, orientation: int) -> None:
    path = tmp_path / "p.jpg"
    red_top(path, orientation)
    pdf = blank_pdf(1)
    place_picture(pdf, 0, (100, 200, 495, 642), path)
    top, bottom = colours(pdf)
    assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]
    image = the_image(pdf)
    assert image.Filter == "/DCTDecode" and image.read_raw_bytes() == path.read_bytes()


@pytest.mark.parametrize(("mode", "predictor"), [("RGB", True), ("L", True), ("RGBA", False), ("P", False)])
def test_a_png_keeps_its_rows_when_it_can(tmp_path: Path, mode: str, predictor: bool) -> None:
    img = Image.new("RGB", (120, 80), "blue")
    img.paste("red", (0, 0, 120, 40))
    path = tmp_path / "p.png"
    img.convert(mode).save(path)
    pdf = blank_pdf(1)
    place_picture(pdf, 0, (100, 200, 495, 642), path)
    image = the_image(pdf)
    assert ("/DecodeParms" in image) is predictor
    top, bottom = colours(pdf)
    if mode == "L":
        assert top[0] > bottom[0] + 20  # red is a lighter grey than blue: the rows came through intact
    else:
        assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]


def test_page_labels_name_sheets_and_blanks_and_follow_the_stamps() -> None:
    binder = blank_pdf(4)  # cover, two index pages, reference
    parts = {"cover": range(0, 1), "index": range(1, 3), "reference": range(3, 4)}
    items = [Pages(blank_pdf(3), range(3)), Pages(blank_pdf(2), range(2))]
    bound = assemble(binder, parts, items, duplex=True)
    labels = [(label.start, label.prefix, label.first) for label in bound.labels()]
    assert labels == [(0, "封面", None), (1, "空白", 1), (2, "目录", 1), (4, "", 1), (7, "空白", 2), (8, "", 4),
                      (10, "备考", None)]
    assert bound.items == [range(4, 7), range(8, 10)] and bound.numbered[0] == (4, 1)
