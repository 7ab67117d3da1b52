"""Structure tags for a PDF from Qt, so a screen reader can move through it by its structure.

Qt writes untagged PDFs. The writer knows where each leaf of the document's structure (a
heading, paragraph, list item or table cell: :class:`Element`) was drawn on each page, in
device dots. :func:`mark_content` wraps each text object of Qt's page content in a
marked-content sequence for the element it falls in (``/H2 << /MCID 3 >> BDC ... EMC``) and
marks the rest of the text as an artifact: the running head and foot as pagination
artifacts (``/Header``, ``/Footer``), a table's repeated header as a plain one, as it does
every path (borders, shading, bullets). :func:`structure_objects` builds the structure tree
(Document > H1-H6, P, L > LI > LBody, Table > THead/TBody > TR > TH/TD, a header cell
scoped to its column or row) as PDF objects. A list's bullets are drawn as paths, so they are
artifacts and a list item holds only its body (PDF/UA allows an LI without a Lbl).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govplanner.export.pdf_pages import Page

Box = tuple[int, float, float, float, float]  # page index, left, top, right, bottom (dots)


@dataclass(frozen=True)
class Element:
    """A leaf of the structure and where it was drawn: one box per page it is on."""

    kind: str  # H1-H6, P, LI, TH or TD
    boxes: tuple[Box, ...]
    #: what holds it: ("L", key) for a list, ("TR", table key, row, in the header rows)
    #: for a table row
    group: tuple[object, ...] = ()


@dataclass(frozen=True)
class Leaf:
    """A leaf as measured in the writer's one long column, before it is cut into pages."""

    kind: str
    group: tuple[object, ...]
    rect: tuple[float, float, float, float]  # left, top, right, bottom


def placed(leaves: list[Leaf], pages: list[Page], left: float, top: float) -> list[Element]:
    """The leaves where they were drawn: the part of each on each page's own section of the
    column (a table's repeated header is left out, as it is an artifact of the pages)."""
    elements = []
    for leaf in leaves:
        l_left, l_top, l_right, l_bottom = leaf.rect
        boxes = []
        for index, page in enumerate(pages):
            if l_bottom < page.start or l_top > page.end:
                continue
            shift = top + page.header_height - page.start
            box_top, box_bottom = max(l_top, page.start) + shift, min(l_bottom, page.end) + shift
            boxes.append((index, l_left + left, box_top, l_right + left, box_bottom))
        elements.append(Element(leaf.kind, tuple(boxes), leaf.group))
    return elements


_TEXT = re.compile(rb"\bBT\b.*?\bET\b", re.S)
_CM = re.compile(rb"1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm")
_TD = re.compile(rb"(-?[\d.]+) (-?[\d.]+) Td")
#: A path from its construction to the operator that paints or clips it (Qt writes one
#: operator a line): borders, shading and bullets, all decoration, so artifacts.
_PATH = re.compile(
    rb"(?m)(?:^(?:-?[\d.]+ )+(?:m|l|c|v|y|re)\n|^h\n)+^(?:W\*? )?(?:S|s|f\*?|F|B\*?|b\*?|n)\n"
)


def mark_content(
    content: bytes,
    page: int,
    elements: list[Element],
    margins: tuple[float, float] = (0.0, float("inf")),
) -> tuple[bytes, list[int]]:
    """The page content with its text marked, and the element index of each MCID in order.
    Text above ``margins[0]`` or below ``margins[1]`` (dots from the top) and in no element
    is the running head or foot."""
    out = bytearray()
    marked: list[int] = []
    at = 0
    for found in _TEXT.finditer(content):
        out += content[at : found.start()]
        where = _position(content, found.start(), found.group(0))
        index = None if where is None else _element_at(elements, page, *where)
        if index is None:
            out += _artifact(where or _untranslated(found.group(0)), margins)
            out += found.group(0) + b"\nEMC"
        else:
            out += b"/%s << /MCID %d >> BDC\n" % (elements[index].kind.encode(), len(marked))
            out += found.group(0) + b"\nEMC"
            marked.append(index)
        at = found.end()
    out += content[at:]
    return _PATH.sub(rb"/Artifact BMC\n\g<0>EMC\n", bytes(out)), marked


def _artifact(where: tuple[float, float] | None, margins: tuple[float, float]) -> bytes:
    """The opening of an artifact: pagination for the running head or foot."""
    if where is not None and where[1] < margins[0]:
        return b"/Artifact << /Type /Pagination /Subtype /Header >> BDC\n"
    if where is not None and where[1] > margins[1]:
        return b"/Artifact << /Type /Pagination /Subtype /Footer >> BDC\n"
    return b"/Artifact BMC\n"


def _untranslated(text: bytes) -> tuple[float, float] | None:
    """Where a text object drawn with no translation of its own starts (the running head and
    foot are painted straight onto the page)."""
    td = _TD.search(text)
    return None if td is None else (float(td.group(1)), -float(td.group(2)))


