"""The HTML-to-Word walker: structure becomes Word structure, on the reference document's styles."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from govplanner.export.docx_writer import DocxBuilder
from govplanner.export.templating import shipped_templates_dir


@pytest.fixture(scope="module")
def builder() -> DocxBuilder:
    return DocxBuilder((shipped_templates_dir() / "reference.docx").read_bytes())


def _doc(builder: DocxBuilder, html: str) -> DocxDocument:
    return Document(io.BytesIO(builder.build(html, title="T")))


def _paragraphs(doc: DocxDocument) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]


def test_headings_map_to_title_and_heading_styles(builder: DocxBuilder) -> None:
    doc = _doc(builder, "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><p>E</p>")
    assert _paragraphs(doc) == [
        ("Title", "A"),
        ("Heading 1", "B"),
        ("Heading 2", "C"),
        ("Heading 3", "D"),
        ("Normal", "E"),
    ]


def test_nested_and_numbered_lists_use_word_list_styles(builder: DocxBuilder) -> None:
    html = "<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul><ol><li>first</li></ol>"
    assert _paragraphs(_doc(builder, html)) == [
        ("List Bullet", "one"),
        ("List Bullet 2", "one.a"),
        ("List Bullet", "two"),
        ("List Number", "first"),
    ]


def test_inline_formatting_becomes_runs(builder: DocxBuilder) -> None:
    doc = _doc(builder, "<p>plain <b>bold</b> <em>italic</em> <u>under</u><br>next line</p>")
    runs = doc.paragraphs[0].runs
    assert [(r.text, r.bold, r.italic, r.underline) for r in runs if r.text] == [
        ("plain ", None, None, None),
        ("bold", True, None, None),
        (" ", None, None, None),
        ("italic", None, True, None),
        (" ", None, None, None),
        ("under", None, None, True),
        ("\n", None, None, None),  # python-docx reads a line break back as a newline
        ("next line", None, None, None),
    ]
    assert "<w:br/>" in doc.paragraphs[0]._p.xml


def test_whitespace_collapses_as_in_a_browser(builder: DocxBuilder) -> None:
    doc = _doc(builder, "<p>\n   several   spaces\n\tand  lines   </p><p>   </p>")
    assert [p.text for p in doc.paragraphs] == ["several spaces and lines"]


def test_classes_and_data_attribute_pick_paragraph_styles(builder: DocxBuilder) -> None:
    html = (
        '<p class="lead">lead</p><p class="note">note</p><p class="kicker">kick</p>'
        '<p data-docx-style="Quote">quoted</p><p data-docx-style="No Such Style">plain</p>'
    )
    assert _paragraphs(_doc(builder, html)) == [
        ("Subtitle", "lead"),
        ("Note", "note"),
        ("Kicker", "kick"),
        ("Quote", "quoted"),
        ("Normal", "plain"),
    ]


def test_tables_keep_shape_spans_widths_and_header(builder: DocxBuilder) -> None:
    html = (
        '<table><thead><tr><th width="25%">Key</th><th>Value</th></tr></thead>'
        "<tbody><tr><td>a</td><td><ul><li>x</li><li>y</li></ul></td></tr>"
        '<tr><td colspan="2">wide</td></tr></tbody></table>'
    )
    doc = _doc(builder, html)
    (table,) = doc.tables
    assert table.style is not None
    assert table.style.name == "Govplanner Table"
    assert [c.text for c in table.rows[0].cells] == ["Key", "Value"]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    cell = table.rows[1].cells[1]
    assert [(p.style.name if p.style else "", p.text) for p in cell.paragraphs] == [
        ("List Bullet", "x"),
        ("List Bullet", "y"),
    ]
    merged = table.rows[2].cells
    assert merged[0]._tc is merged[1]._tc
    assert merged[0].text == "wide"
    widths = [c.width for c in table.columns]
    assert abs(widths[0] / (widths[0] + widths[1]) - 0.25) < 0.01


def test_skipped_and_unknown_markup_is_harmless(builder: DocxBuilder) -> None:
    html = (
        "<html><head><title>x</title><style>p{}</style><script>alert(1)</script></head>"
        "<body><section><custom-tag>inside</custom-tag></section><p>a</p></p></div>"
        "<table></table><img src='x'></body></html>"
    )
    assert [p.text for p in _doc(builder, html).paragraphs] == ["inside", "a"]


def test_built_documents_are_independent(builder: DocxBuilder) -> None:
    first = _doc(builder, "<p>first</p>")
    second = _doc(builder, "<p>second</p>")
    assert [p.text for p in first.paragraphs] == ["first"]
    assert [p.text for p in second.paragraphs] == ["second"]
    assert second.core_properties.title == "T"


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_document_properties_are_set_now_by_govplanner(builder: DocxBuilder) -> None:
    now = dt.datetime(2026, 4, 1, 9, 30, tzinfo=dt.UTC)
    data = builder.build(
        "<p>x</p>", title="Lead – role description", subject="Plan: role description",
        keywords=["Lead", "", "Audit Committee"], now=now,
    )  # fmt: skip
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == "Lead – role description"
    assert props.subject == "Plan: role description"
    assert props.keywords == "Lead; Audit Committee"
    assert props.comments == ""  # the reference's own comment is not carried over
    assert (props.author, props.last_modified_by) == ("govplanner", "govplanner")
    assert props.created == props.modified == now
    parts = _parts(data)
    assert b"<Application>govplanner</Application>" in parts["docProps/app.xml"]
    assert b"Microsoft" not in parts["docProps/app.xml"]


def test_a_fresh_document_is_stamped_with_the_time_it_was_made(builder: DocxBuilder) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props = Document(io.BytesIO(builder.build("<p>x</p>"))).core_properties
    assert props.created is not None
    assert props.created >= before
    assert props.created.year >= 2026


def test_no_thumbnail_and_british_english_throughout(builder: DocxBuilder) -> None:
    parts = _parts(builder.build("<h1>Title</h1><p>Colour</p>"))
    assert not any("thumbnail" in name for name in parts)
    assert b"thumbnail" not in parts["_rels/.rels"]
    assert b"savePreviewPicture" not in parts["word/settings.xml"]
    for name in ("word/styles.xml", "word/stylesWithEffects.xml"):
        langs = re.findall(rb'<w:lang\b[^>]*w:val="([^"]+)"', parts[name])
        assert langs, name
        assert set(langs) == {b"en-GB"}, name
    assert b"en-US" not in parts["word/styles.xml"]


def test_headings_keep_with_next_and_rows_never_split(builder: DocxBuilder) -> None:
    doc = _doc(
        builder,
        "<h2>Section</h2><h3>Sub</h3><p>Typical activities:</p><ul><li>One</li></ul>"
        "<p>Plain.</p><table><tr><th>A</th></tr><tr><td>b</td></tr></table>",
    )
    keep = {p.text: p.paragraph_format.keep_with_next for p in doc.paragraphs}
    assert keep == {"Section": True, "Sub": True, "Typical activities:": True, "One": None,
                    "Plain.": None}  # fmt: skip
    rows = doc.tables[0].rows
    assert all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None
               for r in rows)  # fmt: skip
    # The header row still repeats, its properties in schema order.
    header = rows[0]._tr.trPr
    assert [el.tag.split("}")[1] for el in header] == ["cantSplit", "tblHeader"]
