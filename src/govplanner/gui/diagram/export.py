"""Write the whole diagram scene to PNG or SVG, in light colours, atomically."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from govplanner.domain.errors import ExportError, GovplannerError
from govplanner.files.atomic import atomic_write_bytes
from govplanner.gui.diagram.scene import DiagramScene
from govplanner.gui.diagram.theme import Theme

PNG_SCALE = 2.0  # crisp when pasted into board papers
MAX_SIDE = 16_000  # pixels: beyond this image viewers struggle
MAX_PIXELS = 64_000_000
SCREEN_DPI = 96


@contextmanager
def _exporting(scene: DiagramScene) -> Iterator[QRectF]:
    """Light theme, no selection outline; yields the area to draw."""
    theme = scene.theme
    scene.exporting = True
    scene.set_theme(Theme.light())
    try:
        yield scene.sceneRect()
    finally:
        scene.exporting = False
        scene.set_theme(theme)


def png_scale(source: QRectF) -> float:
    """The drawing scale: PNG_SCALE unless the image would be too large."""
    width, height = max(source.width(), 1.0), max(source.height(), 1.0)
    return min(
        PNG_SCALE,
        MAX_SIDE / width,
        MAX_SIDE / height,
        math.sqrt(MAX_PIXELS / (width * height)),
    )


def export_png(scene: DiagramScene, path: str | Path) -> None:
    """Write the whole scene as a PNG image at twice screen resolution (less if very large)."""
    with _exporting(scene) as source:
        scale = png_scale(source)
        size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ExportError(f"{Path(path).name}: the diagram is too large to draw as an image.")
        image.setDevicePixelRatio(1.0)
        image.fill(QColor("white"))
        _paint(image, scene, source)
    # PySide6's stubs say bytes, but at run time it takes only a str format.
    _write(path, lambda buffer: image.save(buffer, "PNG"))  # type: ignore[call-overload]


def export_svg(scene: DiagramScene, path: str | Path) -> None:
    """Write the whole scene as an SVG drawing (scalable, editable in Office and Inkscape)."""

    def draw(buffer: QBuffer) -> bool:
        with _exporting(scene) as source:
            generator = QSvgGenerator()
            generator.setOutputDevice(buffer)
            # Fonts are sized for 96 dpi (as on screen and in the PNG); the default 72 dpi
            # would shrink the text relative to the boxes.
            generator.setResolution(SCREEN_DPI)
            generator.setSize(QSize(math.ceil(source.width()), math.ceil(source.height())))
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle("Governance diagram")
            w = scene.words
            generator.setDescription(
                f"{w.cap('committees')} by {w.tier} with their lines and a legend (govplanner)"
            )
            _paint(generator, scene, source)
        return True

    _write(path, draw)


def _paint(device: QImage | QSvgGenerator, scene: DiagramScene, source: QRectF) -> None:
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        target = QRectF(0, 0, device.width(), device.height())
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()


def _write(path: str | Path, produce: Callable[[QBuffer], bool]) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = produce(buffer)
    buffer.close()
    if not ok or data.isEmpty():
        raise ExportError(f"{Path(path).name}: the diagram could not be drawn.")
    atomic_write_bytes(path, bytes(data.data()))


def ask_and_write(
    parent: QWidget, kind: str, stem: str, write: Callable[[Path], None]
) -> Path | None:
    """Ask where to save the diagram as ``kind`` ("png" or "svg"), add the extension when it is
    missing, write it; a failure is told in a message box. Returns the file written, if any."""
    label = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}[kind]
    start = str(Path.home() / f"{stem} diagram.{kind}")
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export diagram", start, label)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(path.name + f".{kind}")
    from govplanner.files.atomic import backups_kept

    try:
        with backups_kept():  # a replaced picture is kept as .bak, as every export does
            write(path)
    except (GovplannerError, OSError) as exc:
        QMessageBox.warning(parent, "Export diagram", f"The diagram was not exported. {exc}")
        return None
    return path
