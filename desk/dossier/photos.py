"""A JPEG or PNG picture scaled onto one A4 page above its caption (题名, 制作人, 制作时间, 证明对象).

The binder's reportlab pass draws the caption and a framed, empty box (``PhotoPage`` records where); the picture
goes into the box afterwards with pikepdf (``place_picture``): a JPEG as it is (no decoding, its EXIF
orientation applied by the placing matrix), the rows of a plain PNG as they are, any other picture decoded
and flate-compressed (transparency flattened onto white). The file is read once (``read_picture``, which
checks it as the pages are gathered).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from desk.casefile.evidence_files import image_error
from desk.dossier.plan import Item
from desk.dossier.typeset import MARGIN, PAGE, Ledger, Typesetter
from desk.i18n import format_date

_ORIENTATION = 0x0112
_TURNS = {3: 180, 6: -90, 8: 90}  # EXIF orientation → degrees to turn (mirrored variants are drawn unturned)
_JPEG_SPACES = {"L": pikepdf.Name.DeviceGray, "RGB": pikepdf.Name.DeviceRGB}
GAP = 4 * mm
PAD = 2 * mm


class PhotoPage(Flowable):
    """A thin frame above the caption, filling the page: the frame takes the room the caption leaves (the caption
    is sized once, as the page is laid out); records the frame's page and rectangle as picture ``n``."""

    def __init__(self, ledger: Ledger, n: int, caption: Table, width: float) -> None:
        super().__init__()
        self.ledger, self.n, self.caption, self.width = ledger, n, caption, width
        self.room = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, below = self.caption.wrap(self.width, PAGE[1])
        self.room = PAGE[1] - 2 * MARGIN - below - GAP - 1
        self.height = self.room + GAP + below
        return self.width, self.height

    def draw(self) -> None:
        bottom = self.height - self.room
        self.canv.saveState()
        self.canv.setLineWidth(0.5)
        self.canv.rect(0, bottom, self.width, self.room)
        self.canv.restoreState()
        x, y = self.canv.absolutePosition(0, bottom)
        self.ledger.boxes[self.n] = (self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.room))
        self.caption.drawOn(self.canv, 0, 0)


def photo_page(ts: Typesetter, item: Item, ledger: Ledger, n: int) -> Flowable:
    """The flowable of one captioned picture page."""
    value = ts.style(11)
    proves = item.attachment.proves if item.attachment else item.number
    rows = [("题　　名", item.title), ("制 作 人", item.author), ("制作时间", format_date(item.on)),
            ("证明对象", proves or "")]
    width = PAGE[0] - 2 * MARGIN
    caption = Table([[a, ts.para(b, value)] for a, b in rows], colWidths=[28 * mm, width - 28 * mm])
    caption.setStyle(ts.table_style(("FONTNAME", (0, 0), (0, -1), ts.hei.name), ("FONTSIZE", (0, 0), (0, -1), 11),
                                    ("ALIGN", (0, 0), (0, -1), "CENTER"), ("GRID", (0, 0), (-1, -1), 0.75, "black"),
                                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5)))
    return PhotoPage(ledger, n, caption, width)


@dataclass(frozen=True)
class Picture:
    """A stored picture, read and checked once: its bytes, and from its header what placing it takes."""

    data: bytes
    size: tuple[int, int]
    kind: str | None  # PIL's format: JPEG, PNG …
    mode: str
    turn: int  # degrees its EXIF orientation asks for (a JPEG's)


def read_picture(path: Path) -> Picture:
    """The picture at ``path``; ``OSError``, ``UnidentifiedImageError`` or ``SyntaxError`` if it is unreadable."""
    data = path.read_bytes()
    failure = image_error(path, path.name)
    if failure is not None:
        raise OSError(failure[0])
    with Image.open(io.BytesIO(data)) as img:
        turn = _TURNS.get(int(img.getexif().get(_ORIENTATION, 1)), 0) if img.format == "JPEG" else 0
        picture = Picture(data, img.size, img.format, img.mode, turn)
        img.verify()
    return picture


