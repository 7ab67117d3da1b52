"""The closed vocabularies of the framework: levels, functions, requirements, severities."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """The three governance levels found by the study; every tier maps to one."""

    EXECUTIVE = "executive"
    THEMATIC = "thematic"
    PROJECT = "project"

    @property
    def order(self) -> int:
        """Executive 0, thematic 1, project 2 (DOMAIN.md's level order)."""
        return _LEVEL_ORDER[self]

    @property
    def label(self) -> str:
        return self.value.capitalize()


_LEVEL_ORDER = {Level.EXECUTIVE: 0, Level.THEMATIC: 1, Level.PROJECT: 2}


class Function(StrEnum):
    """The four clinical leadership functions (identifiers are a public interface)."""

    ANALYTICAL = "analytical"
    REPRESENTATION = "representation"
    TRANSLATION = "translation"
    RELATIONAL = "relational"

    @property
    def label(self) -> str:
        return _FUNCTION_LABELS[self]

    @property
    def short(self) -> str:
        """One-letter code used in compact tables (A, R, T, L)."""
        return _FUNCTION_SHORT[self]


_FUNCTION_LABELS = {
    Function.ANALYTICAL: "Analytical insight",
    Function.REPRESENTATION: "Representation",
    Function.TRANSLATION: "Translation & communication",
    Function.RELATIONAL: "Relational work",
}
_FUNCTION_SHORT = {
    Function.ANALYTICAL: "A",
    Function.REPRESENTATION: "R",
    Function.TRANSLATION: "T",
    Function.RELATIONAL: "L",
}

FUNCTIONS: tuple[Function, ...] = tuple(Function)
LEVELS: tuple[Level, ...] = tuple(Level)


class Requirement(StrEnum):
    """How much a function is needed on a committee at a level and stage."""

    ESSENTIAL = "essential"
    EXPECTED = "expected"
    OPTIONAL = "optional"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Severity(StrEnum):
    """Severity of a finding, most serious first."""

    CRITICAL = "critical"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical, 1 for warning, 2 for info: sort ascending for worst first."""
        return _SEVERITY_RANK[self]

    @property
    def label(self) -> str:
        return self.value.capitalize()


_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.WARNING: 1, Severity.INFO: 2}


class SubjectKind(StrEnum):
    """What a finding is about."""

    COMMITTEE = "committee"
    ROLE = "role"
    PERSON = "person"
    TIER = "tier"


class Source(StrEnum):
    """Sources of influence a clinical leader draws on."""

    CLINICAL_EXPERTISE = "clinical_expertise"
    PROFESSIONAL_NETWORKS = "professional_networks"
    FORMAL_AUTHORITY = "formal_authority"
    REPUTATION = "reputation"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    Source.CLINICAL_EXPERTISE: "Clinical expertise",
    Source.PROFESSIONAL_NETWORKS: "Professional networks",
    Source.FORMAL_AUTHORITY: "Formal authority",
    Source.REPUTATION: "Reputation",
}
