"""Rendered HTML to a Word document built on the reference document's styles.

The walker maps structure, not looks: ``h1`` → Title, ``h2``–``h4`` → Heading 1–3, ``ul``/``ol``
→ List Bullet/List Number (nested lists use the "2"/"3" styles), ``table`` → a Word table in
the "Govplanner Table" style (header rows repeat on each page), ``b``/``strong``, ``i``/``em``
and ``u`` → run formatting, ``br`` → line break. Paragraph classes ``lead``, ``kicker``,
``note`` and ``colophon`` use the Subtitle, Kicker, Note and Colophon styles;
``data-docx-style`` names any other paragraph style. Users restyle the output by restyling
the reference document in Word.

Headings and lines ending in ':' keep with what follows, and table rows never split across
pages. Every document is also made ready to circulate: created and modified now, the application
"govplanner", no comment or thumbnail left over from the reference, the proofing language
British English throughout, and the subject and keywords the caller gives.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import Table

from govplanner.export.docx_properties import clean_text, prepare_reference, set_properties
from govplanner.export.html_tree import Node, collapse_space, parse_html

HEADING_STYLES = {
    "h1": "Title",
    "h2": "Heading 1",
    "h3": "Heading 2",
    "h4": "Heading 3",
    "h5": "Heading 4",
    "h6": "Heading 4",
}
CLASS_STYLES = {"lead": "Subtitle", "kicker": "Kicker", "note": "Note", "colophon": "Colophon"}
TABLE_STYLE = "Govplanner Table"
_CONTAINERS = frozenset(
    {"html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside",
     "figure", "thead", "tbody", "tfoot", "address", "#root"}
)  # fmt: skip
_BOLD, _ITALIC, _UNDERLINE = "bold", "italic", "underline"
#: Paragraph styles that always stay on the page of the paragraph after them.
_KEEP_WITH_NEXT = frozenset({"Title", "Subtitle", "Kicker", *HEADING_STYLES.values()})


@dataclass(frozen=True)
class _Segment:
    text: str  # "\n" alone means a line break
    marks: frozenset[str]


class DocxBuilder:
    """Builds Word documents from HTML on one reference document, read and indexed once."""

    def __init__(self, reference: bytes) -> None:
        self.reference = prepare_reference(reference)
        doc = Document(io.BytesIO(self.reference))
        #: style name -> style id, so paragraphs get their style without a search each time
        self.paragraph_styles = {
            s.name: s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH and s.name
        }
        table_styles = {s.name: s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.TABLE}
        chosen = next((n for n in (TABLE_STYLE, "Table Grid") if n in table_styles), None)
        self.table_style = table_styles[chosen] if chosen else None

    def build(
        self,
        html: str,
        *,
        title: str = "",
        subject: str = "",
        keywords: Sequence[str] = (),
        now: dt.datetime | None = None,
    ) -> bytes:
        """A .docx (as bytes) with the HTML's content, on a fresh copy of the reference."""
        doc = Document(io.BytesIO(self.reference))
        _Writer(doc, self).blocks(parse_html(html), doc, level=0)
        set_properties(doc, title=title, subject=subject, keywords=keywords, now=now)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def html_to_docx(html: str, reference: bytes, *, title: str = "") -> bytes:
    """One document; for many, make one :class:`DocxBuilder` and call ``build`` on it."""
    return DocxBuilder(reference).build(html, title=title)