def _image(pdf: pikepdf.Pdf, picture: Picture) -> tuple[pikepdf.Stream, int, int, int]:
    """The picture as an image XObject of ``pdf``, its pixel size and the turn to draw it upright with."""
    xobject = {"Type": pikepdf.Name.XObject, "Subtype": pikepdf.Name.Image, "BitsPerComponent": 8}
    data, (w, h) = picture.data, picture.size
    if picture.kind == "JPEG" and picture.mode in _JPEG_SPACES:
        return pdf.make_stream(data, Width=w, Height=h, ColorSpace=_JPEG_SPACES[picture.mode],
                               Filter=pikepdf.Name.DCTDecode, **xobject), w, h, picture.turn
    plain = _png_rows(data) if picture.kind == "PNG" else None
    if plain is not None:
        rows, colours = plain
        parms = pikepdf.Dictionary(Predictor=15, Colors=colours, BitsPerComponent=8, Columns=w)
        space = pikepdf.Name.DeviceRGB if colours == 3 else pikepdf.Name.DeviceGray
        return pdf.make_stream(rows, Width=w, Height=h, ColorSpace=space, Filter=pikepdf.Name.FlateDecode,
                               DecodeParms=parms, **xobject), w, h, 0
    with Image.open(io.BytesIO(data)) as img:
        rgba = img.convert("RGBA")
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return pdf.make_stream(zlib.compress(flat.tobytes(), 6), Width=w, Height=h, ColorSpace=pikepdf.Name.DeviceRGB,
                           Filter=pikepdf.Name.FlateDecode, **xobject), w, h, 0


def _png_rows(data: bytes) -> tuple[bytes, int] | None:
    """The compressed rows of an 8-bit, grey or RGB, opaque, non-interlaced PNG (a PDF reads them as they are,
    with the PNG predictors), and its number of colours; None for any other PNG."""
    pos, header, idat = 8, b"", []
    while pos + 8 <= len(data):
        length, tag = struct.unpack(">I4s", data[pos:pos + 8])
        if tag == b"IHDR":
            header = data[pos + 8:pos + 8 + length]
        elif tag == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + length])
        elif tag == b"tRNS":
            return None
        elif tag == b"IEND":
            break
        pos += 12 + length
    if len(header) < 13 or header[8] != 8 or header[9] not in (0, 2) or header[12]:
        return None
    return b"".join(idat), 3 if header[9] == 2 else 1


def place_picture(pdf: pikepdf.Pdf, page_index: int, box: Sequence[float], picture: Picture | Path) -> None:
    """Draw the picture (read already, or at a path) centred in ``box`` (less a small margin) on page
    ``page_index``, upright."""
    stream, pw, ph, turn = _image(pdf, picture if isinstance(picture, Picture) else read_picture(picture))
    shown_w, shown_h = (ph, pw) if turn in (90, -90) else (pw, ph)
    x0, y0, x1, y1 = box
    scale = min((x1 - x0 - 2 * PAD) / shown_w, (y1 - y0 - 2 * PAD) / shown_h)
    w, h = shown_w * scale, shown_h * scale
    x, y = x0 + (x1 - x0 - w) / 2, y0 + (y1 - y0 - h) / 2
    # the unit square of the image, scaled to its drawn size, turned, and moved into place
    dw, dh = (h, w) if turn in (90, -90) else (w, h)
    matrix = {0: (dw, 0, 0, dh, x, y), 180: (-dw, 0, 0, -dh, x + w, y + h),
              -90: (0, -dw, dh, 0, x, y + h), 90: (0, dw, -dh, 0, x + w, y)}[turn]
    page = pdf.pages[page_index]
    name = page.add_resource(stream, pikepdf.Name.XObject, prefix="Pic")
    cm = " ".join(f"{v:.4f}" for v in matrix)
    page.contents_add(pdf.make_stream(f"q {cm} cm {name} Do Q\n".encode()))
