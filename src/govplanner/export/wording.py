"""Small pieces of wording shared by the exports: lists, dates, sessions, terms, registration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govplanner.analysis.rules.common import long_date
from govplanner.export.registration import registration_text

__all__ = [
    "and_list",
    "count",
    "format_date",
    "format_number",
    "format_sessions",
    "or_list",
    "registration_text",
    "term_alert",
    "term_status",
    "term_text",
    "the",
]


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' (British style, no serial comma)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def or_list(items: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def count(number: float, singular: str, plural: str | None = None) -> str:
    """'0 gaps', '1 gap', '2 gaps', '1.5 sessions' (anything but exactly one is plural)."""
    word = singular if number == 1 else (plural or singular + "s")
    shown = f"{number:,}" if isinstance(number, int) else format_number(number)
    return f"{shown} {word}"


def the(name: str) -> str:
    """A committee's name after 'the': 'the ICB Board', but 'The Forum' stays 'The Forum'."""
    return name if name[:4].casefold() == "the " else f"the {name}"


def format_date(day: dt.date | None) -> str:
    """'1 April 2025' (the form NHS documents use), in English whatever the locale; '' for none."""
    return long_date(day) if day else ""


def format_number(value: float) -> str:
    """2.0 -> '2', 1.5 -> '1.5'."""
    return f"{value:g}"


def format_sessions(sessions: float) -> str:
    """The time commitment in words a candidate can weigh up."""
    if sessions <= 0:
        return "To be agreed on appointment"
    hours = format_number(sessions * 4)
    return f"{count(sessions, 'session')} a week (about {hours} hours; a session is half a day)"


def term_text(start: dt.date | None, end: dt.date | None) -> str:
    """A role's term in words."""
    if start and end:
        years = (end - start).days / 365.25
        length = f" (about {count(round(years * 2) / 2, 'year')})" if years >= 0.9 else ""
        return f"{format_date(start)} to {format_date(end)}{length}"
    if start:
        return f"From {format_date(start)}, with no end date set"
    if end:
        return f"Until {format_date(end)}"
    return "Not fixed; to be agreed on appointment"


def _days(number: int) -> str:
    return count(number, "day")


def term_status(end: dt.date | None, *, filled: bool, as_of: dt.date, warning_days: int) -> str:
    """'ended', 'ending' (within the warning window) or 'later' for a filled role; else ''.

    The same judgement as findings TRM002 and TRM001: only a filled role's term can run out.
    """
    if end is None or not filled:
        return ""
    left = (end - as_of).days
    if left < 0:
        return "ended"
    return "ending" if left <= warning_days else "later"


def term_alert(
    end: dt.date | None, *, holder: str, as_of: dt.date, warning_days: int, role_word: str = "role"
) -> str:
    """A plain note, for a document, when a filled role's term has ended or ends soon; else ''.

    It states the term and what is due, never the state of the plan's data (a term that ended
    while the role is still recorded as held is TRM002's business, in ``check`` and the gap
    report), and never the tool's settings (the warning window).
    """
    status = term_status(end, filled=bool(holder), as_of=as_of, warning_days=warning_days)
    if end is None or status not in ("ended", "ending"):
        return ""
    due = f"so reappointment or recruitment to this {role_word} is due."
    if status == "ended":
        return f"The current term ended on {format_date(end)}, {due}"
    left = (end - as_of).days
    when = "today" if left == 0 else f"in {_days(left)}"
    return f"The current term ends {when}, on {format_date(end)}, {due}"
