"""A role description PDF read as a PDF/UA-1 checker reads its structure (with pypdf).

veraPDF is not installed here; these tests check the parts of PDF/UA-1 that govplanner
writes itself: the PDF/UA identifier and title in the XMP metadata, the catalogue's entries,
tables in header and body sections with scoped header cells, lists, the running head and
foot as pagination artifacts, and every marked piece of content reachable from the tree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from govplanner.export.roles import export_role_descriptions
from tests.export.plans import partnership

pytestmark = pytest.mark.gui

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> PdfReader:
    out: Path = tmp_path_factory.mktemp("pdfua")
    (path, *_) = export_role_descriptions(partnership(), out, fmt="pdf")
    return PdfReader(path, strict=True)


def _kids(node: Any) -> list[Any]:
    kids = node.get("/K", [])
    kids = kids if isinstance(kids, list) else [kids]
    return [k.get_object() for k in kids if not isinstance(k, int)]


def _elements(node: Any) -> list[Any]:
    """The structure elements under ``node`` (not the marked-content references)."""
    return [k for k in _kids(node) if k.get("/Type") != "/MCR" and "/S" in k]


def _walk(node: Any) -> list[Any]:
    return [node, *(n for child in _elements(node) for n in _walk(child))]


def _tree(reader: PdfReader) -> list[Any]:
    """Every structure element, from the tree's root down."""
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    return [n for child in _elements(root) for n in _walk(child)]


def test_the_metadata_claims_pdf_ua_1_with_the_title(reader: PdfReader) -> None:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert stream["/Type"] == "/Metadata"
    assert stream["/Subtype"] == "/XML"
    assert "/Filter" not in stream  # left readable, as PDF/A and PDF/UA readers expect
    xmp = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", stream.get_data()).strip())
    parts = [e.text for e in xmp.iter(f"{PDFUAID}part")]
    assert parts == ["1"]
    titles = [li.text for t in xmp.iter(f"{DC}title") for li in t.iter(f"{RDF}li")]
    assert reader.metadata is not None
    assert titles == [reader.metadata.title]
    assert titles[0].endswith("– role description")


def test_the_catalogue_says_tagged_titled_and_in_british_english(reader: PdfReader) -> None:
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/Lang"] == "en-GB"
    for page in reader.pages:
        assert page["/Tabs"] == "/S"
        assert "/StructParents" in page


def test_tables_have_header_and_body_sections_and_scoped_header_cells(reader: PdfReader) -> None:
    tables = [n for n in _tree(reader) if n["/S"] == "/Table"]
    assert len(tables) >= 2
    scopes: set[str] = set()
    for table in tables:
        sections = [k["/S"] for k in _elements(table)]
        assert sections in (["/TBody"], ["/THead", "/TBody"])
        for section in _elements(table):
            for row in _elements(section):
                assert row["/S"] == "/TR"
                for cell in _elements(row):
                    assert cell["/S"] in ("/TH", "/TD")
                    if cell["/S"] == "/TH":
                        scope = cell["/A"]["/Scope"]
                        in_head = section["/S"] == "/THead"
                        assert scope == ("/Column" if in_head else "/Row")
                        scopes.add(scope)
    # "The role at a glance" has row headers; the committees table has column headers.
    assert scopes == {"/Column", "/Row"}


def test_lists_hold_items_with_bodies(reader: PdfReader) -> None:
    lists = [n for n in _tree(reader) if n["/S"] == "/L"]
    assert lists
    for found in lists:
        items = _elements(found)
        assert items
        assert all(i["/S"] == "/LI" for i in items)
        assert all([b["/S"] for b in _elements(i)] == ["/LBody"] for i in items)


def test_running_head_and_foot_are_pagination_artifacts(reader: PdfReader) -> None:
    for page in reader.pages:
        content = page.get_contents()
        assert content is not None
        data = content.get_data()
        assert data.count(b"/Artifact << /Type /Pagination /Subtype /Header >> BDC") == 1
        assert data.count(b"/Artifact << /Type /Pagination /Subtype /Footer >> BDC") == 1


def test_every_marked_piece_of_content_belongs_to_the_tree(reader: PdfReader) -> None:
    parents = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    by_page = dict(zip(parents[::2], parents[1::2], strict=True))
    for number, page in enumerate(reader.pages):
        content = page.get_contents()
        assert content is not None
        mcids = [int(m) for m in re.findall(rb"/MCID (\d+) >> BDC", content.get_data())]
        owners = by_page[page["/StructParents"]].get_object()
        assert mcids == list(range(len(owners))), f"page {number + 1}"
        assert all(o.get_object()["/S"] in KINDS for o in owners)


#: The standard structure types that hold text in a role description.
KINDS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/P", "/LBody", "/TH", "/TD"}
