"""Reading an untrusted .xlsx safely: size and zip-bomb checks, then rows with their Excel numbers.

openpyxl reads the file in read-only mode (defusedxml refuses XML entity attacks). A formula
cell is refused, whether or not Excel saved a result for it: a register holds typed values,
and a saved result can be stale or crafted. A macro-enabled workbook (.xlsm) is read for its
values only, with a notice: its macros are never run.
"""

from __future__ import annotations

import contextlib
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from govplanner.domain.errors import RegisterError
from govplanner.domain.names import name_key
from govplanner.files.register_problems import ProblemLimitError, Problems
from govplanner.files.text_safety import UNSAFE, describe

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_DATA_ROWS = 200_000
MAX_COLUMNS = 100
EXCEL_MAX_ROW = 1_048_576
_MB = 1024 * 1024

_OTHER_FORMATS = {
    ".xls": "an old-style Excel 97-2003 workbook (.xls)",
    ".xlsb": "a binary Excel workbook (.xlsb)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".csv": "a CSV file",
    ".numbers": "a Numbers spreadsheet",
}
#: Our own signals, which pass through the catch-all around openpyxl below.
_OURS = (ProblemLimitError, RegisterError)


@dataclass
class Sheet:
    """One sheet's header and non-blank rows, keyed by header (compared by ``name_key``)."""

    title: str
    header_row: int
    headers: dict[str, str]  # key -> header text as written
    columns: dict[int, str] = field(default_factory=dict)  # column index -> key
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_zip(path: Path, problems: Problems) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise problems.fatal(
            f"the file is {size / _MB:.0f} MB; govplanner reads registers of at most "
            f"{MAX_FILE_BYTES // _MB} MB"
        )
    kind = _OTHER_FORMATS.get(path.suffix.lower())
    if not zipfile.is_zipfile(path):
        what = f"looks like {kind}" if kind else "is not an Excel workbook"
        raise problems.fatal(
            f"the file {what}; save it from Excel as an .xlsx workbook and import that"
        )
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise problems.fatal(
            f"the workbook holds {len(entries)} parts; govplanner reads at most "
            f"{MAX_ZIP_ENTRIES} (the file may be damaged or hostile)"
        )
    if _macro_enabled(path, entries):
        problems.notice(
            f"{path.name} is a macro-enabled workbook: only its cell values were read; "
            "govplanner never runs macros."
        )
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise problems.fatal(
            f"the workbook unpacks to {total / _MB:.0f} MB; govplanner reads registers that "
            f"unpack to at most {MAX_UNCOMPRESSED_BYTES // _MB} MB (the file may be a zip bomb)"
        )


_MACRO_TYPES = (b"macroEnabled", b"vbaProject")


def _macro_enabled(path: Path, entries: list[zipfile.ZipInfo]) -> bool:
    """An .xlsm/.xltm name, a VBA project part, or a macro-enabled content type."""
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlam"):
        return True
    names = {e.filename.lower() for e in entries}
    if any(n.endswith("vbaproject.bin") for n in names):
        return True
    if "[content_types].xml" not in names:
        return False
    info = next(e for e in entries if e.filename.lower() == "[content_types].xml")
    if info.file_size > 1024 * 1024:
        return False
    with zipfile.ZipFile(path) as archive:
        try:
            types = archive.read(info)
        except Exception:  # a damaged part: openpyxl reports it next
            return False
    return any(marker.lower() in types.lower() for marker in _MACRO_TYPES)


@contextlib.contextmanager
def open_workbook(path: Path, problems: Problems, *, data_only: bool = False) -> Iterator[Workbook]:
    """The workbook in read-only mode; every failure to read it becomes a register error."""
    try:
        _check_zip(path, problems)
        stream: IO[bytes] = path.open("rb")
    except FileNotFoundError:
        raise problems.fatal("the file does not exist") from None
    except IsADirectoryError:
        raise problems.fatal("this is a folder, not a workbook") from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise problems.fatal(f"the file cannot be read ({_reason(exc)})") from None
    with stream, warnings.catch_warnings():
        # openpyxl warns about features it skips (data validation, unknown extensions).
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(stream, read_only=True, data_only=data_only)
        except Exception as exc:
            # openpyxl and its XML parsers raise many kinds of error on a damaged or hostile
            # file (zip, zlib, XML syntax, defusedxml, KeyError, ValueError...): all mean the
            # same to the user.
            raise problems.fatal(_broken(exc)) from None
        try:
            yield workbook
        finally:
            workbook.close()


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc).strip() or type(exc).__name__
    first = str(text).splitlines()[0]
    return first if len(first) <= 160 else first[:157] + "..."


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what caused it (openpyxl wraps parser errors in its own)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _broken(exc: BaseException) -> str:
    if any(isinstance(cause, DefusedXmlException) for cause in _causes(exc)):
        return (
            "the workbook contains XML entity or DTD declarations, which govplanner refuses "
            "for safety (Excel never writes them); save it again from Excel"
        )
    return (
        "the workbook is damaged or not a real Excel .xlsx file "
        f"({_reason(exc)}); open it in Excel, save it as .xlsx and try again"
    )


