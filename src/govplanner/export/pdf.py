"""HTML to A4 PDF through Qt's text engine: the only export module that touches Qt.

PySide6 is imported inside the function, so importing this module costs nothing and the
rest of the export package runs without Qt. A QGuiApplication is needed; one is created
(offscreen when there is no display) if the process has none.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any

from govplanner.export.pdf_catalog import Bookmark, finish_pdf
from govplanner.export.pdf_pages import Page, Piece, paginate
from govplanner.export.pdf_tags import Leaf, placed

_app: Any = None  # keeps a QGuiApplication this module created alive for the process


_MM = 1 / 25.4  # inches in a millimetre
#: A4 in millimetres, and the margins: the running title and page numbers sit inside them.
_PAGE_W, _PAGE_H = 210.0, 297.0
_TOP, _BOTTOM, _LEFT, _RIGHT = 22.0, 20.0, 18.0, 18.0
_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)", re.I)


def html_to_pdf(
    html: str, *, title: str = "", running_title: str = "", resolution: int = 300
) -> bytes:
    """The HTML on A4 pages, as PDF bytes, paginated here rather than by Qt.

    Qt lays the HTML out as one long column; the column is measured into lines and table rows,
    and cut into pages only between them (:mod:`govplanner.export.pdf_pages`): a heading or
    a line ending in ':' stays with what follows, a table row is never split, a table that runs
    on repeats its header rows, and no word in a table is broken. Each page has the running
    title at its head and "Page X of Y" at its foot. The PDF gets the title, the language of
    the HTML's ``lang`` (British English when it has none) and a bookmark for each heading.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, title, resolution)
    document = _laid_out(html, writer, resolution)
    pieces, headings = _measure(document, resolution)
    pages = paginate(pieces, (_PAGE_H - _TOP - _BOTTOM) * _MM * resolution)
    _paint(document, writer, pages, running_title, resolution)
    del writer  # finishes the PDF
    buffer.close()
    found = _LANG.search(html)
    dots = _MM * resolution
    return finish_pdf(
        bytes(data.data()),
        language=found.group(1) if found else "en-GB",
        bookmarks=[_bookmark(h, pages, resolution) for h in headings],
        page_height=_PAGE_H * _MM * 72,
        elements=placed(_leaves(document), pages, _LEFT * dots, _TOP * dots),
        margins=(_TOP * dots, (_PAGE_H - _BOTTOM) * dots),
        title=title,
    )


def _writer(buffer: Any, title: str, resolution: int) -> Any:
    """A PDF writer on A4 with no margins of its own: the pages are laid out here."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

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
    return writer


def _laid_out(html: str, writer: Any, resolution: int) -> Any:
    """The HTML as one long column the width of the text area, measured on the PDF device."""
    from PySide6.QtGui import QTextOption

    document = _document_class()()
    document.documentLayout().setPaintDevice(writer)
    option = document.defaultTextOption()
    # Qt breaks words anywhere once a table is too narrow for them; never do that.
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setTextWidth((_PAGE_W - _LEFT - _RIGHT) * _MM * resolution)
    document.size()  # Qt lays out lazily, a screenful at a time: finish the layout now
    return document


def _measure(document: Any, resolution: int) -> tuple[list[Piece], list[_Heading]]:
    """The column's pieces (lines and table rows, top to bottom) and its headings."""
    from PySide6.QtGui import QTextCursor

    layout = document.documentLayout()
    pieces: list[Piece] = []
    headings: list[_Heading] = []
    block = document.begin()
    while block.isValid():
        table: Any = QTextCursor(block).currentTable()
        if table is not None:
            while isinstance(table.parentFrame(), type(table)):
                table = table.parentFrame()  # a table in a table moves as one piece
            pieces.extend(_row_pieces(table, layout, resolution))
            block = document.findBlock(table.lastPosition() + 1)
            if block.position() <= table.lastPosition():
                break
            continue
        pieces.extend(_line_pieces(block, layout, headings))
        block = block.next()
    return pieces, headings


_Heading = tuple[int, str, float]  # level, text, top in the column


def _leaves(document: Any) -> list[Leaf]:
    """What each block and table cell is (H1-H6, P, LI, TH, TD) and where it is in the column."""
    from PySide6.QtGui import QTextCursor

    layout = document.documentLayout()
    leaves: list[Leaf] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            leaves.extend(_cell_leaves(table, layout))
            block = document.findBlock(table.lastPosition() + 1)
            if block.position() <= table.lastPosition():
                break
            continue
        rect = layout.blockBoundingRect(block)
        level, listed = block.blockFormat().headingLevel(), block.textList()
        kind = f"H{min(level, 6)}" if level else "LI" if listed else "P"
        group = ("L", listed.item(0).position()) if listed and not level else ()
        leaves.append(Leaf(kind, group, (rect.left(), rect.top(), rect.right(), rect.bottom())))
        block = block.next()
    return leaves


def _cell_leaves(table: Any, layout: Any) -> list[Leaf]:
    """A leaf per cell: TH in the header rows and in a first column of bold text, else TD."""
    heads = table.format().headerRowCount()
    leaves = []
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if cell.row() != row or cell.column() != column:
                continue  # covered by a spanning cell
            first, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
            top, bottom = layout.blockBoundingRect(first), layout.blockBoundingRect(last)
            bold = first.charFormat().fontWeight() >= 600 or cell.format().fontWeight() >= 600
            kind = "TH" if row < heads or (column == 0 and bold) else "TD"
            box = (top.left(), top.top(), max(top.right(), bottom.right()), bottom.bottom())
            leaves.append(Leaf(kind, ("TR", table.firstPosition(), row, row < heads), box))
    return leaves


