"""Exports read as pages: every example's role descriptions, and the checker itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from govplanner.analysis import analyse
from govplanner.domain.model import Plan
from govplanner.export.pdf_catalog import finish_pdf
from govplanner.export.roles import export_role_descriptions, render_role, select_roles
from tests.export.pages.checker import check_pdf, libreoffice, print_with_libreoffice
from tests.export.plans import EXAMPLES, example_plans

pytestmark = pytest.mark.gui

PLANS = sorted(p.name for p in EXAMPLES.glob("*.govplan"))
#: Word documents are read as pages through LibreOffice, where it is installed.
FORMATS = ["pdf", "docx"] if libreoffice() else ["pdf"]


def _htmls(plan: Plan, *, include_non_clinical: bool) -> list[str]:
    analysis = analyse(plan)
    return [
        render_role(plan, role, analysis, fmt="html").decode("utf-8")
        for role in select_roles(plan, include_non_clinical=include_non_clinical)
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", PLANS)
def test_every_role_description_reads_right_as_pages(
    qapp: object, tmp_path: Path, name: str, fmt: str
) -> None:
    plan = example_plans()[name]
    # Every role, clinical or not. (LibreOffice 7.4 loses keep-with-next for two headings in a
    # row a few paragraphs after a table; the person specification's heading now opens with a
    # sentence of its own, so no two headings stand together there.)
    written = export_role_descriptions(plan, tmp_path, fmt=fmt, include_non_clinical=True)
    pdfs = written if fmt == "pdf" else print_with_libreoffice(written, tmp_path / "pdf")
    htmls = _htmls(plan, include_non_clinical=True)
    assert len(pdfs) == len(htmls) > 0
    problems = [
        f"{pdf.name}: {problem}"
        for pdf, html in zip(pdfs, htmls, strict=True)
        for problem in check_pdf(pdf.read_bytes(), html)
    ]
    assert problems == []


# -- the checker sees what a reader would ------------------------------------------------------


def _drawn_pdf(pages: list[list[tuple[float, float, str]]], *, language: str = "en-GB") -> bytes:
    """A PDF with text drawn at (x mm, y mm from the top) on each page, "Page X of Y" at the
    foot, and the language given (none when empty)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 10))
    mm = 72 / 25.4
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        for x, y, text in lines:
            painter.drawText(QPointF(x * mm, y * mm), text)
        painter.drawText(QPointF(90 * mm, 287 * mm), f"Page {number} of {len(pages)}")
    painter.end()
    del writer
    buffer.close()
    pdf = bytes(data.data())
    return finish_pdf(pdf, language=language, bookmarks=[], page_height=842) if language else pdf


HTML = (
    "<h1>Clinical Lead</h1><p>Opening words.</p><h2>Committees</h2>"
    "<table><tr><th>Committee</th><th>Stage</th></tr>"
    "<tr><td>Northfield Neighbourhood Team</td><td>Mobilising change</td></tr></table>"
    "<p>Closing words.</p>"
)
FIRST_PAGE = [(20, 30, "Clinical Lead"), (20, 40, "Opening words.")]
ROWS = [
    (20, 60, "Committee"),
    (80, 60, "Stage"),
    (20, 66, "Northfield Neighbourhood Team"),
    (80, 66, "Mobilising change"),
]


def test_a_well_laid_out_document_passes(qapp: object) -> None:
    pdf = _drawn_pdf([[*FIRST_PAGE, (20, 52, "Committees"), *ROWS, (20, 80, "Closing words.")]])
    assert check_pdf(pdf, HTML) == []


def test_a_heading_at_the_foot_of_a_page_is_seen(qapp: object) -> None:
    pdf = _drawn_pdf([[*FIRST_PAGE, (20, 270, "Committees")], [*ROWS, (20, 80, "Closing words.")]])
    assert check_pdf(pdf, HTML) == ["page 1 ends with the heading 'Committees'"]


def test_a_table_cell_ending_like_a_heading_is_not_taken_for_one(qapp: object) -> None:
    html = HTML.replace("Mobilising change", "Mobilising change Committees")
    rows = [*ROWS[:3], (80, 66, "Mobilising change"), (80, 270, "Committees")]
    pdf = _drawn_pdf([[*FIRST_PAGE, (20, 52, "Committees"), *rows], [(20, 30, "Closing words.")]])
    assert check_pdf(pdf, html) == []


def test_a_row_split_across_pages_is_seen(qapp: object) -> None:
    pdf = _drawn_pdf(
        [
            [*FIRST_PAGE, (20, 52, "Committees"), *ROWS[:3]],
            [(80, 30, "Mobilising change"), (20, 40, "Closing words.")],
        ]
    )
    problems = check_pdf(pdf, HTML)
    assert len(problems) == 1
    assert "'Northfield Neighbourhood Team Mobilising change' is not whole" in problems[0]


def test_a_word_broken_inside_a_cell_is_seen_but_a_break_at_a_hyphen_is_not(
    qapp: object,
) -> None:
    broken = [*ROWS[:3], (80, 66, "Mobilisin"), (80, 71, "g change")]
    pdf = _drawn_pdf([[*FIRST_PAGE, (20, 52, "Committees"), *broken, (20, 80, "Closing words.")]])
    assert check_pdf(pdf, HTML) == [
        "page 1: in the table row 'Northfield Neighbourhood Team Mobilising change', "
        "Mobilising broken"
    ]
    html = HTML.replace("Mobilising change", "non-voting member")
    hyphen = [*ROWS[:3], (80, 66, "non-"), (80, 71, "voting member")]
    pdf = _drawn_pdf([[*FIRST_PAGE, (20, 52, "Committees"), *hyphen, (20, 80, "Closing words.")]])
    assert check_pdf(pdf, html) == []


def test_language_placeholders_spelling_and_page_numbers_are_checked(qapp: object) -> None:
    lines = [*FIRST_PAGE, (20, 52, "Committees"), *ROWS, (20, 80, "Closing words.")]
    assert check_pdf(_drawn_pdf([lines], language=""), HTML) == [
        "the document's language is not set, not en-GB"
    ]
    extra = [
        (20, 90, "Held by: None"),
        (20, 100, "{{ role.title }}"),
        (20, 110, "organization"),
        (20, 120, "None of the posts is vacant"),
    ]
    problems = check_pdf(_drawn_pdf([[*lines, *extra]]), HTML)
    assert problems == [
        "page 1: placeholder 'None'",
        "page 1: placeholder '{{'",
        "page 1: placeholder '}}'",
        "page 1: American 'organization'",
    ]


def test_a_missing_heading_is_seen(qapp: object) -> None:
    pdf = _drawn_pdf([[*FIRST_PAGE, *ROWS, (20, 80, "Closing words.")]])
    assert check_pdf(pdf, HTML) == ["the heading 'Committees' is missing"]


def test_word_documents_go_through_libreoffice_in_one_run(tmp_path: Path) -> None:
    if libreoffice() is None:
        with pytest.raises(RuntimeError, match="LibreOffice is not installed"):
            print_with_libreoffice([tmp_path / "a.docx"], tmp_path)
        return
    from tests.export.plans import partnership

    written = export_role_descriptions(partnership(), tmp_path, fmt="docx")
    pdfs = print_with_libreoffice(written, tmp_path / "pdf")
    assert [p.stem for p in pdfs] == [d.stem for d in written]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