def sheets_by_key(workbook: Workbook) -> dict[str, str]:
    """Sheet key (``name_key``) -> sheet title."""
    return {name_key(title): title for title in workbook.sheetnames}


def read_sheet(
    workbook: Workbook,
    title: str,
    known: tuple[str, ...],
    problems: Problems,
) -> Sheet | None:
    """The sheet's header (first non-blank row) and rows, reading only the ``known`` columns.

    Returns None when the sheet has no header row at all. Blank rows (blank in every known
    column) are skipped.
    """
    try:
        return _read_sheet(workbook, title, known, problems)
    except _OURS:
        raise
    except Exception as exc:  # see open_workbook: any parser failure means a damaged file
        raise problems.fatal(_broken(exc), sheet=title) from None


def _read_sheet(
    workbook: Workbook,
    title: str,
    known: tuple[str, ...],
    problems: Problems,
) -> Sheet | None:
    worksheet = workbook[title]
    worksheet.reset_dimensions()  # never trust the stored size: some writers get it wrong
    wanted = {name_key(h) for h in known}
    sheet: Sheet | None = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            if number > EXCEL_MAX_ROW:
                raise problems.fatal("the sheet has rows beyond Excel's last row", sheet=title)
            if sheet is None:
                if all(_is_blank(c.value) for c in cells):
                    continue
                sheet = Sheet(title, number, {})
                _header(sheet, cells, wanted, problems)
                continue
            row = _row(sheet, number, cells, problems)
            if row is not None:
                if len(sheet.rows) >= MAX_DATA_ROWS:
                    raise problems.fatal(
                        f"the sheet has more than {MAX_DATA_ROWS:,} rows, the most govplanner "
                        "reads from one sheet",
                        sheet=title,
                    )
                sheet.rows.append((number, row))
    return sheet


def _header(sheet: Sheet, cells: tuple[Any, ...], wanted: set[str], problems: Problems) -> None:
    for index, cell in enumerate(cells):
        if not isinstance(cell.value, str) or name_key(cell.value) not in wanted:
            continue
        key = name_key(cell.value)
        if key in sheet.headers:
            problems.add(
                "two columns have this header; keep one",
                sheet=sheet.title,
                row=sheet.header_row,
                column=cell.value.strip(),
            )
            continue
        sheet.headers[key] = cell.value.strip()
        sheet.columns[index] = key


def _row(
    sheet: Sheet,
    number: int,
    cells: tuple[Any, ...],
    problems: Problems,
) -> dict[str, Any] | None:
    row: dict[str, Any] = {}
    for index, key in sheet.columns.items():
        cell = cells[index] if index < len(cells) else None
        if cell is None or cell.value is None:
            continue
        if cell.data_type == "f":
            _formula(sheet, number, sheet.headers[key], cell.value, problems)
            row[key] = REPORTED
        elif cell.data_type == "e":
            _excel_error(sheet, number, sheet.headers[key], cell.value, problems)
            row[key] = REPORTED
        elif isinstance(cell.value, str) and (unsafe := UNSAFE.search(cell.value)):
            problems.add(
                f"the text holds the character {describe(unsafe.group())}, a control or "
                "text-direction character a plan may not hold; remove it",
                sheet=sheet.title,
                row=number,
                column=sheet.headers[key],
            )
            row[key] = REPORTED
        else:
            row[key] = cell.value
    if all(_is_blank(v) for v in row.values()):
        return None
    return row


def _formula_text(value: Any) -> str:
    text = getattr(value, "text", value)
    return str(text)


def _formula(sheet: Sheet, number: int, column: str, value: Any, problems: Problems) -> None:
    problems.add(
        "the cell holds a formula; govplanner reads only typed values, never formulas nor the "
        "results Excel saved for them: replace it with the value it shows (in Excel, copy the "
        "cells and paste them as values) and save the workbook",
        sheet=sheet.title,
        row=number,
        column=column,
        value=_formula_text(value),
    )


def _excel_error(sheet: Sheet, number: int, column: str, value: Any, problems: Problems) -> None:
    problems.add(
        f"the cell shows the Excel error {value}; correct the formula or type the value",
        sheet=sheet.title,
        row=number,
        column=column,
    )


class _Reported:
    """Marks a cell already reported as a problem (or a formula awaiting its result)."""

    def __repr__(self) -> str:
        return "<reported>"


#: A cell value that is not blank but must not be checked again: its problem is reported.
REPORTED: Any = _Reported()
