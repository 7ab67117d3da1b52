"""The register workbook's layout (DOMAIN.md, "The register workbook"): sheets, headers, words.

Shared by the importer and the exporter so that what one writes the other reads. The sheets
and columns DOMAIN.md names are the normative part; the rest (ids, settings, profile, kinds,
synonyms, costs...) are govplanner's own, written so that an exported register imports back
as the same plan.
"""

from __future__ import annotations

from govplanner.domain.enums import (
    CommitteeKind,
    Function,
    Requirement,
    Rule,
    Source,
    SubjectKind,
)

COMMITTEES = "Committees"
ROLES = "Roles"
PEOPLE = "People"
ORGANISATIONS = "Organisations"
GROUPS = "In common groups"
TIERS = "Tiers"
STAGES = "Stages"
PROGRAMMES = "Programmes"
ACCEPTED = "Accepted findings"
SETTINGS = "Settings"
PROFILE = "Profile"
KINDS = "Kinds"
SYNONYMS = "Profession synonyms"
COSTS = "Profession costs"
#: a proposal plan's record (Plan.proposal), written only for a proposal
PROPOSAL = "Proposal"
CHANGES = "Proposal changes"

FUNCTION_HEADERS: tuple[str, ...] = ("Analytical", "Representation", "Translation", "Relational")
HEADER_FUNCTIONS: dict[str, Function] = dict(zip(FUNCTION_HEADERS, Function, strict=True))

#: Sheet -> its headers in the order the exporter writes them (every header the reader knows).
HEADERS: dict[str, tuple[str, ...]] = {
    COMMITTEES: (
        "Id",
        "Committee",
        "Tier",
        "Kind",
        "Organisation",
        "In common group",
        "Reports to",
        "Advises",
        "Line order",
        "Stage",
        "Programme area",
        "Purpose",
        "Quorum",
        "Quorum includes clinical",
        "Quorum note",
        "Meeting frequency",
        "Requirements",
        "Origin",
    ),
    ROLES: (
        "Id",
        "Role",
        "Committees",
        "Membership",
        "Organisation",
        "Deputy for",
        "Chairs",
        "Profession",
        "Clinical",
        "Holder",
        "Functions",
        "Activities",
        "Sessions per week",
        "Cost per session",
        "Term start",
        "Term end",
        "Notes",
        "Origin",
    ),
    PEOPLE: ("Id", "Name", "Profession", "Capacity", "Sources", "Origin"),
    ORGANISATIONS: ("Id", "Organisation", "Type", "Population"),
    GROUPS: ("Id", "Group", "Description"),
    TIERS: ("Id", "Tier", "Level"),
    STAGES: ("Id", "Stage", "Description"),
    PROGRAMMES: ("Programme area", "Professions"),
    ACCEPTED: (
        "Code",
        "Subject",
        "Function",
        "Stage",
        "Rationale",
        "Accepted by",
        "Accepted on",
        "Review on",
        "Key",
    ),
    SETTINGS: ("Setting", "Value"),
    PROFILE: ("Level", "Stage", *FUNCTION_HEADERS),
    KINDS: ("Kind", *FUNCTION_HEADERS),
    SYNONYMS: ("Word", "Profession"),
    COSTS: ("Profession", "Cost per session"),
    PROPOSAL: ("Field", "Value"),
    CHANGES: ("Action", "Id", "Subject", "Replaces", "Sessions per week", "Holder", "Why"),
}

#: Columns the exporter writes only when some row needs them (they keep rare details exact).
SPARSE_HEADERS: dict[str, frozenset[str]] = {
    COMMITTEES: frozenset({"Line order"}),
    ACCEPTED: frozenset({"Key"}),
}

#: Columns that must be present when the sheet is.
REQUIRED_HEADERS: dict[str, tuple[str, ...]] = {
    COMMITTEES: ("Committee", "Tier"),
    ROLES: ("Role",),
    PEOPLE: ("Name",),
    ORGANISATIONS: ("Organisation",),
    GROUPS: ("Group",),
    TIERS: ("Tier", "Level"),
    STAGES: ("Stage",),
    PROGRAMMES: ("Programme area",),
    ACCEPTED: ("Code", "Subject", "Rationale"),
    SETTINGS: ("Setting", "Value"),
    PROFILE: ("Level", "Stage"),
    KINDS: ("Kind",),
    SYNONYMS: ("Word", "Profession"),
    COSTS: ("Profession", "Cost per session"),
    PROPOSAL: ("Field", "Value"),
    CHANGES: ("Action", "Id", "Subject"),
}

