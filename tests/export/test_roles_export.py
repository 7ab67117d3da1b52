"""Role descriptions on disk: Word parsed back, HTML and Markdown checked, names, options."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument

from govplanner.analysis import analyse
from govplanner.domain.errors import ExportError, TemplateRenderError
from govplanner.domain.model import Plan
from govplanner.export.roles import export_role_descriptions, render_role, select_roles
from govplanner.export.templating import shipped_templates_dir
from tests.builders import role_id
from tests.export.plans import example_plans, partnership

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def plan() -> Plan:
    return partnership()


def _docx(path: Path) -> DocxDocument:
    return Document(io.BytesIO(path.read_bytes()))


def _by_style(doc: DocxDocument, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == style]


def test_one_word_document_per_clinical_role_with_unique_names(plan: Plan, tmp_path: Path) -> None:
    written = export_role_descriptions(plan, tmp_path, today=TODAY)
    assert [p.name for p in written] == [
        "Medical Director.docx",
        "Clinical Lead - Maternity Programme Board.docx",
        "Clinical Lead - Continuity of Carer Project.docx",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)


def test_word_document_uses_real_headings_lists_and_tables(plan: Plan, tmp_path: Path) -> None:
    (path,) = export_role_descriptions(plan, tmp_path, role_names=["Medical Director"])
    doc = _docx(path)
    assert _by_style(doc, "Title") == ["Medical Director"]
    assert _by_style(doc, "Heading 1") == [
        "The role at a glance",
        "Purpose of the role",
        "Key responsibilities",
        "Committees",
        "Person specification",
        "Working relationships",
    ]
    assert "Analytical insight" in _by_style(doc, "Heading 2")
    assert "Board competencies" in _by_style(doc, "Heading 2")
    bullets = _by_style(doc, "List Bullet")
    assert "Review and present clinical evidence and service data." in bullets
    assert "Driving high-quality and sustainable outcomes" in bullets
    facts = doc.tables[0]
    assert facts.style is not None
    assert facts.style.name == "Govplanner Table"
    rows = {row.cells[0].text: row.cells[1].text for row in facts.rows}
    assert rows["Term"] == "1 April 2025 to 31 March 2028 (about 3 years)"
    assert rows["Status"] == "Filled (held by Dr Ada Jones)"
    assert doc.core_properties.title == "Medical Director – role description"


def test_word_table_header_rows_repeat_on_each_page(plan: Plan, tmp_path: Path) -> None:
    (path,) = export_role_descriptions(plan, tmp_path, role_names=["Medical Director"])
    committees = _docx(path).tables[1]
    assert [c.text for c in committees.rows[0].cells][:3] == ["Committee", "Seat", "Tier"]
    header = committees.rows[0]._tr.trPr
    assert header is not None
    assert header.xml.count("tblHeader") == 1
    assert committees.rows[1].cells[0].text == "ICB Board\nDecision-making"
    assert committees.rows[1].cells[1].text == "Chair"


def test_word_footer_has_page_numbers_and_the_framework_basis_is_stated(
    plan: Plan, tmp_path: Path
) -> None:
    (path,) = export_role_descriptions(plan, tmp_path, role_names=["Medical Director"])
    doc = _docx(path)
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml
    assert "NUMPAGES" in footer_xml
    colophon = _by_style(doc, "Colophon")
    assert len(colophon) == 1
    assert "Waring" in colophon[0]


def test_html_is_self_contained_and_escapes_user_text(plan: Plan, tmp_path: Path) -> None:
    plan.roles[0].title = "Lead <script>alert('x')</script>"
    (path,) = export_role_descriptions(plan, tmp_path, fmt="html", role_names=[plan.roles[0].title])
    html = path.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<style>" in html
    assert "<link" not in html
    assert "src=" not in html


def test_markdown_escapes_user_text(plan: Plan, tmp_path: Path) -> None:
    plan.roles[0].title = "Lead *bold* | <b>"
    (path,) = export_role_descriptions(plan, tmp_path, fmt="md", role_names=[plan.roles[0].title])
    text = path.read_text(encoding="utf-8")
    assert text.startswith(r"# Lead \*bold\* \| \<b\>")
    assert "## Key responsibilities" in text
    assert "### Representation" in text


def test_non_clinical_roles_only_on_request(plan: Plan) -> None:
    assert "Programme Manager" not in [r.title for r in select_roles(plan)]
    everyone = select_roles(plan, include_non_clinical=True)
    assert [r.title for r in everyone][-1] == "Programme Manager"
    # Named explicitly, a non-clinical role is described.
    assert [r.title for r in select_roles(plan, ["programme manager "])] == ["Programme Manager"]


def test_a_repeated_title_selects_every_role_with_it(plan: Plan) -> None:
    chosen = select_roles(plan, ["Clinical Lead"])
    assert [r.id for r in chosen] == [role_id("Clinical Lead"), role_id("Clinical Lead", 2)]


def test_unknown_role_name_is_an_error_naming_it(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="'Chief Wizard'"):
        export_role_descriptions(plan, tmp_path, role_names=["Chief Wizard"])
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_an_error(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="docx, pdf, html, md"):
        export_role_descriptions(plan, tmp_path, fmt="rtf")


def test_progress_is_reported_and_cancel_stops_between_documents(
    plan: Plan, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    written = export_role_descriptions(
        plan,
        tmp_path,
        fmt="html",
        progress=lambda done, total: seen.append((done, total)),
        cancel=lambda: len(seen) >= 2,
    )
    assert seen == [(1, 3), (2, 3)]
    assert len(written) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)


def test_user_template_folder_overrides_html_and_word(plan: Plan, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "role_description.html.j2").write_text(
        "<h1>{{ role.title }}</h1><h2>Our own section</h2><ul><li>{{ plan.name }}</li></ul>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    (path,) = export_role_descriptions(
        plan, out, template_dir=templates, role_names=["Medical Director"]
    )
    doc = _docx(path)
    assert _by_style(doc, "Heading 1") == ["Our own section"]
    assert _by_style(doc, "List Bullet") == ["Northshire Partnership"]


def test_user_reference_document_restyles_word_output(plan: Plan, tmp_path: Path) -> None:
    reference = Document(str(shipped_templates_dir() / "reference.docx"))
    reference.styles["Heading 1"].font.name = "Georgia"
    templates = tmp_path / "templates"
    templates.mkdir()
    reference.save(str(templates / "reference.docx"))
    (path,) = export_role_descriptions(
        plan, tmp_path / "out", template_dir=templates, role_names=["Medical Director"]
    )
    assert _docx(path).styles["Heading 1"].font.name == "Georgia"


def test_damaged_reference_document_is_a_template_error(plan: Plan, tmp_path: Path) -> None:
    (tmp_path / "reference.docx").write_bytes(b"not a zip file")
    with pytest.raises(TemplateRenderError, match=r"reference\.docx"):
        export_role_descriptions(plan, tmp_path / "out", template_dir=tmp_path)


def test_template_error_in_a_user_template_names_file_and_line(plan: Plan, tmp_path: Path) -> None:
    (tmp_path / "role_description.html.j2").write_text(
        "<h1>{{ role.title }}</h1>\n{{ role.salary }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateRenderError) as caught:
        export_role_descriptions(plan, tmp_path / "out", fmt="html", template_dir=tmp_path)
    assert (caught.value.template, caught.value.line) == ("role_description.html.j2", 2)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_export_replaces_existing_files_and_leaves_no_temporary_files(
    plan: Plan, tmp_path: Path
) -> None:
    first = export_role_descriptions(plan, tmp_path, fmt="md")
    first[0].write_text("old", encoding="utf-8")
    second = export_role_descriptions(plan, tmp_path, fmt="md")
    assert first == second
    assert second[0].read_text(encoding="utf-8").startswith("# Medical Director")
    assert len(list(tmp_path.iterdir())) == len(second)


def test_render_role_gives_bytes_for_a_preview(plan: Plan) -> None:
    data = render_role(plan, plan.roles[0], analyse(plan), fmt="html", today=TODAY)
    assert b"15 January 2026" in data


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_every_example_exports_every_role(tmp_path: Path, fmt: str) -> None:
    for name, example in example_plans().items():
        out = tmp_path / name
        written = export_role_descriptions(example, out, fmt=fmt, include_non_clinical=True)
        assert len(written) == len(example.roles), name
        assert len({p.name.casefold() for p in written}) == len(written)
        if fmt == "docx":
            doc = _docx(written[0])
            assert _by_style(doc, "Title") == [example.roles[0].title]


def test_missing_output_folders_are_created(plan: Plan, tmp_path: Path) -> None:
    written = export_role_descriptions(plan, tmp_path / "new" / "folder", fmt="html")
    assert written
    assert all(p.parent == tmp_path / "new" / "folder" for p in written)


def test_word_subject_and_keywords_come_from_the_plan_and_role(plan: Plan, tmp_path: Path) -> None:
    (path,) = export_role_descriptions(plan, tmp_path, role_names=["Medical Director"])
    props = _docx(path).core_properties
    assert props.subject == "Northshire Partnership: role description"
    assert props.keywords.split("; ") == [
        "Medical Director", "General practice", "ICB Board", "Northshire Partnership",
        "role description",
    ]  # fmt: skip
    assert props.title == "Medical Director – role description"
