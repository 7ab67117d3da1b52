"""The fast Word path makes the same documents as python-docx, the reference implementation."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from govplanner.analysis import analyse
from govplanner.domain.errors import ExportError
from govplanner.export.docx_fast import FastDocxBuilder
from govplanner.export.docx_pipeline import WriteBehind
from govplanner.export.role_context import PlanIndex, role_context
from govplanner.export.roles import HTML_TEMPLATE, _keywords
from govplanner.export.templating import make_environment, render, shipped_templates_dir
from govplanner.files.atomic import backup_path, backups_kept
from govplanner.files.planfile import load_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOW = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def fast() -> FastDocxBuilder:
    return FastDocxBuilder((shipped_templates_dir() / "reference.docx").read_bytes())


def _role_pages() -> list[tuple[str, str, str, list[str]]]:
    """(example, role title, rendered HTML, keywords) for every role of both examples."""
    env = make_environment(None, html=True)
    pages = []
    for example in ("cluster-example.govplan", "ics-example.govplan"):
        plan = load_plan(EXAMPLES / example)
        analysis = analyse(plan)
        index = PlanIndex(plan, analysis)
        for role in plan.roles:
            context = role_context(plan, role, analysis, index=index)
            html = render(env, HTML_TEMPLATE, context)
            pages.append((example, role.title, html, _keywords(context)))
    return pages


ROLE_PAGES = _role_pages()


def _both(fast: FastDocxBuilder, html: str, **props: Any) -> tuple[bytes, bytes]:
    props = {"title": "A title", "subject": "A subject", "keywords": ["k1", "k2"], "now": NOW,
             **props}  # fmt: skip
    return fast.build(html, **props), fast.slow.build(html, **props)


def _open(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def _runs(paragraph: Any) -> list[tuple[str, Any, Any, Any]]:
    return [(r.text, r.bold, r.italic, r.underline) for r in paragraph.runs]


def _paragraphs(container: Any) -> list[Any]:
    return [
        (
            p.style.name if p.style else None,
            p.text,
            p.paragraph_format.keep_with_next,
            _runs(p),
        )
        for p in container.paragraphs
    ]


def _tables(doc: DocxDocument) -> list[Any]:
    tables = []
    for table in doc.tables:
        rows = []
        for row in table.rows:
            tr_pr = row._tr.trPr
            flags = (
                tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None,
                tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None,
            )
            rows.append((flags, [(c.width, _paragraphs(c)) for c in row.cells]))
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        style = table.style.name if table.style is not None else None
        widths = [col.width for col in table.columns]
        tables.append((style, dict(look.attrib) if look is not None else None, widths, rows))
    return tables


def _sections(doc: DocxDocument) -> list[Any]:
    return [
        (
            s.page_width, s.page_height, s.left_margin, s.right_margin, s.top_margin,
            s.bottom_margin, s.footer_distance, s.orientation,
            [p.text for p in s.footer.paragraphs], [p.text for p in s.header.paragraphs],
        )
        for s in doc.sections
    ]  # fmt: skip


def _core(doc: DocxDocument) -> dict[str, Any]:
    props = doc.core_properties
    names = ("title", "subject", "keywords", "author", "last_modified_by", "comments",
             "category", "revision", "created", "modified", "language")  # fmt: skip
    return {name: getattr(props, name) for name in names}


def _assert_same(fast_bytes: bytes, slow_bytes: bytes) -> None:
    fast_doc, slow_doc = _open(fast_bytes), _open(slow_bytes)
    assert _paragraphs(fast_doc) == _paragraphs(slow_doc)
    assert _tables(fast_doc) == _tables(slow_doc)
    assert _sections(fast_doc) == _sections(slow_doc)
    assert _core(fast_doc) == _core(slow_doc)
    # And the packages themselves: the same parts, the same XML (canonical form).
    with zipfile.ZipFile(io.BytesIO(fast_bytes)) as f, zipfile.ZipFile(io.BytesIO(slow_bytes)) as s:
        assert f.testzip() is None
        assert f.namelist() == s.namelist()
        for name in s.namelist():
            mine, theirs = f.read(name), s.read(name)
            if name.endswith((".xml", ".rels")):
                mine, theirs = _c14n(mine), _c14n(theirs)
            assert mine == theirs, name


def _c14n(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n")


@pytest.mark.parametrize(
    ("example", "title", "html", "keywords"),
    ROLE_PAGES,
    ids=[f"{e.split('-')[0]}-{i}" for i, (e, *_) in enumerate(ROLE_PAGES)],
)
def test_every_example_role_is_the_same_document_as_python_docx_makes(
    fast: FastDocxBuilder, example: str, title: str, html: str, keywords: list[str]
) -> None:
    fast_bytes, slow_bytes = _both(
        fast, html, title=f"{title} – role description", subject=example, keywords=keywords
    )
    _assert_same(fast_bytes, slow_bytes)
    doc = _open(fast_bytes)
    assert doc.paragraphs[1].style.name == "Title"
    assert doc.paragraphs[1].text == title.strip()
    assert any(t.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None for t in doc.tables)


def test_the_examples_give_the_walk_enough_to_compare() -> None:
    assert len(ROLE_PAGES) >= 20
    assert all("<table" in html and "<ul>" in html for _, _, html, _ in ROLE_PAGES)


EDGE_CASES = {
    "escaping": "<p>Fish &amp; chips &lt;b&gt; \"quoted\" 'apostrophe' &gt; 3</p>",
    "control characters": "<p>bell\x07 tab\x0b form\x0c nul\x00 end\x1f</p><h2>a\x08b</h2>",
    "spaces and breaks": "<p>  lead <b>bold </b> <i> it</i><br> after break <br></p>",
    "marks together": "<p><b><i><u>all three</u></i></b> and <em>em</em><strong>s</strong></p>",
    "lists": "<ul><li>one<ul><li>a<ol><li>deep</li></ol></li></ul><p>para in li</p></li></ul>"
    "<ol><li>first</li></ol>",
    "styles": '<p class="lead">l</p><p class="kicker">k</p><p class="note">n</p>'
    '<p class="colophon">c</p><p data-docx-style="Quote">q</p><p data-docx-style="Nope">x</p>'
    "<blockquote>said <b>so</b></blockquote><dl><dt>term</dt><dd>meaning</dd></dl>",
    "keep with next": "<p>Introduces a list:</p><ul><li>x</li></ul><h1>T</h1><h4>h4</h4>",
    "tables": '<table width="100%"><thead><tr><th width="30%">Head</th><th>Two</th></tr></thead>'
    "<tbody><tr><td>a</td></tr><tr><th>side</th><td><p>p1</p><p>p2</p><ul><li>li</li></ul></td>"
    "</tr><tr><td></td><td>   </td></tr></tbody></table>"
    "<table><tr><th>h</th><th>h2</th></tr><tr><th>h3</th><th>h4</th></tr>"
    "<tr><td>Averyveryverylongwordindeed x</td><td>y</td></tr></table><table></table>",
    "spanning cells (python-docx path)": "<table><tr><th colspan='2'>wide</th></tr>"
    "<tr><td>a</td><td>b</td></tr></table>",
    "table in a table (python-docx path)": "<table><tr><td><table><tr><td>in</td></tr></table>"
    "</td></tr></table>",
    "nothing": "",
    "stray markup": "<div><span>loose text <b>bold</p></div></i> tail<h2>unclosed",
}


@pytest.mark.parametrize("html", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_cases_are_the_same_document_as_python_docx_makes(
    fast: FastDocxBuilder, html: str
) -> None:
    _assert_same(*_both(fast, html))


def test_text_xml_cannot_hold_never_reaches_the_document(fast: FastDocxBuilder) -> None:
    html = EDGE_CASES["control characters"] + EDGE_CASES["escaping"]
    title = "Role\x0b with & <odd> title"
    doc = _open(fast.build(html, title=title, subject="s\x01", keywords=["k\x02", "", "j"]))
    assert [p.text for p in doc.paragraphs[:2]] == ["bell tab form nul end", "ab"]
    assert doc.paragraphs[2].text == "Fish & chips <b> \"quoted\" 'apostrophe' > 3"
    props = doc.core_properties
    assert (props.title, props.subject, props.keywords) == (
        "Role with & <odd> title",
        "s",
        "k; j",
    )


def test_properties_are_those_of_a_document_made_now_by_govplanner(
    fast: FastDocxBuilder,
) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    doc = _open(fast.build("<p>x</p>", title="T" * 300, subject="S", keywords=["a", "b"]))
    props = doc.core_properties
    assert props.created is not None
    assert props.modified is not None
    assert before <= props.created.replace(tzinfo=None) <= before + dt.timedelta(minutes=1)
    assert props.created == props.modified
    assert props.title == "T" * 255
    assert (props.author, props.last_modified_by, props.comments) == ("govplanner",) * 2 + ("",)
    with zipfile.ZipFile(io.BytesIO(fast.build("<p>x</p>"))) as package:
        app = package.read("docProps/app.xml").decode()
        styles = package.read("word/styles.xml").decode()
        names = package.namelist()
    assert "<Application>govplanner</Application>" in app
    assert 'w:val="en-GB"' in styles
    assert "en-US" not in styles
    assert not any("thumbnail" in n for n in names)


def test_a_reference_with_content_in_its_body_keeps_it_first(tmp_path: Path) -> None:
    doc = Document(io.BytesIO((shipped_templates_dir() / "reference.docx").read_bytes()))
    doc.add_paragraph("Letterhead line", style="Note")
    out = io.BytesIO()
    doc.save(out)
    builder = FastDocxBuilder(out.getvalue())
    fast_bytes, slow_bytes = _both(builder, "<h1>Title</h1><p>Body</p>")
    _assert_same(fast_bytes, slow_bytes)
    assert [p.text for p in _open(fast_bytes).paragraphs] == ["Letterhead line", "Title", "Body"]


def test_write_behind_reports_each_file_in_order_and_keeps_backups(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    (tmp_path / "a.docx").write_bytes(b"old")
    with backups_kept(), WriteBehind(3, lambda *done: seen.append(done)) as writer:
        for number, name in enumerate(("a.docx", "b.docx", "c.docx")):
            writer.start(tmp_path / name, name.encode())
            assert seen == [(n, 3) for n in range(1, number + 1)]  # the one before, reported
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert writer.written == [tmp_path / "a.docx", tmp_path / "b.docx", tmp_path / "c.docx"]
    assert (tmp_path / "a.docx").read_bytes() == b"a.docx"
    assert backup_path(tmp_path / "a.docx").read_bytes() == b"old"  # the context reached it


def test_write_behind_raises_a_failed_write_and_reports_nothing_for_it(tmp_path: Path) -> None:
    (tmp_path / "folder.docx").mkdir()
    writer = WriteBehind(2)
    writer.start(tmp_path / "fine.docx", b"1")
    writer.start(tmp_path / "folder.docx", b"2")
    with pytest.raises(ExportError, match="folder"):
        writer.wait()
    assert writer.written == [tmp_path / "fine.docx"]


def test_write_behind_finishes_the_write_in_flight_when_the_caller_fails(tmp_path: Path) -> None:

    def failing_export() -> None:
        with WriteBehind(1) as writer:
            writer.start(tmp_path / "one.docx", b"complete")
            raise RuntimeError("render failed")

    with pytest.raises(RuntimeError, match="render failed"):
        failing_export()
    assert (tmp_path / "one.docx").read_bytes() == b"complete"
    assert [p.name for p in tmp_path.iterdir()] == ["one.docx"]  # no temporary file left
