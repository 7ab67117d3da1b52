"""Builds templates/reference.docx: the Word styles role descriptions are written with.

Run ``python -m govplanner.export.reference_doc [OUT]`` to regenerate it. Users restyle their
documents by copying reference.docx into their template folder and changing its styles in
Word (Home ▸ Styles ▸ Modify); govplanner only ever uses the styles' names.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

FONT = "Arial"
TEXT = RGBColor(0x21, 0x2B, 0x32)
SECONDARY = RGBColor(0x4C, 0x62, 0x72)
NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
DARK_BLUE = RGBColor(0x00, 0x30, 0x87)
BORDER = "AEB7BD"
PALE_GREY = "E8EDEE"

#: name -> (size pt, bold, colour, space before pt, space after pt)
_PARAGRAPH_LOOKS: dict[str, tuple[float, bool, RGBColor, float, float]] = {
    "Normal": (10.5, False, TEXT, 0, 6),
    "Title": (22, True, DARK_BLUE, 0, 4),
    "Subtitle": (12, False, SECONDARY, 0, 10),
    "Heading 1": (14, True, NHS_BLUE, 16, 5),
    "Heading 2": (11.5, True, DARK_BLUE, 10, 3),
    "Heading 3": (10.5, True, DARK_BLUE, 8, 2),
    "Kicker": (9, True, NHS_BLUE, 0, 2),
    "Note": (9, False, SECONDARY, 0, 4),
    "Colophon": (8.5, False, SECONDARY, 18, 0),
    "Footer": (8, False, SECONDARY, 0, 0),
}


def build_reference() -> bytes:
    """The reference document, built from python-docx's default template."""
    doc = Document()
    _page_setup(doc)
    for name in ("Kicker", "Note", "Colophon"):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
    for name, look in _PARAGRAPH_LOOKS.items():
        _restyle(doc.styles[name], *look)
    _plain_title(doc.styles["Title"])
    _plain_title(doc.styles["Subtitle"])
    doc.styles["Kicker"].font.all_caps = True
    doc.styles["Subtitle"].font.italic = False
    _rule(doc.styles["Heading 1"], "bottom", "8", "005EB8")
    _rule(doc.styles["Colophon"], "top", "4", BORDER)
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
        doc.styles[name].paragraph_format.space_after = Pt(2)
    _add_table_style(doc)
    _page_number_footer(doc)
    doc.core_properties.title = "govplanner reference document"
    doc.core_properties.author = "govplanner"
    doc.core_properties.comments = "Restyle this document's styles to change every export."
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
    section.footer_distance = Cm(1.0)


def _restyle(
    style: ParagraphStyle, size: float, bold: bool, colour: RGBColor, before: float, after: float
) -> None:
    font = style.font
    font.name, font.size, font.bold = FONT, Pt(size), bold
    font.color.rgb = colour
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if style.name == "Normal":
        fmt.line_spacing = 1.1


def _plain_title(style: ParagraphStyle) -> None:
    """The default Title and Subtitle have rules and letter spacing; ours need neither."""
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        for element in ppr.findall(qn(tag)):
            ppr.remove(element)
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def _rule(style: ParagraphStyle, side: str, size: str, colour: str) -> None:
    """A line above or below every paragraph of the style (a paragraph border)."""
    ppr = style.element.get_or_add_pPr()
    ppr.insert_element_before(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" w:space="4" '
            f'w:color="{colour}"/></w:pBdr>'
        ),
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
        "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange",
    )  # fmt: skip


_TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="GovplannerTable">
  <w:name w:val="Govplanner Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="003087"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{PALE_GREY}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{PALE_GREY}"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def _add_table_style(doc: DocxDocument) -> None:
    doc.styles.element.append(parse_xml(_TABLE_STYLE_XML))


def _page_number_footer(doc: DocxDocument) -> None:
    footer = doc.sections[0].footer
    para = footer.paragraphs[0]
    para.style = doc.styles["Footer"]
    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para.add_run("Page ")
    _field(para, "PAGE")
    para.add_run(" of ")
    _field(para, "NUMPAGES")


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    begin.set(qn("w:fldCharType"), "begin")
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    for element in (begin, code, separate):
        paragraph.add_run()._r.append(element)
    paragraph.add_run("1")
    paragraph.add_run()._r.append(end)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "templates"
    target = out / "reference.docx" if out.is_dir() else out
    target.write_bytes(build_reference())
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
