"""HTML to A4 PDF through Qt's text engine: the only export module that touches Qt.

PySide6 is imported inside the function, so importing this module costs nothing and the
rest of the export package runs without Qt. A QGuiApplication is needed; one is created
(offscreen when there is no display) if the process has none.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

_app: Any = None  # keeps a QGuiApplication this module created alive for the process


def html_to_pdf(html: str, *, title: str = "", resolution: int = 300) -> bytes:
    """The HTML on A4 pages with 2 cm margins and page numbers, as PDF bytes.

    An unpaginated QTextDocument is printed by Qt with 2 cm margins and a page number at the
    foot of each page, so the writer itself gets no margins.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator("govplanner")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = _document_class()()
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


_DOCUMENT_CLASS: Any = None


def _document_class() -> Any:
    """A QTextDocument that loads nothing from outside the HTML (no file, no network): what a
    template names by path would otherwise be read from this computer into the PDF."""
    global _DOCUMENT_CLASS
    if _DOCUMENT_CLASS is None:
        from PySide6.QtGui import QImage, QTextDocument

        class SealedTextDocument(QTextDocument):
            def loadResource(self, kind: int, name: Any) -> Any:
                # Returning nothing is not enough: Qt then opens the file itself. An image is
                # answered with a blank dot, anything else with nothing.
                if kind == QTextDocument.ResourceType.ImageResource.value:
                    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
                    blank.fill(0)
                    return blank
                return b""

        _DOCUMENT_CLASS = SealedTextDocument
    return _DOCUMENT_CLASS


def ensure_utf8_locale() -> None:
    """Before Qt starts: where the locale is not UTF-8 (LANG unset or "C", as under cron, a
    service or a bare container), ask for C.UTF-8 for character handling. Qt would switch to
    it anyway, but with a four-line warning on every run."""
    if sys.platform == "win32":
        return
    import locale

    try:
        locale.setlocale(locale.LC_CTYPE, "")
        codeset = locale.nl_langinfo(locale.CODESET)
    except (locale.Error, AttributeError):
        codeset = ""
    if codeset.upper().replace("-", "") == "UTF8":
        return
    os.environ["LC_ALL" if os.environ.get("LC_ALL") else "LC_CTYPE"] = "C.UTF-8"
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")


def _ensure_application() -> None:
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    ensure_utf8_locale()
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])
