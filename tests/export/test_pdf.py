"""Role descriptions as PDF through Qt (needs Qt, runs offscreen)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from govplanner.export.pdf import html_to_pdf
from govplanner.export.roles import export_role_descriptions
from tests.export.plans import partnership

pytestmark = pytest.mark.gui


def _pages(data: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data), strict=True).pages)


def test_html_becomes_an_a4_pdf(qapp: object) -> None:
    data = html_to_pdf("<h1>Hello</h1><p>World</p>", title="Greeting")
    assert data.startswith(b"%PDF-")
    assert _pages(data) == 1
    # A4 in points is 595 x 842.
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+84[12](\.\d+)?\s*\]", data)


def test_long_content_runs_over_several_pages(qapp: object) -> None:
    html = "".join(f"<p>Paragraph {i} of a long document.</p>" for i in range(400))
    assert _pages(html_to_pdf(html)) > 3


def test_role_descriptions_export_as_pdf(qapp: object, tmp_path: Path) -> None:
    written = export_role_descriptions(partnership(), tmp_path, fmt="pdf")
    assert [p.suffix for p in written] == [".pdf"] * 3
    for path in written:
        data = path.read_bytes()
        assert data.startswith(b"%PDF-")
        assert _pages(data) >= 2


def test_a_local_image_is_never_read_into_the_pdf(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    picture = tmp_path / "private.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    for src in (str(picture), picture.as_uri(), "private.png"):
        pdf = html_to_pdf(f'<p>Before</p><img src="{src}" width="64" height="64"><p>After</p>')
        assert re.search(rb"/Width 64\b", pdf) is None  # only a blank dot stands in for it


# -- pages laid out here: headings kept with what follows, rows whole, words whole -----------


def _page_texts(data: bytes) -> list[str]:
    from tests.export.pages.checker import read_pages

    return [unicodedata.normalize("NFKC", page.whole) for page in read_pages(data)[0]]


def test_every_paragraph_of_a_long_document_is_printed_once(qapp: object) -> None:
    html = "".join(f"<p>Paragraph {i} of a long document.</p>" for i in range(400))
    text = " ".join(_page_texts(html_to_pdf(html)))
    assert [int(n) for n in re.findall(r"Paragraph (\d+) of", text)] == list(range(400))


@pytest.mark.parametrize("filler", range(32, 40))
def test_a_heading_never_ends_a_page(qapp: object, filler: int) -> None:
    from tests.export.pages.checker import check_pdf

    # Somewhere in this range of lengths the heading falls at the foot of page 1.
    html = (
        '<html lang="en-GB"><body>'
        + "".join(f"<p>Filler paragraph number {i}.</p>" for i in range(filler))
        + "<h2>The section heading</h2><p>The section's first paragraph.</p></body></html>"
    )
    data = html_to_pdf(html)
    assert check_pdf(data, html) == []
    pages = _page_texts(data)
    heading_page = next(i for i, t in enumerate(pages) if "The section heading" in t)
    assert "The section's first paragraph." in pages[heading_page]


def test_a_long_table_keeps_rows_whole_and_repeats_its_header(qapp: object) -> None:
    from tests.export.pages.checker import check_pdf

    rows = "".join(
        f"<tr><td>Row {i} name</td><td>{'A cell that wraps over several lines. ' * (1 + i % 4)}"
        "</td></tr>"
        for i in range(60)
    )
    html = (
        '<html lang="en-GB"><body><h2>The table</h2>'
        '<table width="100%" border="1" cellpadding="5"><thead><tr><th>Heading one</th>'
        f"<th>Heading two</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
    )
    data = html_to_pdf(html)
    assert check_pdf(data, html) == []
    pages = _page_texts(data)
    assert len(pages) >= 3
    assert all("Heading one" in page for page in pages)  # the header row on every page


def test_words_in_narrow_table_columns_are_never_broken(qapp: object) -> None:
    from tests.export.pages.checker import check_pdf

    cells = "".join(
        f'<td width="{w}%">{t}</td>'
        for w, t in [
            (40, "Northfield East Neighbourhood Team"),
            (8, "Neighbourhood"),
            (8, "Mobilising change"),
            (44, "Accountable to the Integrated Care Board"),
        ]
    )
    html = f'<html lang="en-GB"><body><table width="100%" border="1"><tr>{cells}</tr></table>'
    assert check_pdf(html_to_pdf(html), html + "</body></html>") == []


def test_a_page_break_the_template_asks_for_is_kept(qapp: object) -> None:
    html = '<p>One</p><p style="page-break-before: always">Two</p>'
    assert [("One" in t, "Two" in t) for t in _page_texts(html_to_pdf(html))] == [
        (True, False),
        (False, True),
    ]


def test_a_role_description_pdf_is_ready_to_circulate(qapp: object, tmp_path: Path) -> None:
    from pypdf import PdfReader

    (path, *_) = export_role_descriptions(partnership(), tmp_path, fmt="pdf")
    reader = PdfReader(path, strict=True)
    title = reader.metadata.title if reader.metadata else ""
    assert title == f"{path.stem} – role description"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    top = reader.outline
    assert top[0].title == path.stem  # the role's title, then its sections beneath it
    sections = [o.title for o in top[1] if not isinstance(o, list)]
    assert sections[:2] == ["The role at a glance", "Purpose of the role"]
    assert "Person specification" in sections
    pages = _page_texts(path.read_bytes())
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert f"{path.stem} · Northshire Partnership" in text


def test_a_role_description_pdf_is_tagged_for_screen_readers(qapp: object, tmp_path: Path) -> None:
    import shutil
    import subprocess

    (path, *_) = export_role_descriptions(partnership(), tmp_path, fmt="pdf")
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo is not None, "poppler-utils (pdfinfo) is needed to read the tags"
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    tree = subprocess.run(
        [pdfinfo, "-struct-text", str(path)], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in tree.splitlines()]
    assert lines[0] == "Document"
    title = lines.index("H1 (block)")
    assert lines[title + 1].replace("\t", " ") == f'"{path.stem}"'
    assert "H2 (block)" in lines
    assert '"The\trole\tat\ta\tglance"' in lines
    for kind in ("Table (block)", "THead", "TBody", "TR", "TH:", "TD", "L (block)", "LI (block)"):
        assert kind in lines
    assert "LBody (block)" in lines
    # The running title and page numbers are artifacts, never part of the structure.
    assert not any("Page 1 of" in line.replace("\t", " ") for line in lines)
