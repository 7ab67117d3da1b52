"""The clinical leadership framework as data: functions, activities, level wording, profiles.

Everything here is written in govplanner's own words. Facts come from Waring, Bishop, Black,
Clarke and Roe, "Understanding the clinical leadership of integrated care", BMJ Leader 2023
(doi:10.1136/leader-2022-000709), referred to below as *the study*. Each default says where it
comes from in its ``basis`` so the product can show users why a default is what it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from govplanner.domain.enums import Function, Level, Requirement, Source

# Programme areas live in their own module; re-exported here for the callers that read them.
from govplanner.domain.programmes import DEFAULT_PROFESSION_SYNONYMS as DEFAULT_PROFESSION_SYNONYMS
from govplanner.domain.programmes import DEFAULT_PROGRAMMES as DEFAULT_PROGRAMMES
from govplanner.domain.programmes import PROGRAMMES_BASIS as PROGRAMMES_BASIS

STUDY = (
    "Waring J, Bishop S, Black G, Clarke J, Roe B. Clinical leadership of integrated care "
    "(BMJ Leader, 2023; doi:10.1136/leader-2022-000709)"
)

FRAMEWORK_BASIS = (
    "The four clinical leadership functions (analytical insight, representation, translation "
    "and communication, relational work) and how they vary by governance level and stage of "
    "integration come from a qualitative study of three English health and care partnerships: "
    + STUDY
    + ". The requirement defaults are govplanner's reading of that study and can be edited."
)


@dataclass(frozen=True)
class FunctionInfo:
    function: Function
    summary: str
    direct_effect: str
    latent_effect: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Activity:
    code: str
    function: Function
    text: str


FUNCTION_INFO: dict[Function, FunctionInfo] = {
    Function.ANALYTICAL: FunctionInfo(
        Function.ANALYTICAL,
        "Brings clinical knowledge and service data to bear so plans fit how care really works.",
        "Plans that are realistic and relevant to services",
        "Clinicians engage with and commit to the plans",
        (Source.CLINICAL_EXPERTISE,),
    ),
    Function.REPRESENTATION: FunctionInfo(
        Function.REPRESENTATION,
        "Carries the views of clinical colleagues into decisions and speaks up for them.",
        "The clinical voice is part of the decision",
        "Change is seen as legitimate by the professions",
        (Source.FORMAL_AUTHORITY, Source.REPUTATION),
    ),
    Function.TRANSLATION: FunctionInfo(
        Function.TRANSLATION,
        "Explains change in terms that make sense to each professional and public community.",
        "Change is understood and meaningful to each group",
        "A shared vision across organisations and professions",
        (Source.PROFESSIONAL_NETWORKS,),
    ),
    Function.RELATIONAL: FunctionInfo(
        Function.RELATIONAL,
        "Builds and keeps the connections, alliances and trust that joint working runs on.",
        "Connections and alliances made; conflict mediated",
        "Resources are shared and collaboration lasts",
        (Source.FORMAL_AUTHORITY, Source.REPUTATION),
    ),
}

ACTIVITIES: tuple[Activity, ...] = (
    Activity("A1", Function.ANALYTICAL, "Review and present clinical evidence and service data"),
    Activity(
        "A2",
        Function.ANALYTICAL,
        "Bring knowledge of the history and tensions that held back earlier attempts to integrate",
    ),
    Activity(
        "A3",
        Function.ANALYTICAL,
        "Judge which priorities can work given local professional cultures, "
        "steering round pitfalls",
    ),
    Activity(
        "R1", Function.REPRESENTATION, "Make sure clinical views are heard when decisions are made"
    ),
    Activity(
        "R2",
        Function.REPRESENTATION,
        "Challenge decisions so that clinical concerns carry the same weight as financial or "
        "managerial ones",
    ),
    Activity("R3", Function.REPRESENTATION, "Win wider professional engagement and support"),
    Activity(
        "T1",
        Function.TRANSLATION,
        "Carry evidence, policy and proposals between clinical and non-clinical groups",
    ),
    Activity(
        "T2",
        Function.TRANSLATION,
        "Present change so it speaks to the concerns of each stakeholder group",
    ),
    Activity(
        "T3",
        Function.TRANSLATION,
        "Keep the programme's shared story alive, giving credit for progress to many partners",
    ),
    Activity("L1", Function.RELATIONAL, "Broker and build connections between stakeholders"),
    Activity(
        "L2",
        Function.RELATIONAL,
        "Grow alliances and networks that sustain themselves and reach a critical mass for change",
    ),
    Activity(
        "L3", Function.RELATIONAL, "Empower and delegate, setting groups up to take plans forward"
    ),
    Activity(
        "L4",
        Function.RELATIONAL,
        "Mediate conflict, drawing on knowledge of local history and interests",
    ),
)

ACTIVITY_BY_CODE: dict[str, Activity] = {a.code: a for a in ACTIVITIES}


def activities_of(function: Function) -> tuple[Activity, ...]:
    return tuple(a for a in ACTIVITIES if a.function is function)


#: How each function shows itself at each level (the study's findings, in our words).
LEVEL_WORDING: dict[Function, dict[Level, str]] = {
    Function.ANALYTICAL: {
        Level.EXECUTIVE: "Interpret population health data and set out the evidence for the "
        "clinical priorities in the system's overall strategy.",
        Level.THEMATIC: "Give authoritative advice on which services to prioritise within the "
        "programme's area.",
        Level.PROJECT: "Turn day-to-day knowledge of the service into concrete plans for "
        "changing it.",
    },
    Function.REPRESENTATION: {
        Level.EXECUTIVE: "Speak for clinical perspectives among senior leaders, while taking a "
        "view of the whole system rather than of one profession.",
        Level.THEMATIC: "Bring the views of frontline colleagues into the programme's decisions; "
        "at this level it is central to the role.",
        Level.PROJECT: "Bring the views of frontline colleagues into the project's decisions; "
        "at this level it is central to the role.",
    },
    Function.TRANSLATION: {
        Level.EXECUTIVE: "Communicate the system's broad vision and mission in ways each "
        "professional community can take up.",
        Level.THEMATIC: "Explain why the programme's projects were chosen and what they are "
        "meant to achieve.",
        Level.PROJECT: "Explain the purpose, approach and measures of success of the initiative.",
    },
    Function.RELATIONAL: {
        Level.EXECUTIVE: "Secure the support of a small circle of senior leaders in partner "
        "organisations.",
        Level.THEMATIC: "Keep many working relationships at less senior levels and delegate "
        "work to local groups.",
        Level.PROJECT: "Keep many working relationships with the staff and teams delivering "
        "the change.",
    },
}

LEVEL_DESCRIPTIONS: dict[Level, str] = {
    Level.EXECUTIVE: "Sets the overall strategy of the system and plans and coordinates its work.",
    Level.THEMATIC: "Coordinates a programme of change in one area of care.",
    Level.PROJECT: "Designs and delivers one joint change initiative.",
}

SOURCE_DESCRIPTIONS: dict[Source, str] = {
    Source.CLINICAL_EXPERTISE: "Credentials, specialty and experience of clinical practice.",
    Source.PROFESSIONAL_NETWORKS: "Contacts and standing across professional communities.",
    Source.FORMAL_AUTHORITY: "A designated leadership post that carries authority.",
    Source.REPUTATION: "Informal standing and the respect of peers.",
}

#: The sources each function draws on (DOMAIN.md, used by DEV001).
FUNCTION_SOURCES: dict[Function, tuple[Source, ...]] = {
    f: info.sources for f, info in FUNCTION_INFO.items()
}

# -- Stages and the default requirement profile ---------------------------------------------


@dataclass(frozen=True)
class StageInfo:
    name: str
    description: str


DEFAULT_STAGES: tuple[StageInfo, ...] = (
    StageInfo("Strategy setting", "Agreeing shared goals and the overall direction."),
    StageInfo(
        "Mobilising change",
        "Choosing priorities, planning the work and winning engagement for it.",
    ),
    StageInfo(
        "Sustaining collaboration",
        "Delivering change and keeping commitment and relationships going.",
    ),
)

_E, _X, _O = Requirement.ESSENTIAL, Requirement.EXPECTED, Requirement.OPTIONAL
_A, _R, _T, _L = (
    Function.ANALYTICAL,
    Function.REPRESENTATION,
    Function.TRANSLATION,
    Function.RELATIONAL,
)

#: level -> default stage index -> function -> requirement. Derived from the study: early
#: strategy setting relies on analysis, representation and translation; later collaborative
#: working relies on relational work; representation is central below the executive level.
DEFAULT_PROFILE: dict[Level, tuple[dict[Function, Requirement], ...]] = {
    Level.EXECUTIVE: (
        {_A: _E, _R: _X, _T: _E, _L: _X},
        {_A: _X, _R: _X, _T: _E, _L: _E},
        {_A: _X, _R: _X, _T: _E, _L: _E},
    ),
    Level.THEMATIC: (
        {_A: _E, _R: _E, _T: _E, _L: _X},
        {_A: _E, _R: _E, _T: _E, _L: _E},
        {_A: _X, _R: _E, _T: _E, _L: _E},
    ),
    Level.PROJECT: (
        {_A: _E, _R: _E, _T: _X, _L: _O},
        {_A: _E, _R: _E, _T: _E, _L: _X},
        {_A: _X, _R: _E, _T: _X, _L: _E},
    ),
}

PROFILE_BASIS = (
    "Default derived by govplanner from the study's findings: analytical insight, "
    "representation and translation matter most while strategy is set; relational work "
    "matters most once partners are working together; representation is central at "
    "thematic and project levels. Edit it to suit your system."
)


def default_stage_index(stage_index: int, stage_count: int) -> int:
    """Which default stage a plan's stage i of n starts from (DOMAIN.md's rule)."""
    if stage_count <= 1:
        return 0
    return int(2 * stage_index / (stage_count - 1) + 0.5)


def default_requirement(
    level: Level, stage_index: int, stage_count: int, function: Function
) -> Requirement:
    return DEFAULT_PROFILE[level][default_stage_index(stage_index, stage_count)][function]


# -- Presets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TierPreset:
    name: str
    level: Level


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    tiers: tuple[TierPreset, ...]
    basis: str


PRESETS: dict[str, Preset] = {
    "partnership": Preset(
        "partnership",
        "Partnership (executive / thematic / project)",
        (
            TierPreset("Executive", Level.EXECUTIVE),
            TierPreset("Thematic", Level.THEMATIC),
            TierPreset("Project", Level.PROJECT),
        ),
        "The three tiers of governance the study found in each partnership.",
    ),
    "ics": Preset(
        "ics",
        "ICS (system / programme / place / neighbourhood)",
        (
            TierPreset("System", Level.EXECUTIVE),
            TierPreset("Programme", Level.THEMATIC),
            TierPreset("Place", Level.THEMATIC),
            TierPreset("Neighbourhood", Level.PROJECT),
        ),
        "The footprints of statutory ICSs since the Health and Care Act 2022, mapped to the "
        "study's levels: a place partnership coordinates change across its services, so it "
        "maps to thematic.",
    ),
}

#: Tier names understood without a Tiers sheet: level names and the ICS preset's names.
TIER_NAME_LEVELS: dict[str, Level] = {
    "executive": Level.EXECUTIVE,
    "thematic": Level.THEMATIC,
    "project": Level.PROJECT,
    "system": Level.EXECUTIVE,
    "programme": Level.THEMATIC,
    "place": Level.THEMATIC,
    "neighbourhood": Level.PROJECT,
}

# -- Optional lenses and the board competency framework -------------------------------------

LEADERSHIP_STYLES = ("steward", "mediator", "catalyst")
GOVERNANCE_DOMAINS = ("structural", "procedural", "ideational")

#: NHS England, Leadership competency framework for board members (February 2024).
BOARD_COMPETENCY_DOMAINS: tuple[str, ...] = (
    "Driving high-quality and sustainable outcomes",
    "Setting strategy and delivering long-term transformation",
    "Promoting equality and inclusion, and reducing health and workforce inequalities",
    "Providing robust governance and assurance",
    "Creating a compassionate, just and positive culture",
    "Building trusted relationships with partners and communities",
)
BOARD_COMPETENCY_SOURCE = (
    "NHS England, Leadership competency framework for board members, February 2024"
)