class _Writer:
    def __init__(self, doc: DocxDocument, builder: DocxBuilder) -> None:
        self.doc = doc
        self.paragraph_styles = builder.paragraph_styles
        self.table_style = builder.table_style
        section = doc.sections[0]
        self.width = Emu(
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )

    # -- blocks --------------------------------------------------------------------------------

    def blocks(self, node: Node, container: Any, level: int) -> None:
        """Write the children of ``node`` into ``container`` (document body or table cell)."""
        pending: list[Node | str] = []
        for child in node.children:
            if isinstance(child, Node) and child.is_block:
                self.paragraph(pending, container, None)
                pending = []
                self.block(child, container, level)
            else:
                pending.append(child)
        self.paragraph(pending, container, None)

    def block(self, node: Node, container: Any, level: int) -> None:
        tag = node.tag
        if tag in HEADING_STYLES:
            self.paragraph(node.children, container, self.known(HEADING_STYLES[tag]))
        elif tag in ("ul", "ol"):
            self.bullets(node, container, level + 1)
        elif tag == "table":
            self.table(node, container)
        elif tag in ("p", "dd", "li", "caption", "figcaption", "pre"):
            self.paragraph(node.children, container, self.style_for(node))
        elif tag == "dt":
            self.paragraph([Node("b", children=node.children)], container, self.style_for(node))
        elif tag == "blockquote":
            self.paragraph([node.text()], container, self.known("Quote"))
        elif tag in _CONTAINERS or tag in ("dl", "tr", "td", "th"):
            self.blocks(node, container, level)

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

    def bullets(self, node: Node, container: Any, level: int) -> None:
        base = "List Number" if node.tag == "ol" else "List Bullet"
        style = self.known(base if level <= 1 else f"{base} {min(level, 3)}") or self.known(base)
        for item in node.elements("li"):
            inline = [c for c in item.children if not (isinstance(c, Node) and c.is_block)]
            self.paragraph(inline, container, style)
            for child in item.elements():
                if child.tag in ("ul", "ol"):
                    self.bullets(child, container, level + 1)
                elif child.is_block:
                    self.paragraph(child.children, container, style)

    # -- paragraphs ----------------------------------------------------------------------------

    def paragraph(self, content: list[Node | str], container: Any, style: str | None) -> None:
        segments = _normalise(list(_segments(content, frozenset())))
        if not segments:
            return
        para = container.add_paragraph()
        if style is not None:
            para._p.style = self.paragraph_styles[style]
        for segment in segments:
            if segment.text == "\n":
                para.add_run().add_break()
                continue
            run = para.add_run(segment.text)
            if _BOLD in segment.marks:
                run.bold = True
            if _ITALIC in segment.marks:
                run.italic = True
            if _UNDERLINE in segment.marks:
                run.underline = True
        if style in _KEEP_WITH_NEXT or segments[-1].text.rstrip().endswith(":"):
            # A heading, or a line that introduces a list or table, never ends a page alone.
            para.paragraph_format.keep_with_next = True

    # -- tables --------------------------------------------------------------------------------

    def table(self, node: Node, container: Any) -> None:
        rows = list(_rows(node))
        if not rows:
            return
        columns = max(sum(_span(c) for c in cells) for _, cells in rows)
        table = container.add_table(rows=len(rows), cols=columns)
        for row in table.rows:  # a row never splits across pages
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if self.table_style:
            table._tbl.tblPr.style = self.table_style
        header_rows = 0
        for r, (in_head, cells) in enumerate(rows):
            self.fill_row(table, r, cells)
            if (in_head or all(c.tag == "th" for c in cells)) and r == header_rows:
                header_rows += 1
                _repeat_as_header(table, r)
        first_column = all(cells and cells[0].tag == "th" for _, cells in rows[header_rows:])
        _set_look(table, first_row=header_rows > 0, first_column=first_column)
        self.set_widths(table, rows, columns)

    def fill_row(self, table: Table, r: int, cells: list[Node]) -> None:
        row_cells = table.rows[r].cells
        c = 0
        for cell_node in cells:
            span = _span(cell_node)
            cell = row_cells[c]
            if span > 1:
                cell = cell.merge(row_cells[min(c + span, len(row_cells)) - 1])
            if cell_node.tag == "th":
                cell_node = Node("b", children=[cell_node])
            self.blocks(Node("td", children=[cell_node]), cell, level=0)
            _drop_leading_empty_paragraph(cell)
            c += span

    def set_widths(self, table: Table, rows: list[tuple[bool, list[Node]]], columns: int) -> None:
        """Column widths from ``width="NN%"`` on the first row, else shared by content."""
        shares = _declared_shares(rows[0][1], columns) or _content_shares(rows, columns)
        total = sum(shares)
        widths = [Emu(int(self.width * share / total)) for share in shares]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width


def _declared_shares(cells: list[Node], columns: int) -> list[float] | None:
    """Percentages from ``width`` attributes; columns without one share what is left."""
    shares: list[float | None] = []
    for cell in cells:
        try:
            share: float | None = max(1.0, float(cell.attrs["width"].strip().rstrip("%")))
        except (KeyError, ValueError):
            share = None
        span = _span(cell)
        shares.extend([None if share is None else share / span] * span)
    declared = [s for s in shares if s is not None]
    if not declared or len(shares) != columns:
        return None
    rest = max(5.0, 100.0 - sum(declared)) / max(1, len(shares) - len(declared))
    return [rest if s is None else s for s in shares]


