"""Render Desk's icon from its SVG source: resources/icons/desk-<size>.png and the Windows resources/desk.ico.

Run after editing resources/desk.svg (Qt's SVG renderer, so no other tool is needed):
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_icons.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` pixels, antialiased, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> None:
    _app = QGuiApplication([])
    svg = RESOURCES / "desk.svg"
    pngs = {size: render(svg, size) for size in SIZES}
    for size, data in pngs.items():
        (RESOURCES / "icons" / f"desk-{size}.png").write_bytes(data)
    # every ICO size drawn from the vector source (not scaled down from the largest picture)
    images = [Image.open(io.BytesIO(pngs[s])) for s in ICO_SIZES]
    images[-1].save(RESOURCES / "desk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=images[:-1])


if __name__ == "__main__":
    main()
