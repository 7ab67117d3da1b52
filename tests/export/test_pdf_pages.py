"""Where PDF pages break: measured pieces cut only between them, headings with what follows."""

from __future__ import annotations

import pytest

from govplanner.export.pdf_pages import Page, Piece, paginate


def _lines(count: int, top: float = 0.0, height: float = 10.0) -> list[Piece]:
    return [Piece(top + i * height, top + (i + 1) * height) for i in range(count)]


def test_lines_fill_each_page_and_the_cut_falls_between_lines() -> None:
    pages = paginate(_lines(25), 100.0)
    assert [(p.start, p.end) for p in pages] == [(0, 100), (100, 200), (200, 250)]


def test_a_heading_that_would_end_a_page_starts_the_next_one() -> None:
    pieces = _lines(9)
    heading = Piece(90, 100, keep_with_next=True)
    pages = paginate([*pieces, heading, *_lines(5, top=100)], 100.0)
    assert pages[0].end == 90  # the heading went over with its paragraph
    assert pages[1].start == 90


def test_headings_in_a_row_go_over_together_with_the_text_after_them() -> None:
    pieces = [*_lines(8), Piece(80, 90, True), Piece(90, 100, True), *_lines(3, top=100)]
    pages = paginate(pieces, 100.0)
    assert pages[1].start == 80


def test_a_page_of_nothing_but_headings_still_breaks_rather_than_looping() -> None:
    pieces = [Piece(i * 10, i * 10 + 10, True) for i in range(25)]
    pages = paginate(pieces, 100.0)
    assert len(pages) == 3
    assert pages[0].end == 100


def test_a_table_row_is_never_split_and_a_continued_table_repeats_its_header() -> None:
    band = (0.0, 20.0)
    header = Piece(0, 20, keep_with_next=True)
    rows = [Piece(20 + i * 30, 50 + i * 30, header=band) for i in range(6)]
    pages = paginate([header, *rows], 100.0)
    # 20 + 2 rows of 30 = 80 fits; a third row would end at 110.
    assert pages[0] == Page(0, 80, None)
    # The next page repeats the 20-high header band above rows of 30: two more rows fit.
    assert pages[1] == Page(80, 140, band)
    assert pages[1].header_height == 20
    assert all(p.start in {0, 80, 140, 200} for p in pages)


def test_a_table_header_is_not_repeated_on_the_page_where_the_table_starts() -> None:
    pieces = [*_lines(9), Piece(90, 110, True), Piece(110, 140, header=(90.0, 110.0))]
    pages = paginate(pieces, 100.0)
    assert pages[1] == Page(90, 140, None)


def test_a_piece_taller_than_a_page_gets_a_page_of_its_own() -> None:
    pages = paginate([Piece(0, 10), Piece(10, 400), Piece(400, 410)], 100.0)
    assert [(p.start, p.end) for p in pages] == [(0, 10), (10, 400), (400, 410)]


def test_a_break_the_template_asks_for_is_kept() -> None:
    pieces = [Piece(0, 10), Piece(10, 20, break_before=True), Piece(20, 30)]
    assert [(p.start, p.end) for p in paginate(pieces, 100.0)] == [(0, 10), (10, 30)]


def test_a_page_must_have_height() -> None:
    with pytest.raises(ValueError, match="page_height"):
        paginate(_lines(2), 0)
