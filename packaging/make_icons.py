"""Render packaging/icons/govplanner.svg to the PNG sizes Linux wants and a multi-size Windows .ico.

Run after editing the SVG and commit the results:  python packaging/make_icons.py
Needs PySide6 (QtSvg), which the project already depends on; no other image library.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "govplanner.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Windows reads small icon images fastest and everywhere as bitmaps; 256 px is stored as PNG,
# as Windows Vista and later expect, to keep the file small.
ICO_PNG_FROM = 256


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn onto a transparent square of `size` pixels (straight, not premultiplied)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not encode a PNG (is the imageformats plugin missing?)")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA device-independent bitmap as stored inside .ico files (bottom-up rows)."""
    size = image.width()
    pixels = bytes(image.constBits())  # ARGB32 is B, G, R, A in memory on little-endian hosts
    if sys.byteorder != "little":
        raise SystemExit("make_icons.py writes .ico bitmaps on little-endian machines only")
    stride = image.bytesPerLine()
    rows = [pixels[y * stride : y * stride + size * 4] for y in reversed(range(size))]
    mask_stride = (size + 31) // 32 * 4
    mask = bytearray()
    for row in rows:  # the AND mask marks fully transparent pixels, for old renderers
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(rows) + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows icon file holding one image per size."""
    payloads = [
        png_bytes(images[s]) if s >= ICO_PNG_FROM else dib_bytes(images[s]) for s in ICO_SIZES
    ]
    offset = 6 + 16 * len(ICO_SIZES)
    directory = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    for size, payload in zip(ICO_SIZES, payloads, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory's one-byte field
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return directory + b"".join(payloads)


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: Qt could not read this SVG")
    images = {size: render(renderer, size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    (ICONS / "png").mkdir(exist_ok=True)
    for size in PNG_SIZES:
        target = ICONS / "png" / f"govplanner-{size}.png"
        target.write_bytes(png_bytes(images[size]))
        print(target.relative_to(ICONS.parent.parent))
    (ICONS / "govplanner.ico").write_bytes(ico_bytes(images))
    print((ICONS / "govplanner.ico").relative_to(ICONS.parent.parent))
    del app


if __name__ == "__main__":
    main()
