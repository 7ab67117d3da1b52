"""Merging plan-wide settings: the first plan's values stand, every difference is reported."""

from __future__ import annotations

from collections.abc import Sequence

from govplanner.domain.enums import FUNCTIONS, LEVELS
from govplanner.domain.model import Plan, Programme
from govplanner.domain.names import name_key
from govplanner.restructure.merge_report import MergeReport

#: Plain settings compared as a whole: field -> how the report names it.
_SIMPLE = {
    "default_capacity": "default capacity",
    "term_warning_days": "term warning (days)",
    "cost_per_session": "cost per session",
    "effective_date": "effective date",
    "vocabulary": "words for committee, tier and role",
    "kind_rules": "requirements of committee kinds",
}


def _programmes(
    programmes: dict[str, Programme], plan: Plan, label: str, first: str, report: MergeReport
) -> None:
    for programme in plan.programmes:
        key = name_key(programme.name)
        have = programmes.get(key)
        subject = f"programme area {programme.name}"
        if have is None:
            programmes[key] = programme.model_copy(deep=True)
            report.add("settings", label, subject, "added", "")
        elif {name_key(p) for p in have.professions} != {
            name_key(p) for p in programme.professions
        }:
            report.add("settings", label, subject, "differs",
                       f"its professions differ from {first}'s, which are kept")  # fmt: skip


def merge_settings(
    merged: Plan, plans: Sequence[Plan], labels: Sequence[str], report: MergeReport
) -> None:
    """Copy the first plan's settings into ``merged``; add what the others add; report clashes."""
    first, first_label = plans[0], labels[0]
    for name in (*_SIMPLE, "profile"):
        setattr(merged, name, _copy(getattr(first, name)))
    merged.description = first.description
    programmes = {name_key(p.name): p.model_copy(deep=True) for p in first.programmes}
    synonyms = dict(first.profession_synonyms)
    costs = dict(first.profession_costs)
    for plan, label in zip(plans[1:], labels[1:], strict=True):
        for name, words in _SIMPLE.items():
            mine, theirs = getattr(plan, name), getattr(first, name)
            if mine != theirs:
                report.add("settings", label, words, "differs",
                           f"'{_show(mine)}' here, '{_show(theirs)}' in {first_label}: "
                           f"{first_label}'s kept")  # fmt: skip
        _programmes(programmes, plan, label, first_label, report)
        _union(synonyms, plan.profession_synonyms, "profession synonym", label, first_label, report)
        _union(costs, plan.profession_costs, "profession cost", label, first_label, report)
    merged.programmes = list(programmes.values())
    merged.profession_synonyms = synonyms
    merged.profession_costs = costs


def _copy(value: object) -> object:
    copy = getattr(value, "model_copy", None)
    if copy is not None:
        return copy(deep=True)
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def _show(value: object) -> str:
    if value is None:
        return "not set"
    if isinstance(value, dict) or hasattr(value, "model_dump"):
        return "custom" if value else "default"
    return str(value)


def _union(
    into: dict[str, object] | dict[str, float] | dict[str, str],
    extra: dict[str, float] | dict[str, str],
    noun: str,
    label: str,
    first_label: str,
    report: MergeReport,
) -> None:
    for key, value in extra.items():
        if key not in into:
            into[key] = value  # type: ignore[assignment]
            report.add("settings", label, f"{noun} '{key}'", "added", f"= {value}")
        elif into[key] != value:
            report.add(
                "settings",
                label,
                f"{noun} '{key}'",
                "differs",
                f"{value} here, {into[key]} kept from {first_label}",
            )


def merge_profile(
    merged: Plan,
    src: Plan,
    idmap: dict[str, str],
    added: set[str],
    label: str,
    report: MergeReport,
) -> None:
    """Bring a source's requirements for the stages it added; report where aligned ones differ.

    ``added`` holds the merged ids of the stages this source added.
    """
    for level in LEVELS:
        row = merged.profile.setdefault(level, {})
        for stage in src.stages:
            target = idmap.get(stage.id, stage.id)
            mine = {f: src.requirement(level, stage.id, f) for f in FUNCTIONS}
            if target in added:
                row[target] = mine
                continue
            have = {f: merged.requirement(level, target, f) for f in FUNCTIONS}
            if have != mine:
                changed = ", ".join(f.value for f in FUNCTIONS if have[f] != mine[f])
                report.add(
                    "settings",
                    label,
                    f"requirements at {level.value} / {stage.name}",
                    "differs",
                    f"{changed} differ from the merged plan's, which are kept",
                )
