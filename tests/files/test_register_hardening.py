"""Hostile or broken registers end in our own clear error: never a traceback, hang or guess."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govplanner.files import workbook_reader
from govplanner.files.register_import import RegisterImportError, import_register, read_register
from tests.files.registers import COMMITTEES, ROLES, basic_register, write_register


def _error(path: Path) -> str:
    with pytest.raises(RegisterImportError) as caught:
        import_register(path)
    assert path.name in str(caught.value)
    return str(caught.value)


def _rewrite(path: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> None:
    """Replace (or add) entries of the zip at ``path``."""
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries.update(replace)
    entries.update(add or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def _sheet_xml(path: Path, title: str) -> tuple[str, str]:
    """The zip entry name and XML of the sheet called ``title`` (openpyxl numbers them)."""
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        index = ["Committees", "Roles", "Extra"].index(title)
        return names[index], archive.read(names[index]).decode()


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_text("Committee,Tier\nBoard,executive\n", encoding="utf-8")
    assert "not an Excel workbook" in _error(path)


def test_old_xls_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "old-style Excel 97-2003 workbook (.xls)" in _error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in _error(tmp_path / "nothing.xlsx")


def test_truncated_zip(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    path.write_bytes(path.read_bytes()[:-200])
    message = _error(path)
    assert "not an Excel workbook" in message or "damaged" in message


def test_corrupt_entry_data(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + 25):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    assert "damaged" in _error(path)


def test_zip_without_workbook_part(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "damaged or not a real Excel .xlsx file" in _error(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w", force_zip64=True) as entry,
    ):
        chunk = b"\0" * (1024 * 1024)
        for _ in range(210):
            entry.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    message = _error(path)
    assert "unpack to at most 200 MB" in message
    assert "zip bomb" in message


def test_too_many_zip_entries(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(workbook_reader.MAX_ZIP_ENTRIES):
            archive.writestr(f"xl/junk/{i}.xml", b"")
    assert "at most 10000" in _error(path)


_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&lol4;</t></si></sst>'
)


def test_billion_laughs_in_shared_strings_is_refused(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    _rewrite(
        path,
        {"[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels": rels.encode()},
        {"xl/sharedStrings.xml": _LAUGHS},
    )
    message = _error(path)
    assert "XML entity or DTD declarations" in message


def test_entity_in_sheet_xml_is_refused(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    name, xml = _sheet_xml(path, "Roles")
    hostile = xml.replace(
        "<worksheet", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet', 1
    )
    _rewrite(path, {name: hostile.encode()})
    message = _error(path)
    assert "XML entity or DTD declarations" in message


_FORMULA = "the cell holds a formula"


def test_formula_without_saved_result_names_the_cell(tmp_path: Path) -> None:
    roles = [["Role", "Holder"], ["Lead", '=CONCAT("Dr ", "Ann")']]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    message = _error(path)
    assert "sheet 'Roles', row 2, column 'Holder'" in message
    assert _FORMULA in message
    assert "paste them as values" in message
    assert "CONCAT" in message


def test_formula_with_saved_result_is_refused_like_any_formula(tmp_path: Path) -> None:
    """A cached result can be stale or crafted: it is never taken as the name (issue 16)."""
    roles = [["Role", "Holder"], ["Lead", "=A2"]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    name, xml = _sheet_xml(path, "Roles")
    assert '<c r="B2"><f>A2</f><v></v></c>' in xml
    calculated = xml.replace(
        '<c r="B2"><f>A2</f><v></v></c>', '<c r="B2" t="str"><f>A2</f><v>Dr Ann</v></c>'
    )
    _rewrite(path, {name: calculated.encode()})
    with pytest.raises(RegisterImportError) as caught:
        import_register(path)
    (error,) = caught.value.errors
    assert (error.sheet, error.row, error.column) == ("Roles", 2, "Holder")
    assert _FORMULA in error.problem
    assert error.value == "=A2"
    assert "Dr Ann" not in str(caught.value)


def test_shared_formula_cells_are_refused_too(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    name, xml = _sheet_xml(path, "Roles")
    shared = xml.replace(
        "</sheetData>",
        '<row r="9"><c r="A9" t="str"><f t="shared" ref="A9:A10" si="0">A2</f><v>Lead</v></c>'
        '</row><row r="10"><c r="A10" t="str"><f t="shared" si="0"/><v>Lead 2</v></c></row>'
        "</sheetData>",
    )
    _rewrite(path, {name: shared.encode()})
    with pytest.raises(RegisterImportError) as caught:
        import_register(path)
    assert [(e.row, e.column) for e in caught.value.errors] == [(9, "Role"), (10, "Role")]
    assert all(_FORMULA in e.problem for e in caught.value.errors)


def _macro_enabled(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    assert "macroEnabled" in types
    _rewrite(path, {"[Content_Types].xml": types.encode()}, {"xl/vbaProject.bin": b"\0" * 64})


def test_macro_enabled_workbook_imports_with_a_one_line_notice(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsm")
    _macro_enabled(path)
    result = read_register(path)
    assert len(result.plan.roles) == 3
    (notice,) = [n for n in result.notices if "macro" in n]
    assert "\n" not in notice
    assert "r.xlsm" in notice
    assert "never runs macros" in notice


def test_macro_parts_are_noticed_whatever_the_file_is_called(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "renamed.xlsx")
    _macro_enabled(path)
    assert any("macro-enabled" in n for n in read_register(path).notices)
    plain = basic_register(tmp_path / "plain.xlsx")
    assert not any("macro" in n for n in read_register(plain).notices)


def test_excel_error_value_is_reported(tmp_path: Path) -> None:
    roles = [["Role", "Sessions per week"], ["Lead", "#DIV/0!"]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    message = _error(path)
    assert "row 2, column 'Sessions per week'" in message
    assert "#DIV/0!" in message


def test_row_limit_is_stated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook_reader, "MAX_DATA_ROWS", 5)
    roles = [ROLES[0]] + [[f"Role {i}"] for i in range(6)]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    message = _error(path)
    assert "more than 5 rows" in message
    assert "sheet 'Roles'" in message


def test_rows_beyond_excels_last_row_are_refused(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    name, xml = _sheet_xml(path, "Roles")
    far = xml.replace(
        "</sheetData>",
        '<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>Far</t></is></c></row></sheetData>',
    )
    _rewrite(path, {name: far.encode()})
    assert "beyond Excel's last row" in _error(path)


def test_wide_rows_are_read_only_up_to_the_column_limit(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    name, xml = _sheet_xml(path, "Roles")
    wide = xml.replace(
        "</sheetData>",
        '<row r="9"><c r="XFD9" t="inlineStr"><is><t>far right</t></is></c></row></sheetData>',
    )
    _rewrite(path, {name: wide.encode()})
    assert len(import_register(path).roles) == 3  # the far cell is outside the register


def test_garbage_sheet_xml(tmp_path: Path) -> None:
    path = basic_register(tmp_path / "r.xlsx")
    name, _ = _sheet_xml(path, "Committees")
    _rewrite(path, {name: b"<worksheet><sheetData><row><c"})
    assert "damaged" in _error(path)
