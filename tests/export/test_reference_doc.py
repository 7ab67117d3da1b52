"""The Word reference document: the styles the exports rely on, and the shipped copy is current."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm

from govplanner.export.docx_writer import TABLE_STYLE
from govplanner.export.reference_doc import build_reference
from govplanner.export.templating import shipped_templates_dir

NEEDED = (
    "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
    "List Bullet 2", "List Number", "Kicker", "Note", "Colophon", "Normal", "Footer",
)  # fmt: skip


def _styles(data: bytes) -> dict[str, WD_STYLE_TYPE]:
    doc = Document(io.BytesIO(data))
    return {s.name: s.type for s in doc.styles if s.name}


def test_reference_has_every_style_the_exports_use() -> None:
    styles = _styles(build_reference())
    for name in NEEDED:
        assert styles.get(name) == WD_STYLE_TYPE.PARAGRAPH, name
    assert styles.get(TABLE_STYLE) == WD_STYLE_TYPE.TABLE


def test_reference_is_a4_with_an_empty_body() -> None:
    doc = Document(io.BytesIO(build_reference()))
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert all(not p.text for p in doc.paragraphs)
    assert not doc.tables


def test_shipped_reference_is_the_generated_one() -> None:
    shipped = (shipped_templates_dir() / "reference.docx").read_bytes()
    assert _styles(shipped) == _styles(build_reference()), (
        "templates/reference.docx is out of date: run python -m govplanner.export.reference_doc"
    )
    doc = Document(io.BytesIO(shipped))
    assert doc.styles["Heading 1"].font.name == "Arial"
