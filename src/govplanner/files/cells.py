"""The one helper for putting user text into a spreadsheet cell, never as a formula."""

from __future__ import annotations

from typing import Any

#: Characters that make Excel or LibreOffice treat typed text as a formula or command.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def set_text(cell: Any, text: str | None) -> None:
    """Store ``text`` in an openpyxl cell as a text (string) cell, whatever it starts with.

    openpyxl turns any string starting with ``=`` into a formula; forcing the data type to
    string after assignment keeps it as typed text. Leading ``+ - @`` and control characters
    are kept as typed too: a string cell is never evaluated, so no prefix is needed.
    """
    value = "" if text is None else _strip_illegal(str(text))
    cell.value = value
    cell.data_type = "s"
    # Text format, so that Excel keeps the cell as text if the user edits it later.
    cell.number_format = "@"


def _strip_illegal(text: str) -> str:
    # XML 1.0 forbids most control characters; openpyxl raises IllegalCharacterError on them.
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
