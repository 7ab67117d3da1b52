"""Plans that differ only in form: rows in another order, or every id new (a re-import)."""

from __future__ import annotations

import random

from govplanner.domain.items import ITEM_KINDS, items_of
from govplanner.domain.model import Plan
from govplanner.domain.names import new_id
from govplanner.domain.references import REFERENCES


def shuffled(plan: Plan, seed: int) -> Plan:
    """The same plan with committees, roles, people, organisations and groups in another order,
    and each committee's lines and bodies and each role's seats and bodies reordered too."""
    rng = random.Random(seed)
    copy = plan.model_copy(deep=True)
    for name in ("committees", "roles", "people", "organisations", "groups"):
        items = list(getattr(copy, name))
        rng.shuffle(items)
        setattr(copy, name, items)
    for committee in copy.committees:
        committee.lines = rng.sample(committee.lines, len(committee.lines))
        ids = committee.organisation_ids
        committee.organisation_ids = rng.sample(ids, len(ids))
    for role in copy.roles:
        role.seats = rng.sample(role.seats, len(role.seats))
        role.organisation_ids = rng.sample(role.organisation_ids, len(role.organisation_ids))
    return copy


def with_new_ids(plan: Plan) -> Plan:
    """The same plan as a register re-import without ids gives it: every id new."""
    copy = plan.model_copy(deep=True)
    mapping: dict[str, str] = {}
    for kind, info in ITEM_KINDS.items():
        for item in items_of(copy, kind):
            mapping[item.id] = new_id(info.prefix)
    for ref in REFERENCES:
        for item in items_of(copy, ref.source):
            value = getattr(item, ref.field)
            if ref.entry_field is not None:
                for entry in value:
                    setattr(entry, ref.entry_field, mapping[getattr(entry, ref.entry_field)])
            elif ref.many:
                setattr(item, ref.field, [mapping[v] for v in value])
            elif value is not None:
                setattr(item, ref.field, mapping[value])
    for kind in ITEM_KINDS:
        for item in items_of(copy, kind):
            item.id = mapping[item.id]
    copy.profile = {
        level: {mapping.get(stage, stage): dict(entry) for stage, entry in by_stage.items()}
        for level, by_stage in copy.profile.items()
    }
    for accepted in copy.accepted:
        parts = accepted.key.split("|")
        accepted.key = "|".join(mapping.get(p, p) for p in parts)
    return copy
