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
    ORGANISATION = "organisation"


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


class OrganisationType(StrEnum):
    """The bodies in an integrated care system (DOMAIN.md v2; identifiers are public)."""

    ICB = "icb"
    TRUST = "trust"
    LOCAL_AUTHORITY = "local_authority"
    PRIMARY_CARE = "primary_care"
    PROVIDER_COLLABORATIVE = "provider_collaborative"
    VCFSE = "vcfse"
    HEALTHWATCH = "healthwatch"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ORGANISATION_LABELS[self]


_ORGANISATION_LABELS = {
    OrganisationType.ICB: "Integrated care board",
    OrganisationType.TRUST: "NHS trust or foundation trust",
    OrganisationType.LOCAL_AUTHORITY: "Local authority",
    OrganisationType.PRIMARY_CARE: "Primary care (PCN, GP federation, practice)",
    OrganisationType.PROVIDER_COLLABORATIVE: "Provider collaborative",
    OrganisationType.VCFSE: "Voluntary, community and social enterprise",
    OrganisationType.HEALTHWATCH: "Healthwatch",
    OrganisationType.OTHER: "Other",
}


class CommitteeKind(StrEnum):
    """What a committee is for, which decides what it needs (DOMAIN.md v2)."""

    DECISION = "decision"
    CLINICAL_FORUM = "clinical_forum"
    ASSURANCE = "assurance"
    ADVISORY = "advisory"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    CommitteeKind.DECISION: "Decision-making",
    CommitteeKind.CLINICAL_FORUM: "Clinical forum",
    CommitteeKind.ASSURANCE: "Assurance",
    CommitteeKind.ADVISORY: "Advisory",
}


class LineKind(StrEnum):
    """A line out of a committee: accountable (delegation) or advisory (advice only)."""

    ACCOUNTABLE = "accountable"
    ADVISES = "advises"

    @property
    def label(self) -> str:
        return "Accountable to" if self is LineKind.ACCOUNTABLE else "Advises"


class Membership(StrEnum):
    """How a role sits on a committee (DOMAIN.md v2): who votes, who provides functions."""

    MEMBER = "member"
    PARTICIPANT = "participant"
    ATTENDEE = "attendee"
    DEPUTY = "deputy"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def provides(self) -> bool:
        """Members and participants provide functions; attendees and deputies do not."""
        return self in (Membership.MEMBER, Membership.PARTICIPANT)


class Rule(StrEnum):
    """A committee kind's requirement for one function: follow the profile, or a fixed one."""

    PROFILE = "profile"
    ESSENTIAL = "essential"
    EXPECTED = "expected"
    OPTIONAL = "optional"

    @property
    def label(self) -> str:
        return "Follow the profile" if self is Rule.PROFILE else self.value.capitalize()

    @property
    def requirement(self) -> Requirement | None:
        """The fixed requirement, or None when the rule follows the level x stage profile."""
        return None if self is Rule.PROFILE else Requirement(self.value)


COMMITTEE_KINDS: tuple[CommitteeKind, ...] = tuple(CommitteeKind)
MEMBERSHIPS: tuple[Membership, ...] = tuple(Membership)