REQUIRED_SHEETS = (COMMITTEES, ROLES)
#: govplanner's own sheets (not DOMAIN.md's): a workbook from elsewhere may well have a sheet
#: called "Profile" or "Settings" of its own, so one without these columns is passed over.
OWN_SHEETS = (GROUPS, SETTINGS, PROFILE, KINDS, SYNONYMS, COSTS, PROPOSAL, CHANGES)
#: The order the exporter writes the sheets in: the registers first, the settings after.
SHEET_ORDER = (
    COMMITTEES,
    ROLES,
    PEOPLE,
    ORGANISATIONS,
    GROUPS,
    TIERS,
    STAGES,
    PROGRAMMES,
    ACCEPTED,
    SETTINGS,
    PROFILE,
    KINDS,
    SYNONYMS,
    COSTS,
    PROPOSAL,
    CHANGES,
)

# -- Settings (one row each on the Settings sheet) ---------------------------------------------

SET_NAME = "Plan name"
SET_DESCRIPTION = "Description"
SET_CAPACITY = "Default capacity"
SET_TERM_WARNING = "Term warning days"
SET_COST = "Cost per session"
SET_EFFECTIVE = "Effective date"
#: vocabulary field -> setting name
SET_WORDS: dict[str, str] = {
    "committee": "Word for a committee",
    "committees": "Word for committees",
    "tier": "Word for a tier",
    "tiers": "Word for tiers",
    "role": "Word for a role",
    "roles": "Word for roles",
}
SETTING_NAMES: tuple[str, ...] = (
    SET_NAME,
    SET_DESCRIPTION,
    SET_CAPACITY,
    SET_TERM_WARNING,
    SET_COST,
    SET_EFFECTIVE,
    *SET_WORDS.values(),
)

# -- Words -------------------------------------------------------------------------------------

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

REQUIREMENT_WORDS: dict[str, Requirement] = {r.value: r for r in Requirement}
RULE_WORDS: dict[str, Rule] = {
    **{r.value: r for r in Rule},
    "follow the profile": Rule.PROFILE,
    "follows the profile": Rule.PROFILE,
}

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
KIND_LABELS: dict[CommitteeKind, str] = {
    CommitteeKind.DECISION: "decision",
    CommitteeKind.CLINICAL_FORUM: "clinical forum",
    CommitteeKind.ASSURANCE: "assurance",
    CommitteeKind.ADVISORY: "advisory",
}

#: Finding code -> what it is about (DOMAIN.md's findings table): an accepted finding's
#: subject is looked up among these items.
CODE_SUBJECTS: dict[str, SubjectKind] = {
    "GAP001": SubjectKind.COMMITTEE,
    "GAP002": SubjectKind.COMMITTEE,
    "GAP003": SubjectKind.TIER,
    "CLN001": SubjectKind.COMMITTEE,
    "PRO001": SubjectKind.COMMITTEE,
    "LOD001": SubjectKind.PERSON,
    "LOD002": SubjectKind.PERSON,
    "DEV001": SubjectKind.PERSON,
    "STR001": SubjectKind.COMMITTEE,
    "STR002": SubjectKind.COMMITTEE,
    "STR003": SubjectKind.ROLE,
    "STR004": SubjectKind.ROLE,
    "STR005": SubjectKind.COMMITTEE,
    "TRM001": SubjectKind.ROLE,
    "TRM002": SubjectKind.ROLE,
    "QRM001": SubjectKind.COMMITTEE,
    "QRM002": SubjectKind.COMMITTEE,
    "DEP001": SubjectKind.COMMITTEE,
}
#: Codes whose findings are about one function (the key names it).
FUNCTION_CODES = frozenset({"GAP001", "GAP002", "GAP003", "DEP001", "DEV001"})
#: Codes whose findings carry the committee's current stage: a hand-written row that leaves
#: Stage blank means that stage.
STAGE_CODES = frozenset({"GAP001", "GAP002", "DEP001"})
