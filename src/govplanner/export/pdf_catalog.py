"""What Qt's PDF writer leaves out, added as an incremental update: no Qt, no dependency.

Qt writes no document language, no bookmarks and no request to show the title rather than
the file name. :func:`finish_pdf` appends a new version of the document catalogue that has
``/Lang``, ``/ViewerPreferences << /DisplayDocTitle true >>``, an outline (bookmarks) built
from the headings, the structure tags and XMP metadata that claims PDF/UA-1
(``pdfuaid:part`` 1, beside Qt's ``dc:title``), with a cross-reference section pointing back at
Qt's (the standard way a PDF is amended, so every reader sees the result as one document).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from govplanner.domain.errors import ExportError
from govplanner.export.pdf_tags import Element, mark_content, structure_objects


@dataclass(frozen=True)
class Bookmark:
    """A heading: its level (1 is the top), text, page (from 0) and distance from the top of
    the page in points."""

    level: int
    title: str
    page: int
    top: float


@dataclass
class _Entry:
    bookmark: Bookmark
    number: int = 0
    children: list[_Entry] = field(default_factory=list)


def finish_pdf(
    data: bytes,
    *,
    language: str,
    bookmarks: list[Bookmark],
    page_height: float,
    elements: list[Element] | None = None,
    margins: tuple[float, float] = (0.0, float("inf")),
    title: str = "",
) -> bytes:
    """``data`` (a PDF from Qt) with the language, the outline, the title shown and PDF/UA
    metadata; with ``elements`` (where each heading, paragraph, list item and cell was
    drawn), tagged, and text outside the ``margins`` (dots from the top of a page) marked as
    the running head and foot. ``title`` is for metadata Qt did not write."""
    trailer = _last_trailer(data)
    root = _ref(trailer, b"Root")
    catalogue = _object_body(data, root)
    pages = _page_numbers(data, _ref(catalogue, b"Pages"))
    size = int(_value(trailer, rb"/Size\s+(\d+)"))
    objects: dict[int, bytes] = {size: _metadata(data, catalogue, title)}
    entries = b"/Lang " + _text(language) + b" /ViewerPreferences << /DisplayDocTitle true >>"
    entries += b" /Metadata %d 0 R" % size
    size += 1
    tree = _tree(bookmarks)
    if tree:
        outline_number = size
        size = _number(tree, size + 1)
        objects.update(_outline_objects(tree, outline_number, pages, page_height))
        entries += b" /Outlines %d 0 R /PageMode /UseOutlines" % outline_number
    if elements is not None:
        structure_root, size = _tag(data, pages, (elements, margins), language, objects, size)
        entries += b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % structure_root
    kept = _REPLACED.sub(b"", catalogue)
    objects[root] = b"<<" + kept.strip()[2:-2] + b" " + entries + b" >>"
    return _append(data, objects, trailer, size)


def _tag(
    data: bytes,
    pages: list[int],
    drawn: tuple[list[Element], tuple[float, float]],
    language: str,
    objects: dict[int, bytes],
    size: int,
) -> tuple[int, int]:
    """New content and page objects with the text marked, and the structure tree: its
    root's number and the next free object number."""
    elements, margins = drawn
    marks: list[list[int]] = []
    for index, page in enumerate(pages):
        body = _object_body(data, page)
        content, marked = mark_content(_content(data, body), index, elements, margins)
        marks.append(marked)
        packed = zlib.compress(content)
        objects[size] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
            len(packed),
            packed,
        )
        body = re.sub(rb"/Contents\s+\d+\s+0\s+R", b"/Contents %d 0 R" % size, body)
        objects[page] = body.rstrip()[:-2] + b" /StructParents %d /Tabs /S >>" % index
        size += 1
    structure, next_number = structure_objects(elements, marks, pages, size, language)
    objects.update(structure)
    return size, next_number


def _content(data: bytes, page_body: bytes) -> bytes:
    """A page's content stream, decompressed."""
    return _stream(data, _ref(page_body, b"Contents"))


#: The PDF/UA identification schema: the document claims PDF/UA-1.
_PDFUA = (
    '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
    "<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
)
_XMP = (
    "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>"
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
    "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
)


def _metadata(data: bytes, catalogue: bytes, title: str) -> bytes:
    """The XMP metadata stream: Qt's (or one with ``title`` when Qt wrote none), claiming
    PDF/UA-1. Left unfiltered, as PDF/A and PDF/UA readers expect."""
    found = re.search(rb"/Metadata\s+(\d+)\s+0\s+R", catalogue)
    xmp = _stream(data, int(found.group(1))).decode("utf-8") if found else ""
    if "</rdf:RDF>" not in xmp:
        xmp = _XMP.format(title=escape(title))
    if "pdfuaid:part" not in xmp:
        xmp = xmp.replace("</rdf:RDF>", _PDFUA + "</rdf:RDF>", 1)
    packet = xmp.encode("utf-8")
    return b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream" % (
        len(packet),
        packet,
    )


