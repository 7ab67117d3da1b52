"""Ordered migration steps that bring older plan files up to the current schema version.

Each step is a pure function from the document of version n to the document of version n+1
(plain JSON dicts, before validation). Add a step here whenever the file layout changes, bump
:data:`CURRENT_SCHEMA_VERSION`, and add a test that loads a file of the old version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

FORMAT = "govplanner-plan"
CURRENT_SCHEMA_VERSION = 4

Document = dict[str, Any]
Step = Callable[[Document], Document]

#: Keys that identify a bare plan object (version 0) at the top level of a file.
_BARE_PLAN_KEYS = frozenset({"tiers", "stages", "committees", "roles", "people"})


class MigrationError(ValueError):
    """A document that no migration step can bring to the current version."""


def _v0_to_v1(doc: Document) -> Document:
    """Version 0 is a bare plan object (as ``Plan.model_dump_json()`` writes it): wrap it."""
    if "plan" in doc:  # already wrapped, only labelled 0
        return {**doc, "format": FORMAT, "schema_version": 1}
    return {"format": FORMAT, "schema_version": 1, "plan": doc}


def _v1_to_v2(doc: Document) -> Document:
    """Version 2 adds the plan's term warning window and its vocabulary, with their defaults.

    Written out explicitly (not left to the model's defaults) so that a version-2 file always
    holds both settings, and a reader of the file sees what the plan uses.
    """
    plan = doc.get("plan")
    if isinstance(plan, dict):
        plan = dict(plan)
        plan.setdefault("term_warning_days", 90)
        plan.setdefault("vocabulary", dict(_DEFAULT_VOCABULARY))
    return {**doc, "schema_version": 2, "plan": plan}


_DEFAULT_VOCABULARY = {
    "committee": "committee",
    "committees": "committees",
    "tier": "tier",
    "tiers": "tiers",
    "role": "role",
    "roles": "roles",
}

_FUNCTIONS = ("analytical", "representation", "translation", "relational")
#: Schema 3's kind rules as a version-2 plan means them: every committee was judged by the
#: level x stage profile, and only decision committees existed.
_KIND_RULES_V3 = {
    "decision": dict.fromkeys(_FUNCTIONS, "profile"),
    "clinical_forum": dict.fromkeys(_FUNCTIONS, "profile"),
    "assurance": dict.fromkeys(_FUNCTIONS, "optional"),
    "advisory": dict.fromkeys(_FUNCTIONS, "optional"),
}


def _committee_v3(committee: Any) -> Any:
    if not isinstance(committee, dict):
        return committee  # validation reports it, naming where
    c = dict(committee)
    target = c.pop("reports_to_id", None)
    c.setdefault("lines", [] if target is None else [{"to_id": target, "kind": "accountable"}])
    c.setdefault("kind", "decision")
    c.setdefault("organisation_ids", [])
    c.setdefault("group_id", None)
    quorum = c.pop("quorum", "")
    # Schema 2's quorum was free text the analysis never read: keep the words, judge nothing.
    c.setdefault("quorum", None)
    c.setdefault("quorum_note", quorum if isinstance(quorum, str) else "")
    c.setdefault("quorum_clinical", False)
    c.setdefault("requirements", {})
    c.setdefault("origin", "")
    return c


def _role_v3(role: Any) -> Any:
    if not isinstance(role, dict):
        return role
    r = dict(role)
    ids = r.pop("committee_ids", [])
    if isinstance(ids, list):
        r.setdefault("seats", [{"committee_id": cid, "membership": "member"} for cid in ids])
    r.setdefault("organisation_ids", [])
    r.setdefault("deputy_for_id", None)
    r.setdefault("cost_per_session", None)
    r.setdefault("origin", "")
    return r


def _v2_to_v3(doc: Document) -> Document:
    """Version 3 models real governance structures (DOMAIN.md v2), keeping every meaning.

    Every committee becomes a ``decision`` committee, its one reporting line an accountable
    line; every seat a ``member`` seat; the free-text quorum becomes a note (no quorum rule
    fires on an old plan). Organisations, groups, costs and the kinds' rules are written out
    with the values that keep the old analysis.
    """
    plan = doc.get("plan")
    if isinstance(plan, dict):
        plan = dict(plan)
        if isinstance(plan.get("committees"), list):
            plan["committees"] = [_committee_v3(c) for c in plan["committees"]]
        if isinstance(plan.get("roles"), list):
            plan["roles"] = [_role_v3(r) for r in plan["roles"]]
        if isinstance(plan.get("people"), list):
            plan["people"] = [
                {**p, "origin": p.get("origin", "")} if isinstance(p, dict) else p
                for p in plan["people"]
            ]
        plan.setdefault("organisations", [])
        plan.setdefault("groups", [])
        plan.setdefault("kind_rules", {k: dict(v) for k, v in _KIND_RULES_V3.items()})
        plan.setdefault("cost_per_session", None)
        plan.setdefault("profession_costs", {})
        plan.setdefault("effective_date", None)
    return {**doc, "schema_version": 3, "plan": plan}


def _v3_to_v4(doc: Document) -> Document:
    """Version 4 lets a proposal carry its rationale as data (``Plan.proposal``).

    No version-3 plan has one, so every plan opens with none and its meaning unchanged; a
    version-3 proposal keeps its rationale where it was written, in the description.
    """
    plan = doc.get("plan")
    if isinstance(plan, dict):
        plan = {**plan, "proposal": None}
    return {**doc, "schema_version": 4, "plan": plan}


#: schema version n -> the step that turns a version-n document into a version n+1 one.
STEPS: Mapping[int, Step] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def looks_like_bare_plan(doc: Mapping[str, Any]) -> bool:
    """True for a version-0 file: plan fields at the top level, no format wrapper."""
    return (
        "format" not in doc and "schema_version" not in doc and bool(_BARE_PLAN_KEYS & doc.keys())
    )


def migrate(
    doc: Document,
    version: int,
    *,
    steps: Mapping[int, Step] = STEPS,
    current: int = CURRENT_SCHEMA_VERSION,
) -> Document:
    """Apply the steps from ``version`` up to ``current``, checking each step's result."""
    while version < current:
        step = steps.get(version)
        if step is None:
            raise MigrationError(
                f"schema version {version} is too old for this version of govplanner to read"
            )
        doc = step(doc)
        version += 1
        if doc.get("schema_version") != version:
            raise MigrationError(f"the migration to schema version {version} did not complete")
    return doc
