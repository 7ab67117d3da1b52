"""Committee merges: removed committees whose members now sit together on one committee.

Two committees in common becoming one joint committee is one change, not two removals and an
addition. A removed committee is *merged into* the committee where most of its roles (that
still exist) now newly sit, provided at least half of them moved there; a merge is reported
when two or more removed committees went into one committee, or one or more went into a
committee that was already there, or one went into a new committee that others joined too
(a board merged into a new cluster board with a partner's members). A committee whose members
all moved to a new committee that nobody else joined was replaced: an addition and a removal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from govplanner.analysis.compare_match import PlanMatch
from govplanner.domain.model import Committee, Plan, Role
from govplanner.domain.names import name_key


@dataclass(frozen=True, slots=True)
class Merge:
    """Committees of the before plan merged into one committee of the after plan."""

    #: the merged committees' names in the before plan, sorted
    sources: tuple[str, ...]
    #: the committee they merged into, as the after plan names it
    target: str
    #: True when the committee they merged into is new in the after plan
    target_is_new: bool
    #: the after plan's tier of the committee they merged into
    where: str
    #: how many roles moved from the merged committees onto it
    roles_moved: int

    @property
    def sentence(self) -> str:
        """'A and B merged into C'; 'A, B and C merged into D'."""
        if len(self.sources) == 1:
            joined = self.sources[0]
        else:
            joined = f"{', '.join(self.sources[:-1])} and {self.sources[-1]}"
        return f"{joined} merged into {self.target}"


def find_merges(before: Plan, after: Plan, match: PlanMatch) -> tuple[Merge, ...]:
    """Every merge, ordered by the name of the committee merged into."""
    committees = match.committees
    new_committees = {c.id: c for c in after.committees}
    new_roles = {r.id: r for r in after.roles}
    tiers = {t.id: t.name for t in after.tiers}
    old_names = {c.id: c.name for c in before.committees}
    seated: dict[str, list[Role]] = {}  # before committee id -> the roles sitting on it
    for role in before.roles:
        for cid in set(role.committee_ids):
            seated.setdefault(cid, []).append(role)
    seated_after = Counter(cid for role in after.roles for cid in set(role.committee_ids))
    into: dict[str, list[str]] = {}  # after committee id -> before ids merged into it
    moved: Counter[str] = Counter()
    for removed_id in committees.removed:
        roles = seated.get(removed_id, [])
        target, count = _destination(roles, match, new_roles, new_committees)
        if target is not None:
            into.setdefault(target, []).append(removed_id)
            moved[target] += count
    merges = []
    for target, sources in into.items():
        is_new = target not in committees.to_before
        if is_new and len(sources) < 2 and seated_after[target] <= moved[target]:
            continue  # one committee replaced by another: an addition and a removal
        committee = new_committees[target]
        names = sorted((old_names[s] for s in sources), key=lambda n: (n.casefold(), n))
        merges.append(
            Merge(
                tuple(names),
                committee.name,
                is_new,
                tiers.get(committee.tier_id, ""),
                moved[target],
            )
        )
    merges.sort(key=lambda m: (name_key(m.target), m.target))
    return tuple(merges)


def _destination(
    roles: list[Role],
    match: PlanMatch,
    new_roles: dict[str, Role],
    new_committees: dict[str, Committee],
) -> tuple[str | None, int]:
    """Where the removed committee's roles went: (after committee id, roles moved) or None."""
    counts: Counter[str] = Counter()
    kept = 0
    for role in roles:
        new_id = match.roles.to_after.get(role.id)
        new_role = new_roles.get(new_id or "")
        if new_role is None:
            continue
        kept += 1
        for cid in new_role.committee_ids:
            if cid not in new_committees:
                continue  # a seat on a committee the plan lacks: integrity reports it
            was = match.committees.to_before.get(cid)
            if was is not None and was in role.committee_ids:
                continue  # it sat there already: not a move
            counts[cid] += 1
    if not counts:
        return None, 0
    names = {cid: name_key(new_committees[cid].name) for cid in counts}
    target = min(counts, key=lambda cid: (-counts[cid], names[cid], cid))
    if 2 * counts[target] < kept:
        return None, 0
    return target, counts[target]
