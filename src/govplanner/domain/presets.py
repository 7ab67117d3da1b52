"""New plans from the shipped presets, with the default stages, profile and tables."""

from __future__ import annotations

from govplanner.domain.catalogue import (
    DEFAULT_PROFESSION_SYNONYMS,
    DEFAULT_PROGRAMMES,
    DEFAULT_STAGES,
    PRESETS,
    default_requirement,
)
from govplanner.domain.enums import FUNCTIONS, LEVELS
from govplanner.domain.model import Plan, Profile, Programme, Stage, Tier


def default_profile(stages: list[Stage]) -> Profile:
    """The study-derived profile for these stages (DOMAIN.md's stage mapping rule)."""
    n = len(stages)
    return {
        level: {
            stage.id: {f: default_requirement(level, i, n, f) for f in FUNCTIONS}
            for i, stage in enumerate(stages)
        }
        for level in LEVELS
    }


def default_stages() -> list[Stage]:
    return [Stage(name=s.name, description=s.description) for s in DEFAULT_STAGES]


def default_programmes() -> list[Programme]:
    return [Programme(name=k, professions=list(v)) for k, v in DEFAULT_PROGRAMMES.items()]


def new_plan(preset: str = "ics", name: str = "Untitled plan") -> Plan:
    """A new, empty plan with the preset's tiers and every default filled in."""
    try:
        chosen = PRESETS[preset]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValueError(f"Unknown preset '{preset}'. Choose one of: {known}.") from None
    stages = default_stages()
    return Plan(
        name=name,
        tiers=[Tier(name=t.name, level=t.level) for t in chosen.tiers],
        stages=stages,
        profile=default_profile(stages),
        programmes=default_programmes(),
        profession_synonyms=dict(DEFAULT_PROFESSION_SYNONYMS),
    )
