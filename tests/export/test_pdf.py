"""Role descriptions as PDF through Qt (needs Qt, runs offscreen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govplanner.export.pdf import html_to_pdf
from govplanner.export.roles import export_role_descriptions
from tests.export.plans import partnership

pytestmark = pytest.mark.gui


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


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
