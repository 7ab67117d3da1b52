"""Building register workbooks for tests, cell by cell, with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

Rows = list[list[Any]]

COMMITTEES: Rows = [
    ["Committee", "Tier", "Reports to", "Stage", "Programme area", "Purpose"],
    ["ICB Board", "System", "", "Strategy setting", "", "Sets the system's strategy"],
    ["Mental Health Board", "Programme", "ICB Board", "Mobilising change", "Mental health", ""],
    ["Crisis Project", "Neighbourhood", "Mental Health Board", "", "", ""],
]
ROLES: Rows = [
    ["Role", "Committees", "Profession", "Clinical", "Holder", "Functions", "Sessions per week"],
    [
        "Medical Director",
        "ICB Board; Mental Health Board",
        "psychiatry",
        "yes",
        "Dr Ann Lee",
        "analytical insight; translation & communication",
        2,
    ],
    ["Finance Director", "ICB Board", "", "no", "Sam Roe", "", ""],
    ["Crisis Lead", "Crisis Project", "mental health nursing", "", "", "representation", ""],
]


def write_register(path: Path, sheets: dict[str, Rows]) -> Path:
    """A workbook with these sheets (first row = headers), written as typed values."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def basic_register(path: Path, **extra: Rows) -> Path:
    """The committees and roles above, plus any other sheets (by title) given as keywords."""
    sheets = {"Committees": COMMITTEES, "Roles": ROLES}
    sheets.update({k.replace("_", " "): v for k, v in extra.items()})
    return write_register(path, sheets)