def _stream(data: bytes, number: int) -> bytes:
    """The stream of object ``number``, decompressed."""
    found = list(re.finditer(rb"(?<![0-9])%d 0 obj\s*(<<.*?>>)\s*stream\r?\n" % number, data, re.S))
    if not found:
        raise ExportError(f"The PDF writer's output lacks the content stream {number}.")
    head = found[-1].group(1)
    length_ref = re.search(rb"/Length\s+(\d+)\s+0\s+R", head)
    if length_ref:
        length = int(_value(data, rb"(?<![0-9])%s 0 obj\s*(\d+)" % length_ref.group(1)))
    else:
        length = int(_value(head, rb"/Length\s+(\d+)"))
    raw = data[found[-1].end() : found[-1].end() + length]
    if b"/FlateDecode" not in head:
        return raw
    try:
        return zlib.decompress(raw)
    except zlib.error as exc:
        raise ExportError(f"The PDF writer's page content cannot be read: {exc}.") from None


#: Entries Qt may one day write itself, dropped so that none is given twice.
_REPLACED = re.compile(
    rb"/(?:Lang|Metadata|Outlines|PageMode|ViewerPreferences)\b\s*"
    rb"(?:\([^)]*\)|<<[^>]*>>|<[0-9A-Fa-f]*>|/\w+|\d+ \d+ R)"
)


def _last_trailer(data: bytes) -> bytes:
    at = data.rfind(b"trailer")
    end = data.rfind(b"startxref")
    if at < 0 or end < at:
        raise ExportError("The PDF writer produced a file without a trailer.")
    return data[at:end]


def _value(text: bytes, pattern: bytes) -> bytes:
    found = re.search(pattern, text)
    if found is None:
        raise ExportError(f"The PDF writer's output lacks {pattern.decode()!r}.")
    return found.group(1)


def _ref(text: bytes, key: bytes) -> int:
    return int(_value(text, rb"/" + key + rb"\s+(\d+)\s+0\s+R"))


def _object_body(data: bytes, number: int) -> bytes:
    found = list(re.finditer(rb"(?<![0-9])%d 0 obj\s*(<<.*?>>)\s*endobj" % number, data, re.S))
    if not found:
        raise ExportError(f"The PDF writer's output lacks object {number}.")
    return found[-1].group(1)


def _page_numbers(data: bytes, pages_root: int) -> list[int]:
    """Object numbers of the pages in order (Qt writes one flat page tree)."""
    kids = _value(_object_body(data, pages_root), rb"/Kids\s*\[([^\]]*)\]")
    return [int(n) for n in re.findall(rb"(\d+)\s+0\s+R", kids)]


def _tree(bookmarks: list[Bookmark]) -> list[_Entry]:
    """Bookmarks nested by level: a heading holds the deeper ones that follow it."""
    roots: list[_Entry] = []
    stack: list[_Entry] = []
    for bookmark in bookmarks:
        entry = _Entry(bookmark)
        while stack and stack[-1].bookmark.level >= bookmark.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots


def _number(entries: list[_Entry], next_number: int) -> int:
    for entry in entries:
        entry.number = next_number
        next_number = _number(entry.children, next_number + 1)
    return next_number


def _count(entries: list[_Entry]) -> int:
    return sum(1 + _count(e.children) for e in entries)


def _outline_objects(
    tree: list[_Entry], root_number: int, pages: list[int], page_height: float
) -> dict[int, bytes]:
    objects = {
        root_number: b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
        % (tree[0].number, tree[-1].number, _count(tree))
    }
    _items(tree, root_number, pages, page_height, objects)
    return objects


def _items(
    entries: list[_Entry],
    parent: int,
    pages: list[int],
    page_height: float,
    objects: dict[int, bytes],
) -> None:
    for i, entry in enumerate(entries):
        mark = entry.bookmark
        page = pages[min(max(mark.page, 0), len(pages) - 1)]
        top = max(0.0, page_height - mark.top)
        parts = [
            b"<< /Title " + _text(mark.title),
            b"/Parent %d 0 R" % parent,
            b"/Dest [%d 0 R /XYZ 0 %.2f null]" % (page, top),
        ]
        if i > 0:
            parts.append(b"/Prev %d 0 R" % entries[i - 1].number)
        if i + 1 < len(entries):
            parts.append(b"/Next %d 0 R" % entries[i + 1].number)
        if entry.children:
            parts.append(
                b"/First %d 0 R /Last %d 0 R /Count %d"
                % (entry.children[0].number, entry.children[-1].number, _count(entry.children))
            )
        objects[entry.number] = b" ".join(parts) + b" >>"
        _items(entry.children, entry.number, pages, page_height, objects)


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16 with a byte-order mark, in hex (safe for any character)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _append(data: bytes, objects: dict[int, bytes], trailer: bytes, size: int) -> bytes:
    previous = int(_value(data[data.rfind(b"startxref") :], rb"startxref\s+(\d+)"))
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    kept = [b"/Root", b"/Info", b"/ID"]
    carried = b" ".join(
        m.group(0)
        for key in kept
        if (m := re.search(re.escape(key) + rb"\s*(\d+\s+0\s+R|\[[^\]]*\])", trailer))
    )
    out += b"trailer\n<< /Size %d %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        carried,
        previous,
        xref_at,
    )
    return bytes(out)
