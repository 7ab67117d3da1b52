"""Reading one register row's cells as text, names, yes/no, numbers, dates and lists.

Each reader records a problem naming sheet, row, column and value when a cell is wrong and
returns a harmless fallback, so the importer can carry on and report every problem at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from govplanner.domain.names import name_key
from govplanner.files.register_layout import NO_WORDS, YES_WORDS
from govplanner.files.register_problems import Problems
from govplanner.files.workbook_reader import REPORTED, Sheet

NAME_LIMIT = 200
TEXT_LIMIT = 20_000
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_LINE_BREAKS = re.compile(r"[\n\r]")
_LIST_SEPARATORS = re.compile(r"[;\n\r]")
_LIST_SEPARATORS_WITH_COMMA = re.compile(r"[;,\n\r]")
_SEMICOLON = re.compile(";")
T = TypeVar("T")


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word closest to ``word`` (for "did you mean ...?"), if any is close."""
    keyed = {name_key(k): k for k in known}
    match = difflib.get_close_matches(name_key(word), list(keyed), n=1, cutoff=0.6)
    return keyed[match[0]] if match else None


def unknown(what: str, word: str, known: Iterable[str]) -> str:
    """'unknown kind; use a, b or c (did you mean 'b'?)'."""
    words = list(dict.fromkeys(known))
    listed = ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)
    guess = nearest(word, words)
    hint = f" (did you mean '{guess}'?)" if guess else ""
    return f"unknown {what}; use {listed}{hint}"


def split_list(text: str, known: Callable[[str], bool]) -> list[str]:
    """The entries of a list cell: split on ';' and line breaks; if that leaves an entry that
    is not ``known``, a split on only one of them is tried, so a name containing ';' can be
    listed one per line (the exporter checks its cells read back through this same rule)."""
    splits = [
        _parts(_LIST_SEPARATORS, text),
        _parts(_LINE_BREAKS, text),
        _parts(_SEMICOLON, text),
    ]
    for entries in splits:
        if all(known(e) for e in entries):
            return entries
    return splits[0]


