"""Word documents written as XML straight into a cached package: the fast path of the walker.

:class:`DocxBuilder` (python-docx) reopens the reference, builds every paragraph through its
object model and re-compresses some 800 kB of styles for every document: about 50 ms each.
Only two parts of a role description differ from one document to the next, the body
(``word/document.xml``) and the core properties (``docProps/core.xml``). So
:class:`FastDocxBuilder` lets python-docx write one empty document on the prepared reference
once, keeps every other part of that package already compressed, and per document writes the
body as text with the same walk and the same markup python-docx would produce, then stores
the parts into a zip by hand. A document whose HTML needs what only python-docx does well
(cells spanning columns, tables inside table cells) is built by the python-docx path instead.

python-docx stays the reference implementation: tests check that both paths give the same
documents for every role of the examples.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from lxml import etree  # type: ignore[import-untyped]

from govplanner.export.docx_properties import clean_text, keywords_text
from govplanner.export.docx_writer import (
    _BOLD,
    _CONTAINERS,
    _ITALIC,
    _KEEP_WITH_NEXT,
    _UNDERLINE,
    CLASS_STYLES,
    HEADING_STYLES,
    DocxBuilder,
    _content_shares,
    _declared_shares,
    _normalise,
    _rows,
    _segments,
    _span,
)
from govplanner.export.html_tree import Node, parse_html

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"
_BODY_MARK = "govplanner-body-goes-here"
#: Stand-ins written once through python-docx and replaced in the cached core properties.
_TITLE, _SUBJECT, _KEYWORDS = "\ue000title\ue000", "\ue000subject\ue000", "\ue000keywords\ue000"
_STAMP = dt.datetime(1999, 9, 9, 9, 9, 9)
_STAMP_TEXT = "1999-09-09T09:09:09Z"
_EMU_PER_TWIP = 635.0


class _Unsupported(Exception):  # noqa: N818 - a signal to use the python-docx path
    """The HTML needs something the fast path leaves to python-docx."""


def escape(text: str) -> str:
    """Text as XML character data, as lxml writes it (characters XML cannot hold dropped)."""
    text = clean_text(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


@dataclass(frozen=True)
class _Stored:
    """One zip member, already compressed."""

    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate stream


def _deflate(name: str, data: bytes) -> _Stored:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = packer.compress(data) + packer.flush()
    return _Stored(name.encode("utf-8"), zlib.crc32(data), len(data), packed)


def _zip(members: Sequence[_Stored], when: dt.datetime) -> bytes:
    """A zip archive of deflated members (what python-docx's zipfile writes, without redoing
    the compression of parts that never change)."""
    dos_time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    dos_date = ((max(when.year, 1980) - 1980) << 9) | (when.month << 5) | when.day
    out = bytearray()
    central = bytearray()
    for m in members:
        flags = 0 if m.name.isascii() else 0x800
        fixed = (20, flags, 8, dos_time, dos_date, m.crc, len(m.data), m.size, len(m.name))
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIH", *fixed)
        central += struct.pack("<HHHHII", 0, 0, 0, 0, 0, len(out)) + m.name
        out += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIH", *fixed)
        out += struct.pack("<H", 0) + m.name + m.data
    offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                       len(central), offset, 0)  # fmt: skip
    return bytes(out)


class FastDocxBuilder:
    """Builds Word documents from HTML like :class:`DocxBuilder`, writing only the body."""

    def __init__(self, reference: bytes) -> None:
        self.slow = DocxBuilder(reference)
        self.paragraph_styles = self.slow.paragraph_styles
        self.table_style = self.slow.table_style
        template = self.slow.build(
            "", title=_TITLE, subject=_SUBJECT, keywords=[_KEYWORDS], now=_STAMP
        )
        section = Document(io.BytesIO(template)).sections[0]
        self.width = (
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )
        self.members: list[_Stored | str] = []  # a str names a part written per document
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            for info in package.infolist():
                data = package.read(info)
                if info.filename == _DOCUMENT:
                    self.head, self.tail = _split_body(data)
                    self.members.append(_DOCUMENT)
                elif info.filename == _CORE:
                    self.core = data.decode("utf-8")
                    self.members.append(_CORE)
                else:
                    self.members.append(_deflate(info.filename, data))
        if _DOCUMENT not in self.members or _CORE not in self.members:
            raise ValueError("the reference document has no body or no core properties")

    def build(
        self,
        html: str,
        *,
        title: str = "",
        subject: str = "",
        keywords: Sequence[str] = (),
        now: dt.datetime | None = None,
    ) -> bytes:
        """A .docx (as bytes) equal to what :meth:`DocxBuilder.build` makes of the same HTML."""
        writer = _XmlWriter(self)
        try:
            writer.blocks(parse_html(html), writer.body, level=0, in_cell=False)
        except _Unsupported:
            return self.slow.build(html, title=title, subject=subject, keywords=keywords, now=now)
        stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
        document = self.head + "".join(writer.body) + self.tail
        core = (
            self.core.replace(_TITLE, escape(title[:255]))
            .replace(_SUBJECT, escape(subject[:255]))
            .replace(_KEYWORDS, escape(keywords_text(keywords)))
            .replace(_STAMP_TEXT, stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))
        )
        members = [
            m if isinstance(m, _Stored)
            else _deflate(m, (document if m == _DOCUMENT else core).encode("utf-8"))
            for m in self.members
        ]  # fmt: skip
        return _zip(members, stamp.replace(tzinfo=None))


def _split_body(data: bytes) -> tuple[str, str]:
    """The document part before and after where new content goes (before the body's
    section properties, as python-docx adds it), keeping what the reference's body holds."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    body = root.find(f"{{{_W}}}body")
    if body is None:
        raise ValueError("the reference document has no body")
    mark = etree.Comment(_BODY_MARK)
    last = body[-1] if len(body) else None
    if last is not None and last.tag == f"{{{_W}}}sectPr":
        last.addprevious(mark)
    else:
        body.append(mark)
    text = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    head, tail = text.decode("utf-8").split(f"<!--{_BODY_MARK}-->")
    return head, tail