def _position(content: bytes, start: int, text: bytes) -> tuple[float, float] | None:
    """Where a text object starts, in device dots: Qt writes the painter's translation
    (``1 0 0 1 x y cm``) just before it, and the first line's offset (y upwards) inside."""
    cms = list(_CM.finditer(content, max(0, start - 400), start))
    td = _TD.search(text)
    if not cms or td is None:
        return None
    x, y = float(cms[-1].group(1)), float(cms[-1].group(2))
    return x + float(td.group(1)), y - float(td.group(2))


def _element_at(elements: list[Element], page: int, x: float, y: float) -> int | None:
    """The smallest element box on ``page`` holding the point."""
    best: tuple[float, int] | None = None
    for index, element in enumerate(elements):
        for box_page, left, top, right, bottom in element.boxes:
            if box_page == page and left - 2 <= x <= right + 2 and top - 2 <= y <= bottom + 2:
                area = (right - left) * (bottom - top)
                if best is None or area < best[0]:
                    best = (area, index)
    return None if best is None else best[1]


@dataclass
class _Node:
    kind: str
    children: list[_Node] = field(default_factory=list)
    number: int = 0
    leaf: int | None = None  # the element index, for a node that holds marked content
    attributes: bytes = b""  # the /A entry's dictionary, if any


def structure_objects(
    elements: list[Element], marks: list[list[int]], pages: list[int], first: int, language: str
) -> tuple[dict[int, bytes], int]:
    """The structure tree's objects numbered from ``first`` (the StructTreeRoot), given the
    page objects and each page's marked element indices; and the next free object number."""
    root = first
    document = _tree(elements, {index for indices in marks for index in indices})
    next_number = _number(document, first + 1)
    where: dict[int, list[tuple[int, int]]] = {}
    for page, indices in enumerate(marks):
        for mcid, index in enumerate(indices):
            where.setdefault(index, []).append((page, mcid))
    objects: dict[int, bytes] = {}
    _objects(document, root, where, pages, objects)
    objects[document.number] = objects[document.number][:-2] + b"/Lang (%s) >>" % (
        language.encode("ascii", "replace")
    )
    parent_tree = next_number
    nums = []
    leaves = {n.leaf: n.number for n in _walk(document) if n.leaf is not None}
    for page, indices in enumerate(marks):
        refs = b" ".join(b"%d 0 R" % leaves[i] for i in indices)
        nums.append(b"%d [%s]" % (page, refs))
    objects[parent_tree] = b"<< /Nums [" + b" ".join(nums) + b"] >>"
    objects[root] = b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R " % (
        document.number,
        parent_tree,
    ) + b"/ParentTreeNextKey %d >>" % len(marks)
    return objects, parent_tree + 1


def _tree(elements: list[Element], drawn: set[int]) -> _Node:
    """The structure of the elements that have text on the pages (an empty line has none)."""
    document = _Node("Document")
    containers: dict[tuple[object, ...], _Node] = {}
    for index, element in enumerate(elements):
        if index not in drawn:
            continue
        holder = document
        if element.group[:1] == ("L",):
            holder = _holder(containers, element.group, "L", document)
            item = _Node("LI")
            holder.children.append(item)
            holder, kind = item, "LBody"
        elif element.group[:1] == ("TR",):
            holder = _row(containers, element.group, document)
            kind = element.kind
        else:
            kind = element.kind
        node = _Node(kind, leaf=index)
        if kind == "TH":
            scope = b"Column" if _in_head(element.group) else b"Row"
            node.attributes = b"<< /O /Table /Scope /%s >>" % scope
        holder.children.append(node)
    return document


def _in_head(group: tuple[object, ...]) -> bool:
    return len(group) > 3 and bool(group[3])


def _row(
    containers: dict[tuple[object, ...], _Node], group: tuple[object, ...], document: _Node
) -> _Node:
    """The TR for a cell, in its table's THead (header rows) or TBody (the rest)."""
    table = _holder(containers, ("Table", group[1]), "Table", document)
    part = "THead" if _in_head(group) else "TBody"
    section = _holder(containers, (part, group[1]), part, table)
    return _holder(containers, ("TR", *group[1:3]), "TR", section)


def _holder(
    containers: dict[tuple[object, ...], _Node], key: tuple[object, ...], kind: str, parent: _Node
) -> _Node:
    if key not in containers:
        containers[key] = _Node(kind)
        parent.children.append(containers[key])
    return containers[key]


def _number(node: _Node, number: int) -> int:
    node.number = number
    number += 1
    for child in node.children:
        number = _number(child, number)
    return number


def _walk(node: _Node) -> list[_Node]:
    return [node, *(n for child in node.children for n in _walk(child))]


def _objects(
    node: _Node,
    parent: int,
    where: dict[int, list[tuple[int, int]]],
    pages: list[int],
    objects: dict[int, bytes],
) -> None:
    if node.leaf is not None:
        marked = where.get(node.leaf, [])
        kids = [b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (pages[p], m) for p, m in marked]
    else:
        kids = [b"%d 0 R" % child.number for child in node.children]
    attributes = b" /A " + node.attributes if node.attributes else b""
    objects[node.number] = b"<< /Type /StructElem /S /%s /P %d 0 R /K [%s]%s >>" % (
        node.kind.encode(),
        parent,
        b" ".join(kids),
        attributes,
    )
    for child in node.children:
        _objects(child, node.number, where, pages, objects)