def _breaks_before(fmt: Any) -> bool:
    """Whether the template asks for a new page before this (page-break-before: always)."""
    from PySide6.QtGui import QTextFormat

    return bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _line_pieces(block: Any, layout: Any, headings: list[_Heading]) -> list[Piece]:
    text_layout = block.layout()
    count = text_layout.lineCount()
    if count == 0:
        return []
    top = layout.blockBoundingRect(block).top()
    level = block.blockFormat().headingLevel()
    text = block.text().strip()
    if level and text:
        headings.append((level, text, top))
    keep_all = bool(level) or text.endswith(":")
    fresh = _breaks_before(block.blockFormat())
    pieces = []
    for i in range(count):
        line = text_layout.lineAt(i)
        # The first line keeps with the second (no orphan), the last but one with the last
        # (no widow): a paragraph never leaves a single line behind or alone on a new page.
        keep = keep_all or (i == 0 and count > 1) or (i == count - 2 and count > 2)
        y = top + line.y()
        pieces.append(Piece(y, y + line.height(), keep, break_before=fresh and i == 0))
    return pieces


def _row_pieces(table: Any, layout: Any, resolution: int) -> list[Piece]:
    """One piece per row, from the top of its border to the top of the next row's."""
    scale = resolution / 96  # CSS px in the table's format, device dots in the layout
    fmt = table.format()
    border = fmt.border() * scale
    rows = table.rows()
    tops = [_row_content_top(table, r, layout) - border for r in range(rows)]
    for r in range(rows):
        tops[r] -= _row_padding(table, r, fmt.cellPadding()) * scale
    bottom = layout.frameBoundingRect(table).bottom() - fmt.bottomMargin() * scale
    edges = [*tops[1:], bottom]
    heads = min(fmt.headerRowCount(), max(0, rows - 1))
    band = (tops[0], edges[heads - 1] + border) if heads else None
    fresh = _breaks_before(fmt)
    return [
        Piece(
            tops[r],
            edges[r] + border,
            keep_with_next=r < heads,
            break_before=fresh and r == 0,
            header=band if r >= heads else None,
        )
        for r in range(rows)
    ]


def _row_content_top(table: Any, row: int, layout: Any) -> float:
    tops = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() == row:
            tops.append(float(layout.blockBoundingRect(cell.firstCursorPosition().block()).top()))
    return min(tops)


def _row_padding(table: Any, row: int, default: float) -> float:
    from PySide6.QtGui import QTextFormat

    padding = 0.0
    for column in range(table.columns()):
        fmt = table.cellAt(row, column).format()
        if fmt.hasProperty(QTextFormat.Property.TableCellTopPadding):
            padding = max(padding, fmt.doubleProperty(QTextFormat.Property.TableCellTopPadding))
        else:
            padding = max(padding, default)
    return padding


def _paint(document: Any, writer: Any, pages: list[Page], running: str, resolution: int) -> None:
    """Each page: the header band of a table running on, its part of the column, the margins."""
    from PySide6.QtGui import QPainter

    dots = _MM * resolution
    painter = QPainter(writer)
    for number, page in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        y = _TOP * dots
        for top, bottom in [*([page.header] if page.header else []), (page.start, page.end)]:
            _paint_part(document, painter, top, bottom, y, dots)
            y += bottom - top
        _paint_margins(document, painter, running, f"Page {number} of {len(pages)}", dots)
    painter.end()


def _paint_part(
    document: Any, painter: Any, top: float, bottom: float, y: float, dots: float
) -> None:
    """The column from ``top`` to ``bottom`` drawn at ``y`` on the page, and nothing else."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QAbstractTextDocumentLayout

    width = (_PAGE_W - _LEFT - _RIGHT) * dots
    painter.save()
    painter.translate(_LEFT * dots, y - top)
    clip = QRectF(-_LEFT * dots, top, width + (_LEFT + _RIGHT) * dots, bottom - top - 0.5)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip  # Qt then leaves out lines outside it, so no text is hidden under it
    document.documentLayout().draw(painter, context)
    painter.restore()


def _paint_margins(document: Any, painter: Any, running: str, number: str, dots: float) -> None:
    """The running title at the head of the page and its number at the foot."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF

    width = (_PAGE_W - _LEFT - _RIGHT) * dots
    font = QFont()
    font.setFamilies(["Arial", "Liberation Sans", "Helvetica", document.defaultFont().family()])
    font.setPointSizeF(8.5)
    painter.setFont(font)
    painter.setPen(QColor("#4c6272"))
    text = QFontMetricsF(font, painter.device()).elidedText(
        running, Qt.TextElideMode.ElideRight, width
    )
    head = QRectF(_LEFT * dots, 9 * dots, width, 6 * dots)
    painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), text)
    foot = QRectF(_LEFT * dots, (_PAGE_H - 14) * dots, width, 6 * dots)
    painter.drawText(foot, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), number)


def _bookmark(heading: _Heading, pages: list[Page], resolution: int) -> Bookmark:
    level, text, top = heading
    index = next(
        (i for i, p in enumerate(pages) if p.start <= top + 0.5 <= p.end + 0.5), len(pages) - 1
    )
    page = pages[index]
    offset = max(0.0, top - page.start) + page.header_height
    return Bookmark(level, text, index, _TOP * 72 / 25.4 + offset * 72 / resolution)


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