def _twips(emu: int) -> int:
    return round(emu / _EMU_PER_TWIP)


class _XmlWriter:
    """:class:`govplanner.export.docx_writer._Writer`'s walk, writing WordprocessingML text."""

    def __init__(self, builder: FastDocxBuilder) -> None:
        self.paragraph_styles = builder.paragraph_styles
        self.table_style = builder.table_style
        self.width = builder.width
        self.body: list[str] = []

    # -- blocks --------------------------------------------------------------------------------

    def blocks(self, node: Node, out: list[str], level: int, in_cell: bool) -> None:
        pending: list[Node | str] = []
        for child in node.children:
            if isinstance(child, Node) and child.is_block:
                self.paragraph(pending, out, None)
                pending = []
                self.block(child, out, level, in_cell)
            else:
                pending.append(child)
        self.paragraph(pending, out, None)

    def block(self, node: Node, out: list[str], level: int, in_cell: bool) -> None:
        tag = node.tag
        if tag in HEADING_STYLES:
            self.paragraph(node.children, out, self.known(HEADING_STYLES[tag]))
        elif tag in ("ul", "ol"):
            self.bullets(node, out, level + 1)
        elif tag == "table":
            if in_cell:
                raise _Unsupported("a table inside a table cell")
            self.table(node, out)
        elif tag in ("p", "dd", "li", "caption", "figcaption", "pre"):
            self.paragraph(node.children, out, self.style_for(node))
        elif tag == "dt":
            self.paragraph([Node("b", children=node.children)], out, self.style_for(node))
        elif tag == "blockquote":
            self.paragraph([node.text()], out, self.known("Quote"))
        elif tag in _CONTAINERS or tag in ("dl", "tr", "td", "th"):
            self.blocks(node, out, level, in_cell)

    def style_for(self, node: Node) -> str | None:
        wanted = node.attrs.get("data-docx-style")
        if wanted:
            return self.known(wanted)
        for cls in node.classes:
            if cls in CLASS_STYLES:
                return self.known(CLASS_STYLES[cls])
        return None

    def known(self, style: str) -> str | None:
        return style if style in self.paragraph_styles else None

    def bullets(self, node: Node, out: list[str], level: int) -> None:
        base = "List Number" if node.tag == "ol" else "List Bullet"
        style = self.known(base if level <= 1 else f"{base} {min(level, 3)}") or self.known(base)
        for item in node.elements("li"):
            inline = [c for c in item.children if not (isinstance(c, Node) and c.is_block)]
            self.paragraph(inline, out, style)
            for child in item.elements():
                if child.tag in ("ul", "ol"):
                    self.bullets(child, out, level + 1)
                elif child.is_block:
                    self.paragraph(child.children, out, style)

    # -- paragraphs ----------------------------------------------------------------------------

    def paragraph(self, content: list[Node | str], out: list[str], style: str | None) -> None:
        segments = _normalise(list(_segments(content, frozenset())))
        if not segments:
            return
        keep = style in _KEEP_WITH_NEXT or segments[-1].text.rstrip().endswith(":")
        out.append("<w:p>")
        if style is not None or keep:
            out.append("<w:pPr>")
            if style is not None:
                out.append(f'<w:pStyle w:val="{escape(self.paragraph_styles[style])}"/>')
            if keep:
                out.append("<w:keepNext/>")
            out.append("</w:pPr>")
        for segment in segments:
            if segment.text == "\n":
                out.append("<w:r><w:br/></w:r>")
                continue
            out.append("<w:r>")
            marks = segment.marks
            if marks:
                out.append("<w:rPr>")
                if _BOLD in marks:
                    out.append("<w:b/>")
                if _ITALIC in marks:
                    out.append("<w:i/>")
                if _UNDERLINE in marks:
                    out.append('<w:u w:val="single"/>')
                out.append("</w:rPr>")
            text = segment.text
            space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
            out.append(f"<w:t{space}>{escape(text)}</w:t></w:r>")
        out.append("</w:p>")

    # -- tables --------------------------------------------------------------------------------

    def table(self, node: Node, out: list[str]) -> None:
        rows = list(_rows(node))
        if not rows:
            return
        columns = max(sum(_span(c) for c in cells) for _, cells in rows)
        if columns == 0 or any(_span(c) > 1 for _, cells in rows for c in cells):
            raise _Unsupported("cells spanning columns")
        header_flags: list[bool] = []
        header_rows = 0
        for r, (in_head, cells) in enumerate(rows):
            header = (in_head or all(c.tag == "th" for c in cells)) and r == header_rows
            header_rows += header
            header_flags.append(header)
        first_column = all(cells and cells[0].tag == "th" for _, cells in rows[header_rows:])
        shares = _declared_shares(rows[0][1], columns) or _content_shares(rows, columns)
        total = sum(shares)
        widths = [_twips(int(self.width * share / total)) for share in shares]

        out.append("<w:tbl><w:tblPr>")
        if self.table_style:
            out.append(f'<w:tblStyle w:val="{escape(self.table_style)}"/>')
        look = (0x0020 if header_rows else 0) | (0x0080 if first_column else 0) | 0x0600
        out.append(
            f'<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="{int(first_column)}" '
            f'w:firstRow="{int(header_rows > 0)}" w:lastColumn="0" w:lastRow="0" '
            f'w:noHBand="1" w:noVBand="1" w:val="{look:04X}"/></w:tblPr><w:tblGrid>'
        )
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out.append("</w:tblGrid>")
        for (_, cells), header in zip(rows, header_flags, strict=True):
            self.row(cells, header, widths, out)
        out.append("</w:tbl>")

    def row(self, cells: list[Node], header: bool, widths: list[int], out: list[str]) -> None:
        """One row that never splits across pages (repeated on each page if a header)."""
        out.append("<w:tr><w:trPr><w:cantSplit/>")
        out.append("<w:tblHeader/></w:trPr>" if header else "</w:trPr>")
        for c, width in enumerate(widths):
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>')
            content: list[str] = []
            if c < len(cells):
                cell_node = cells[c]
                if cell_node.tag == "th":
                    cell_node = Node("b", children=[cell_node])
                self.blocks(Node("td", children=[cell_node]), content, 0, in_cell=True)
            out.extend(content or ["<w:p/>"])  # a cell always holds a paragraph
            out.append("</w:tc>")
        out.append("</w:tr>")
