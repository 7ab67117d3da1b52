"""Where the pages of a PDF break: pure arithmetic on measured pieces, no Qt.

The PDF writer lays the whole document out as one long column, measures it into pieces
(each line of a paragraph, each table row) and asks :func:`paginate` where to cut it. A cut
only ever falls between pieces, so a line or a table row is never split; a piece marked
``keep_with_next`` (a heading, a line ending in ':', the first line of a paragraph) always
starts the next page with what follows it; and a page that starts inside a table repeats
that table's header rows at its top.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """Something that must not be split: a line of text or a table row (y grows downwards)."""

    top: float
    bottom: float
    keep_with_next: bool = False
    #: the template asks for a new page here (CSS ``page-break-before: always``)
    break_before: bool = False
    #: the header band (top, bottom) of the table this row belongs to, for body rows of a
    #: table with header rows; a page starting at this row repeats the band
    header: tuple[float, float] | None = None


@dataclass(frozen=True)
class Page:
    """One page: the part [start, end] of the long column, below an optional header band."""

    start: float
    end: float
    header: tuple[float, float] | None = None

    @property
    def header_height(self) -> float:
        return 0.0 if self.header is None else self.header[1] - self.header[0]


def paginate(pieces: list[Piece], page_height: float) -> list[Page]:
    """The pages for ``pieces`` (in reading order) on pages ``page_height`` tall."""
    if page_height <= 0:
        raise ValueError("page_height must be positive")
    pages: list[Page] = []
    first = 0
    while first < len(pieces):
        start_piece = pieces[first]
        header = start_piece.header if pages else None
        if header is not None and header[1] > start_piece.top:
            header = None  # the table's own header rows are on this page already
        band = 0.0 if header is None else header[1] - header[0]
        limit = start_piece.top + page_height - band
        last = _last_fitting(pieces, first, limit)
        last = _keep_together(pieces, first, last)
        pages.append(Page(start_piece.top, pieces[last].bottom, header))
        first = last + 1
    return pages


def _last_fitting(pieces: list[Piece], first: int, limit: float) -> int:
    """The last piece from ``first`` whose bottom is within ``limit``; at least ``first``
    itself (a piece taller than a page goes on a page of its own)."""
    last = first
    while (
        last + 1 < len(pieces)
        and pieces[last + 1].bottom <= limit + 0.01
        and not pieces[last + 1].break_before
    ):
        last += 1
    return last


def _keep_together(pieces: list[Piece], first: int, last: int) -> int:
    """Move the cut back past pieces that keep with the next, while the page keeps something."""
    if last + 1 >= len(pieces) or pieces[last + 1].break_before:
        return last  # the document or the template ends the page here
    candidate = last
    while candidate > first and pieces[candidate].keep_with_next:
        candidate -= 1
    return candidate if not pieces[candidate].keep_with_next else last
