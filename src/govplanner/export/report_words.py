"""The gap report's sheet titles and subject words in the plan's own vocabulary."""

from __future__ import annotations

import re

from govplanner.domain.enums import SubjectKind
from govplanner.domain.vocabulary import TERMS, Words

#: The sheets in order, by their default titles (the keys of :func:`sheet_titles`).
SHEETS = (
    "Summary",
    "Principles",
    "Root causes",
    "Term ends",
    "Coverage by stage",
    "Findings",
    "Accepted findings",
    "Committees",
    "Roles",
    "People",
    "Organisations",
)
#: Sheets named after one of the plan's words, and the word.
_RENAMED = {"Committees": "committees", "Roles": "roles"}
#: Characters a sheet title may not hold, in Excel and LibreOffice alike.
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
_MAX_TITLE = 31


def sheet_titles(w: Words) -> dict[str, str]:
    """Each sheet's title: the default, or the plan's word where a sheet is named after one.

    A word that cannot be a sheet title (empty once cleaned, or the title of another sheet)
    leaves the default title in place.
    """
    titles = {name: name for name in SHEETS}
    taken = {name.casefold() for name in SHEETS}
    for name, key in _RENAMED.items():
        title = _clean_title(w.cap(key))
        if title and title.casefold() not in taken - {name.casefold()}:
            titles[name] = title
            taken = (taken - {name.casefold()}) | {title.casefold()}
    return titles


def _clean_title(text: str) -> str:
    return _NOT_IN_TITLE.sub(" ", text).strip().strip("'").strip()[:_MAX_TITLE].strip()


def subject_word(kind: SubjectKind, w: Words) -> str:
    """'Committee', 'Role', 'Tier' in the plan's words; 'Person' as it is."""
    if kind.value in TERMS:
        return w.cap(kind.value)
    return kind.value.capitalize()


def level_header(w: Words) -> str:
    """The header of a framework-level column: 'Level', unless the plan calls its tiers that."""
    return "Framework level" if w.tier.casefold() == "level" else "Level"
