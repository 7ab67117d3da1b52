"""The register workbook's layout (DOMAIN.md, "The register workbook"): sheets, headers, words.

Shared by the importer and the exporter so that what one writes the other reads.
"""

from __future__ import annotations

from govplanner.domain.enums import Function, Source

COMMITTEES = "Committees"
ROLES = "Roles"
TIERS = "Tiers"
STAGES = "Stages"
PEOPLE = "People"
PROGRAMMES = "Programmes"

#: Sheet -> its headers in the order the exporter writes them.
HEADERS: dict[str, tuple[str, ...]] = {
    COMMITTEES: ("Committee", "Tier", "Reports to", "Stage", "Programme area", "Purpose"),
    ROLES: (
        "Role",
        "Committees",
        "Profession",
        "Clinical",
        "Holder",
        "Functions",
        "Sessions per week",
        "Term start",
        "Term end",
    ),
    PEOPLE: ("Name", "Profession", "Capacity", "Sources"),
    TIERS: ("Tier", "Level"),
    STAGES: ("Stage",),
    PROGRAMMES: ("Programme area", "Professions"),
}

#: Columns that must be present when the sheet is.
REQUIRED_HEADERS: dict[str, tuple[str, ...]] = {
    COMMITTEES: ("Committee", "Tier"),
    ROLES: ("Role",),
    PEOPLE: ("Name",),
    TIERS: ("Tier", "Level"),
    STAGES: ("Stage",),
    PROGRAMMES: ("Programme area",),
}

REQUIRED_SHEETS = (COMMITTEES, ROLES)
#: The order the exporter writes the sheets in: the registers first, the settings after.
SHEET_ORDER = (COMMITTEES, ROLES, PEOPLE, TIERS, STAGES, PROGRAMMES)

YES_WORDS = frozenset({"yes", "y", "true", "1"})
NO_WORDS = frozenset({"no", "n", "false", "0"})

#: Every spelling of a function the register accepts (compared case-insensitively).
FUNCTION_WORDS: dict[str, Function] = {
    "analytical": Function.ANALYTICAL,
    "analytical insight": Function.ANALYTICAL,
    "analysis": Function.ANALYTICAL,
    "insight": Function.ANALYTICAL,
    "a": Function.ANALYTICAL,
    "representation": Function.REPRESENTATION,
    "representational": Function.REPRESENTATION,
    "representing": Function.REPRESENTATION,
    "r": Function.REPRESENTATION,
    "translation": Function.TRANSLATION,
    "translation & communication": Function.TRANSLATION,
    "translation and communication": Function.TRANSLATION,
    "translation/communication": Function.TRANSLATION,
    "communication": Function.TRANSLATION,
    "t": Function.TRANSLATION,
    "relational": Function.RELATIONAL,
    "relational work": Function.RELATIONAL,
    "relationships": Function.RELATIONAL,
    "relationship building": Function.RELATIONAL,
    "l": Function.RELATIONAL,
}

#: Every spelling of a source of influence the register accepts.
SOURCE_WORDS: dict[str, Source] = {
    "clinical expertise": Source.CLINICAL_EXPERTISE,
    "clinical_expertise": Source.CLINICAL_EXPERTISE,
    "expertise": Source.CLINICAL_EXPERTISE,
    "professional networks": Source.PROFESSIONAL_NETWORKS,
    "professional_networks": Source.PROFESSIONAL_NETWORKS,
    "networks": Source.PROFESSIONAL_NETWORKS,
    "formal authority": Source.FORMAL_AUTHORITY,
    "formal_authority": Source.FORMAL_AUTHORITY,
    "authority": Source.FORMAL_AUTHORITY,
    "reputation": Source.REPUTATION,
    "informal influence": Source.REPUTATION,
}
NO_SOURCES_WORD = "none"

#: How the exporter spells functions and sources (the importer reads these back).
FUNCTION_LABELS: dict[Function, str] = {
    Function.ANALYTICAL: "analytical",
    Function.REPRESENTATION: "representation",
    Function.TRANSLATION: "translation",
    Function.RELATIONAL: "relational",
}
SOURCE_LABELS: dict[Source, str] = {
    Source.CLINICAL_EXPERTISE: "clinical expertise",
    Source.PROFESSIONAL_NETWORKS: "professional networks",
    Source.FORMAL_AUTHORITY: "formal authority",
    Source.REPUTATION: "reputation",
}