def _content_shares(rows: list[tuple[bool, list[Node]]], columns: int) -> list[float]:
    """Each column gets room for its longest word, then the rest by how much text it holds."""
    floors, weights = [], []
    for i in range(columns):
        texts = [cells[i].text() for _, cells in rows if i < len(cells) and _span(cells[i]) == 1]
        floors.append(min(25.0, max((len(w) for t in texts for w in t.split()), default=4) + 4))
        weights.append(min(80.0, sum(len(t) for t in texts) / max(1, len(texts))))
    # Widths in "characters": a 17 cm line holds about 95 characters of 9.5 pt text.
    spare = max(0.0, 95.0 - sum(floors))
    extra = [max(0.0, w - f) for w, f in zip(weights, floors, strict=True)]
    total_extra = sum(extra) or 1.0
    return [f + spare * e / total_extra for f, e in zip(floors, extra, strict=True)]


def _segments(content: list[Node | str], marks: frozenset[str]) -> Iterator[_Segment]:
    for item in content:
        if isinstance(item, str):
            yield _Segment(clean_text(collapse_space(item)), marks)
        elif item.tag == "br":
            yield _Segment("\n", marks)
        elif not item.is_block or item.tag in ("th", "td", "li", "p", "div"):
            yield from _segments(item.children, marks | _marks(item.tag))


def _marks(tag: str) -> frozenset[str]:
    if tag in ("b", "strong", "th"):
        return frozenset({_BOLD})
    if tag in ("i", "em", "cite", "var"):
        return frozenset({_ITALIC})
    if tag in ("u", "ins"):
        return frozenset({_UNDERLINE})
    return frozenset()


def _normalise(segments: list[_Segment]) -> list[_Segment]:
    """Drop spaces at line starts and doubled spaces across segments; trim the end."""
    out: list[_Segment] = []
    at_line_start = True
    for seg in segments:
        if seg.text == "\n":
            if out and out[-1].text != "\n":
                out[-1] = _Segment(out[-1].text.rstrip(" "), out[-1].marks)
            out.append(seg)
            at_line_start = True
            continue
        text = seg.text.lstrip(" ") if at_line_start else seg.text
        if text:
            out.append(_Segment(text, seg.marks))
            at_line_start = text.endswith(" ")
    while out and out[-1].text != "\n" and not out[-1].text.strip():
        out.pop()
    if out and out[-1].text != "\n":
        out[-1] = _Segment(out[-1].text.rstrip(" "), out[-1].marks)
    return [s for s in out if s.text] if any(s.text.strip() for s in out) else []


def _rows(table: Node) -> Iterator[tuple[bool, list[Node]]]:
    for child in table.elements():
        if child.tag == "tr":
            yield False, child.elements("th", "td")
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child.elements("tr"):
                yield child.tag == "thead", tr.elements("th", "td")


def _span(cell: Node) -> int:
    try:
        return max(1, min(int(cell.attrs.get("colspan", "1")), 50))
    except ValueError:
        return 1


def _drop_leading_empty_paragraph(cell: Any) -> None:
    paragraphs = cell.paragraphs
    if len(paragraphs) > 1 and not paragraphs[0].text:
        element = paragraphs[0]._element
        element.getparent().remove(element)


def _repeat_as_header(table: Table, r: int) -> None:
    tr_pr = table.rows[r]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _set_look(table: Table, *, first_row: bool, first_column: bool) -> None:
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    flags = (
        ("w:firstRow", first_row, 0x0020),
        ("w:lastRow", False, 0x0040),
        ("w:firstColumn", first_column, 0x0080),
        ("w:lastColumn", False, 0x0100),
        ("w:noHBand", True, 0x0200),
        ("w:noVBand", True, 0x0400),
    )
    for name, on, _ in flags:
        look.set(qn(name), "1" if on else "0")
    # The older hexadecimal form too: some readers (LibreOffice among them) look only at it.
    look.set(qn("w:val"), f"{sum(bit for _, on, bit in flags if on):04X}")
