"""A tolerant parse of rendered HTML into a small tree, for the Word writer to walk."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "wbr", "base", "source"})
#: Elements whose content is never part of the document body.
SKIPPED = frozenset({"head", "style", "script", "title", "template", "noscript"})
#: Elements that start a new block; everything else is inline.
BLOCKS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "header", "footer", "nav",
        "aside", "figure", "figcaption", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
        "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "blockquote",
        "pre", "hr", "dl", "dt", "dd", "address",
    }
)  # fmt: skip

_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def is_block(self) -> bool:
        return self.tag in BLOCKS

    def elements(self, *tags: str) -> list[Node]:
        """Direct child elements, optionally only those with the given tags."""
        return [c for c in self.children if isinstance(c, Node) and (not tags or c.tag in tags)]

    def text(self) -> str:
        """All text inside, whitespace collapsed as a browser would."""
        parts: list[str] = []
        _collect_text(self, parts)
        return _SPACE.sub(" ", "".join(parts)).strip()


def _collect_text(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            parts.append(" ")
        else:
            _collect_text(child, parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack: list[Node] = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED or self.skipping:
            return
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or tag in VOID:
            return
        # Close up to the matching open element; a stray end tag is ignored.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.stack[-1].children.append(data)


def parse_html(html: str) -> Node:
    """The document as a tree rooted at a ``#root`` node (never raises on bad markup)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def collapse_space(text: str) -> str:
    return _SPACE.sub(" ", text)
