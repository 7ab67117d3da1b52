"""The PDF's language, bookmarks and title display, added as an incremental update."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from govplanner.domain.errors import ExportError
from govplanner.export.pdf_catalog import Bookmark, finish_pdf


def _minimal_pdf(pages: int) -> bytes:
    """A small valid PDF with ``pages`` empty A4 pages, written as Qt writes one."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages)).encode()
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<<\n/Size %d\n/Root 1 0 R\n>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data), strict=True)


def test_the_language_and_the_title_display_are_set() -> None:
    reader = _read(finish_pdf(_minimal_pdf(1), language="en-GB", bookmarks=[], page_height=842))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "/Outlines" not in root
    assert len(reader.pages) == 1


def test_headings_become_nested_bookmarks_that_open_at_their_page() -> None:
    marks = [
        Bookmark(1, "Chief Nursing Officer", 0, 60.0),
        Bookmark(2, "Key responsibilities", 0, 400.0),
        Bookmark(3, "Representation", 1, 100.0),
        Bookmark(3, "Relational work – “trust”", 1, 500.0),
        Bookmark(2, "Person specification", 2, 80.0),
    ]
    reader = _read(finish_pdf(_minimal_pdf(3), language="en-GB", bookmarks=marks, page_height=842))
    top = reader.outline
    assert [o.title for o in top if not isinstance(o, list)] == ["Chief Nursing Officer"]
    sections = top[1]
    assert [o.title for o in sections if not isinstance(o, list)] == [
        "Key responsibilities",
        "Person specification",
    ]
    functions = sections[1]
    assert [o.title for o in functions] == ["Representation", "Relational work – “trust”"]
    assert [reader.get_destination_page_number(o) for o in functions] == [1, 1]
    assert float(functions[0].top) == pytest.approx(842 - 100.0)
    assert reader.get_destination_page_number(sections[2]) == 2
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_an_earlier_language_is_replaced_not_doubled() -> None:
    first = finish_pdf(_minimal_pdf(1), language="en-US", bookmarks=[], page_height=842)
    again = finish_pdf(first, language="en-GB", bookmarks=[], page_height=842)
    assert _read(again).trailer["/Root"]["/Lang"] == "en-GB"


def test_output_that_is_not_a_pdf_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="trailer"):
        finish_pdf(b"not a pdf", language="en-GB", bookmarks=[], page_height=842)


def _xmp(data: bytes) -> bytes:
    stream = _read(data).trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream
    return bytes(stream.get_data())


def test_metadata_claims_pdf_ua_1_once_with_the_title() -> None:
    first = finish_pdf(
        _minimal_pdf(1), language="en-GB", bookmarks=[], page_height=842, title="A & B – role"
    )
    xmp = _xmp(first)
    assert b"<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert b'<rdf:li xml:lang="x-default">A &amp; B \xe2\x80\x93 role</rdf:li>' in xmp
    # Finished again (Qt's own metadata now there): amended, never claimed twice.
    again = _xmp(finish_pdf(first, language="en-GB", bookmarks=[], page_height=842))
    assert again.count(b"pdfuaid:part>1<") == 1
    assert b"A &amp; B" in again
