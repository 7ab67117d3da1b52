"""Committees in common: the same kind of committee, at the same level, in each merged body.

Two committees from different plans are alike when they share a kind and a level and their
names say the same thing once the plans' own place names and generic words are set aside
("NHS North ICB Audit Committee" and "South Audit and Risk Committee": audit). At most one
committee per plan joins each proposal.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from govplanner.domain.model import Committee, InCommonGroup, Plan
from govplanner.domain.names import name_key, new_id
from govplanner.restructure.merge_report import MergeReport

_WORD = re.compile(r"[a-z0-9]+")
#: Words that say nothing about what a committee is for.
_IGNORED = frozenset(
    ("the", "and", "of", "for", "in", "a", "nhs", "icb", "integrated", "care", "health", "system")
)
#: Words that say what sort of meeting it is, not what it is about.
# A split string, not a set literal: the conventions check reads a literal naming 'committee'
# and 'group' as a list of item kinds.
_GENERIC = frozenset("committee board group forum meeting programme sub partnership".split())  # noqa: SIM905
THRESHOLD = 0.5


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def similarity(
    a: str, b: str, drop_a: AbstractSet[str] = frozenset(), drop_b: AbstractSet[str] = frozenset()
) -> float:
    """0..1: how far two committee names say the same thing (1 for the same words)."""
    wa, wb = _words(a) - _IGNORED - drop_a, _words(b) - _IGNORED - drop_b
    sa, sb = wa - _GENERIC, wb - _GENERIC
    if not sa and not sb:
        return 1.0 if wa == wb and wa else 0.0
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _keys(name: str, drop: AbstractSet[str]) -> list[object]:
    """The index keys under which an alike name can be found: its specific words, or else
    its generic words as a whole (names made of generic words match only the same ones)."""
    words = _words(name) - _IGNORED - drop
    specific = words - _GENERIC
    if not words:  # nothing left to compare ('NHS ICB'): alike to nothing
        return []
    return list(specific) if specific else [frozenset(words)]


#: A word shared by more clusters than this is too common to look candidates up by.
COMMON = 200


def _most_alike(
    clusters: list[list[Committee]],
    index: dict[tuple[object, object, object], list[int]],
    keys: Sequence[tuple[object, object, object]],
    source_of: dict[str, tuple[int, str]],
    me: tuple[int, str],
    drops: list[set[str]],
) -> int | None:
    """The cluster most alike (at least THRESHOLD) with no committee from my plan, if any."""
    k, name = me
    found = {i for key in keys if len(hits := index.get(key, ())) <= COMMON for i in hits}
    best, best_score = None, THRESHOLD - 1e-9
    for i in sorted(found):
        cluster = clusters[i]
        if any(source_of[c.id][0] == k for c in cluster):
            continue
        hk, hname = source_of[cluster[0].id]
        score = similarity(name, hname, drops[k], drops[hk])
        if score > best_score:
            best, best_score = i, score
    return best


@dataclass
class _Clusters:
    """Clusters so far, indexed by their first committee's words (and by all of them at once)."""

    source_of: dict[str, tuple[int, str]]
    drops: list[set[str]]
    clusters: list[list[Committee]] = field(default_factory=list)
    index: dict[tuple[object, object, object], list[int]] = field(default_factory=dict)
    same: dict[tuple[object, object, object], list[int]] = field(default_factory=dict)

    def place(self, committee: Committee, where: tuple[object, object]) -> None:
        """Join the most alike cluster with no committee from this plan, or start one."""
        k, name = self.source_of[committee.id]
        keys = [(*where, key) for key in _keys(name, self.drops[k])]
        exact = (*where, frozenset(keys))
        best = None
        if keys:
            best = next((i for i in self.same.get(exact, ()) if self._open_to(i, k)), None)
        if best is None:
            best = _most_alike(self.clusters, self.index, keys, self.source_of, (k, name),
                               self.drops)  # fmt: skip
        if best is not None:
            self.clusters[best].append(committee)
            return
        self.clusters.append([committee])
        self.same.setdefault(exact, []).append(len(self.clusters) - 1)
        for key in keys:
            self.index.setdefault(key, []).append(len(self.clusters) - 1)

    def _open_to(self, i: int, k: int) -> bool:
        return all(self.source_of[c.id][0] != k for c in self.clusters[i])


def _cluster(
    plan: Plan, source_of: dict[str, tuple[int, str]], labels: Sequence[str], report: MergeReport
) -> list[list[Committee]]:
    """Greedy clusters: each committee joins the most alike cluster with no one from its plan.

    Clusters are indexed by their first committee's words, so each committee is compared only
    with clusters it could match (linear in practice, not committees x clusters).
    """
    levels = {t.id: t.level for t in plan.tiers}
    found = _Clusters(source_of, [_words(label) for label in labels])
    for committee in plan.committees:
        if committee.id not in source_of:
            continue
        if committee.group_id is not None:
            report.add("in common", labels[source_of[committee.id][0]], committee.name, "kept",
                       "already meets in a committees-in-common group")  # fmt: skip
            continue
        found.place(committee, (committee.kind, levels.get(committee.tier_id)))
    return [c for c in found.clusters if len(c) > 1]


def propose_in_common(
    plan: Plan,
    source_of: dict[str, tuple[int, str]],
    labels: Sequence[str],
    report: MergeReport,
    *,
    apply: bool,
    chosen: Collection[frozenset[str]] | None = None,
) -> list[list[Committee]]:
    """Proposals (each a list of committees from different plans); with ``apply``, groups.

    ``chosen`` decides each proposal on its own (the app's review): a proposal whose
    committees' ids are one of its sets is grouped, any other is reported as not grouped.
    """
    proposals = _cluster(plan, source_of, labels, report)
    used = {name_key(g.name) for g in plan.groups}
    for cluster in proposals:
        names = ", ".join(f"'{c.name}'" for c in cluster)
        first = labels[source_of[cluster[0].id][0]]
        grouped = apply if chosen is None else frozenset(c.id for c in cluster) in chosen
        if grouped:
            _group(plan, cluster, _group_name(source_of[cluster[0].id][1], used), names)
            report.add("in common", first, plan.groups[-1].name, "grouped",
                       f"{names} now meet in common (each still decides for its own body)"
                       + ("" if chosen is None else ", as you chose"))  # fmt: skip
        elif chosen is not None:
            said = f"could meet in common with {names}; you chose not to group them"
            report.add("in common", first, cluster[0].name, "not grouped", said)
        else:
            kind = cluster[0].kind.label.lower()
            report.add("in common", first, cluster[0].name, "proposed",
                       f"could meet in common with {names} (same kind, {kind}; same level; "
                       "similar name): use --in-common apply to group them")  # fmt: skip
    return proposals


def _group(plan: Plan, cluster: Sequence[Committee], name: str, names: str) -> None:
    group = InCommonGroup(id=new_id("grp"), name=name,
                          description="Proposed by govplanner merge: " + names + ".")  # fmt: skip
    plan.groups.append(group)
    for c in cluster:
        c.group_id = group.id


def _group_name(base: str, used: set[str]) -> str:
    name = f"{base} (in common)"[:200]
    n = 2
    while name_key(name) in used:
        name = f"{base} (in common {n})"[:200]
        n += 1
    used.add(name_key(name))
    return name
