"""Small pieces of wording shared by the exports: lists, dates, sessions, terms, registration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govplanner.analysis.rules.common import long_date

#: Profession words (lower case) and the UK regulator whose register covers them.
_REGULATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("midwi",), "the Nursing and Midwifery Council (NMC)"),
    (("nurs",), "the Nursing and Midwifery Council (NMC)"),
    (("pharm",), "the General Pharmaceutical Council (GPhC)"),
    (
        (
            "paramedic",
            "allied health",
            "ahp",
            "physio",
            "occupational therap",
            "psycholog",
            "dietit",
            "radiograph",
            "speech",
            "podiat",
        ),
        "the Health and Care Professions Council (HCPC)",
    ),
    (("dent",), "the General Dental Council (GDC)"),
    (("optom", "optic"), "the General Optical Council (GOC)"),
    (
        (
            "medic",
            "gp",
            "general practi",
            "psychiatr",
            "obstetric",
            "oncolog",
            "surgeon",
            "surgery",
            "physician",
            "doctor",
            "anaesth",
            "paediatr",
        ),
        "the General Medical Council (GMC), with a licence to practise",
    ),
)


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' (British style, no serial comma)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def format_date(day: dt.date | None) -> str:
    """'1 April 2025' (the form NHS documents use), in English whatever the locale; '' for none."""
    return long_date(day) if day else ""


def format_number(value: float) -> str:
    """2.0 -> '2', 1.5 -> '1.5'."""
    return f"{value:g}"


def format_sessions(sessions: float) -> str:
    """The time commitment in words a candidate can weigh up."""
    if sessions <= 0:
        return "To be agreed (no sessions are set for this role yet)"
    unit = "session" if sessions == 1 else "sessions"
    hours = format_number(sessions * 4)
    return f"{format_number(sessions)} {unit} a week (about {hours} hours; a session is half a day)"


def term_text(start: dt.date | None, end: dt.date | None) -> str:
    """A role's term in words."""
    if start and end:
        years = (end - start).days / 365.25
        length = f" (about {format_number(round(years * 2) / 2)} years)" if years >= 0.9 else ""
        return f"{format_date(start)} to {format_date(end)}{length}"
    if start:
        return f"From {format_date(start)}, with no end date set"
    if end:
        return f"Until {format_date(end)}"
    return "Not fixed; to be agreed on appointment"


def registration_text(profession: str, *, clinical: bool) -> str:
    """The professional registration a candidate for the profession would hold."""
    if not clinical:
        return "No professional registration is required for this role."
    key = profession.casefold()
    for words, regulator in _REGULATORS:
        if key and any(w in key for w in words):
            return f"Current registration with {regulator}."
    return (
        "Current registration with the UK regulator of the candidate's profession "
        "(for example the GMC, NMC, HCPC or GPhC)."
    )


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count:,} days"


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
    """A plain warning when a filled role's term has ended or ends within the window; else ''."""
    status = term_status(end, filled=bool(holder), as_of=as_of, warning_days=warning_days)
    if end is None or status not in ("ended", "ending"):
        return ""
    left = (end - as_of).days
    if status == "ended":
        return (
            f"The term ended on {format_date(end)}, {_days(-left)} before {format_date(as_of)}, "
            f"yet the {role_word} is still shown as held by {holder}."
        )
    when = "today" if left == 0 else f"in {_days(left)}"
    return (
        f"The term ends {when}, on {format_date(end)}: within the plan's {warning_days}-day "
        "warning window, so reappointment or recruitment should be decided now."
    )