def _parts(pattern: re.Pattern[str], text: str) -> list[str]:
    return [part.strip() for part in pattern.split(text) if part.strip()]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class RowValues:
    """The cells of one data row, read by header name."""

    def __init__(
        self,
        sheet: Sheet,
        number: int,
        values: dict[str, Any],
        problems: Problems,
        exact: bool = False,
    ) -> None:
        self.sheet = sheet
        self.row = number
        self.values = values
        self.problems = problems
        #: the workbook was written by govplanner: free text is kept exactly as written
        self.exact = exact

    def raw(self, header: str) -> Any:
        return self.values.get(name_key(header))

    def column(self, header: str) -> str:
        return self.sheet.headers.get(name_key(header), header)

    def error(self, header: str, problem: str, value: Any = None) -> None:
        self.problems.add(
            problem,
            sheet=self.sheet.title,
            row=self.row,
            column=self.column(header),
            value=_shown(value),
        )

    def is_blank(self, header: str) -> bool:
        return _blank(self.raw(header))

    def text(self, header: str, *, required: bool = False, limit: int = NAME_LIMIT) -> str:
        """Trimmed text ('' when blank); numbers are read as their digits."""
        value = self.raw(header)
        if value is REPORTED:
            return ""
        if _blank(value):
            if required:
                self.error(header, "this cell must not be blank")
            return ""
        if isinstance(value, str):
            text = value.strip()
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            text = _number_text(value)
        else:
            self.error(header, f"expected text, found {_kind(value)}", value)
            return ""
        if len(text) > limit:
            self.error(header, f"the text is {len(text)} characters long; at most {limit} fit")
            return text[:limit]
        return text

    def free_text(self, header: str, *, required: bool = False) -> str:
        """Free text (purpose, notes...): kept exactly, spaces and all, in a register
        govplanner wrote; trimmed like any other text in one from elsewhere."""
        value = self.raw(header)
        if self.exact and isinstance(value, str) and (value.strip() or not required):
            if len(value) > TEXT_LIMIT:
                self.error(
                    header, f"the text is {len(value)} characters long; at most {TEXT_LIMIT} fit"
                )
                return value[:TEXT_LIMIT]
            return value
        return self.text(header, required=required, limit=TEXT_LIMIT)

    def ident(self, header: str = "Id") -> str:
        """An id: opaque text, exactly as written by govplanner, trimmed otherwise."""
        value = self.raw(header)
        if self.exact and isinstance(value, str) and value:
            return value
        return self.text(header, limit=TEXT_LIMIT)

    def word(
        self, header: str, table: Mapping[str, T], what: str, shown: Iterable[str]
    ) -> T | None:
        """A keyword from ``table`` (case and spaces ignored); None when blank or unknown."""
        text = self.text(header)
        if not text:
            return None
        found = lookup_word(table, text)
        if found is None:
            self.error(header, unknown(what, text, shown), text)
        return found

    def whole(self, header: str, *, low: int, high: int) -> int | None:
        """A whole number from ``low`` to ``high``; None when blank or wrong."""
        value = self.raw(header)
        if value is REPORTED or _blank(value):
            return None
        number = self.number(header, default=None, low=low, high=high)
        if number is None:
            return None
        if not float(number).is_integer():
            self.error(header, "expected a whole number", value)
            return None
        return int(number)

    def yes_no(self, header: str, *, default: bool) -> bool:
        value = self.raw(header)
        if value is REPORTED or _blank(value):
            return default
        if isinstance(value, bool):
            return value
        word = _number_text(value) if isinstance(value, (int, float)) else str(value)
        key = name_key(word)
        if key in YES_WORDS:
            return True
        if key in NO_WORDS:
            return False
        self.error(header, "expected yes or no (y/n, true/false, 1/0 also work)", value)
        return default

    def number(
        self, header: str, *, default: float | None, low: float = 0, high: float = 100
    ) -> float | None:
        value = self.raw(header)
        if value is REPORTED or _blank(value):
            return default
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is None or not math.isfinite(number):
            self.error(header, f"expected a number, found {_kind(value)}", value)
            return default
        if not low <= number <= high:
            self.error(header, f"expected a number from {low:g} to {high:g}", value)
            return default
        return number

    def date(self, header: str) -> dt.date | None:
        value = self.raw(header)
        if value is REPORTED or _blank(value):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            parsed = parse_date_text(value.strip())
            if parsed is not None:
                return parsed
        self.error(
            header,
            "expected a date (an Excel date, or text such as 2025-04-01 or 01/04/2025)",
            value,
        )
        return None

    def items(self, header: str, *, commas: bool = False, only: str | None = None) -> list[str]:
        """The entries of a list cell, split on ';' and line breaks (and ',' if asked).

        ``only`` splits on that one separator instead (line breaks count as one).
        """
        value = self.raw(header)
        if value is REPORTED or _blank(value):
            return []
        if not isinstance(value, str):
            value = _number_text(value) if isinstance(value, (int, float)) else str(value)
        pattern = _LIST_SEPARATORS_WITH_COMMA if commas else _LIST_SEPARATORS
        if only is not None:
            pattern = _LINE_BREAKS if only == "\n" else re.compile(re.escape(only))
        return [part.strip() for part in pattern.split(value) if part.strip()]


def lookup_word(table: Mapping[str, T], text: str) -> T | None:
    """The value ``text`` stands for in ``table`` (case, spaces and '_'/' ' ignored)."""
    key = name_key(text)
    found = table.get(key)
    if found is None:
        found = table.get(" ".join(key.replace("_", " ").split()))
    return found


def parse_date_text(text: str) -> dt.date | None:
    """ISO dates (2025-04-01, optionally with a time) or UK day/month/year (01/04/2025)."""
    match = _UK_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if len(text) >= 10:
            return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None
    return None


def _shown(value: Any) -> Any:
    """The value as the user typed it: dates as text, whole numbers without '.0'."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE/FALSE"
    if isinstance(value, (dt.datetime, dt.date)):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    if isinstance(value, dt.timedelta):
        return "a duration"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"
