"""The plan's own words for "committee", "tier" and "role" (some systems say forum, level, post).

A plan stores the singular and plural of each word as they read inside a sentence (usually
lower case); :func:`words` gives every form a sentence or a heading needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

if TYPE_CHECKING:
    from govplanner.domain.model import Plan

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class Vocabulary(BaseModel):
    """A plan's words; the defaults are the framework's own."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    committee: Word = "committee"
    committees: Word = "committees"
    tier: Word = "tier"
    tiers: Word = "tiers"
    role: Word = "role"
    roles: Word = "roles"


#: The words a plan may rename (the singular fields above), in the order settings show them.
TERMS: tuple[str, ...] = tuple(
    name for name in Vocabulary.model_fields if f"{name}s" in Vocabulary.model_fields
)


def capitalise(text: str) -> str:
    """Upper-case the first letter only, so 'ICS forum' stays 'ICS forum', 'post' is 'Post'."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Words:
    """Every form of the plan's words: ``w.committee`` mid-sentence, ``w.cap("committee")``."""

    committee: str = "committee"
    committees: str = "committees"
    tier: str = "tier"
    tiers: str = "tiers"
    role: str = "role"
    roles: str = "roles"

    def cap(self, key: str) -> str:
        """The word for ``key`` ('committee', 'roles'...) with a capital, to start a sentence."""
        return capitalise(self.as_dict()[key])

    def as_dict(self) -> dict[str, str]:
        """All twelve forms by their default spelling: 'committee', 'Committee', 'committees'..."""
        forms: dict[str, str] = {}
        for term in TERMS:
            for key in (term, f"{term}s"):
                word = str(getattr(self, key))
                forms[key] = word
                forms[capitalise(key)] = capitalise(word)
        return forms


DEFAULT_WORDS = Words()


def words(source: Plan | Vocabulary | None = None) -> Words:
    """The words of a plan (or of a vocabulary); the defaults for None."""
    if source is None:
        return DEFAULT_WORDS
    vocabulary = source if isinstance(source, Vocabulary) else source.vocabulary
    if vocabulary == _DEFAULT_VOCABULARY:
        return DEFAULT_WORDS
    return Words(**vocabulary.model_dump())


_DEFAULT_VOCABULARY = Vocabulary()
