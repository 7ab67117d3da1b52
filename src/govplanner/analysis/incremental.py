"""Incremental analysis: after an edit, re-judge only what the edit can have changed.

A national plan has about 4,000 committees and 30,000 roles; one edit in the app touches a
handful. :class:`IncrementalAnalysis` keeps the indexes of the last analysis, the findings
grouped by what they are about, and each tier's coverage; an edit to a role or a committee
updates the indexes for the items it touches and re-runs the rules on those alone:

- a role edit touches the committees it sat on before and sits on after, the people who
  held it before and hold it after, the role itself, and the tiers of those committees
  (GAP003 and coverage look across a tier);
- a committee edit touches the committee, the committees it has lines to (before and after)
  and those with lines to it, the roles seated on it (a role's finding names the tier of its
  first seat), the tiers of those committees (before and after), and the reporting-line
  loops (STR001, which looks across the whole structure).

Anything else (a setting, the profile, a kind rule, an acceptance, a person, a tier, a stage,
an added, removed or moved item, a new plan or a new day) makes a full analysis. The result is
the same :class:`Analysis` as :func:`govplanner.analysis.analyse` gives for the plan as it is
now: a property test applies random edit sequences to random plans and compares the two.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Protocol

from govplanner.analysis.context import (
    AnalysisContext,
    build_context,
)
from govplanner.analysis.coverage import accepted_keys, stage_rows, tier_row
from govplanner.analysis.engine import (
    OrderKey,
    mark_accepted,
    no_cyclic_gc,
    order_keys,
    stale_acceptances,
)
from govplanner.analysis.reindex import (
    committee_mark,
    drop,
    rehold,
    reindex_committee,
    relist,
    reseat,
    role_mark,
    unlist,
)
from govplanner.analysis.result import Analysis, Finding, StageCoverage, TierCoverage
from govplanner.analysis.root_causes import closed_by, closing_roles, root_causes
from govplanner.analysis.rules import clinical, gaps, people, quorum, structure, terms
from govplanner.analysis.rules.clinical import unjudged_areas
from govplanner.domain.enums import Membership, Severity
from govplanner.domain.model import Committee, Person, Plan, Role, Tier

#: committee-scoped rules: each finding is about the committee it was judged on
COMMITTEE_RULES: dict[str, Callable[[AnalysisContext, list[Committee]], Iterable[Finding]]] = {
    "GAP001": gaps.gap001,
    "GAP002": gaps.gap002,
    "DEP001": gaps.dep001,
    "CLN001": clinical.cln001,
    "PRO001": clinical.pro001,
    "QRM001": quorum.qrm001,
    "QRM002": quorum.qrm002,
    "STR002": structure.str002,
    "STR005": structure.str005,
}
TIER_RULES: dict[str, Callable[[AnalysisContext, list[Tier]], Iterable[Finding]]] = {
    "GAP003": gaps.gap003,
}
PERSON_RULES: dict[str, Callable[[AnalysisContext, list[Person]], Iterable[Finding]]] = {
    "LOD001": people.lod001,
    "LOD002": people.lod002,
    "DEV001": people.dev001,
}
ROLE_RULES: dict[str, Callable[[AnalysisContext, list[Role]], Iterable[Finding]]] = {
    "STR003": structure.str003,
    "STR004": structure.str004,
    "TRM001": terms.trm001,
    "TRM002": terms.trm002,
}
#: rules that look across the whole structure: re-run whole after any committee edit
STRUCTURE_RULES: dict[str, Callable[[AnalysisContext], Iterable[Finding]]] = {
    "STR001": structure.str001,
}

_SCOPE_OF: dict[str, str] = {
    **dict.fromkeys(COMMITTEE_RULES, "committee"),
    **dict.fromkeys(TIER_RULES, "tier"),
    **dict.fromkeys(PERSON_RULES, "person"),
    **dict.fromkeys(ROLE_RULES, "role"),
    **dict.fromkeys(STRUCTURE_RULES, "structure"),
}
#: findings are kept under (scope, subject id); the structure's under one key
_Scope = tuple[str, str]
_STRUCTURE: _Scope = ("structure", "")

_MEMBER, _PARTICIPANT, _DEPUTY = Membership.MEMBER, Membership.PARTICIPANT, Membership.DEPUTY


class Edit(Protocol):
    """What an edit says about itself (:class:`govplanner.domain.document.Change` fits)."""

    @property
    def action(self) -> str: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def item_id(self) -> str | None: ...


def scope_of(finding: Finding) -> _Scope:
    """Where a finding is kept: the committee, tier, person or role it is about."""
    scope = _SCOPE_OF[finding.code]
    return _STRUCTURE if scope == "structure" else (scope, finding.subject_id)


@dataclass
class _Touched:
    """The items an edit can have changed the findings of."""

    committees: set[str] = field(default_factory=set)
    tiers: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    structure: bool = False


class IncrementalAnalysis:
    """The analysis of one plan, kept up to date edit by edit (pure; no Qt).

    ``update(plan, edits)`` after the document has changed (edits as the document reported
    them, oldest first) returns the same :class:`Analysis` a full analysis would.
    """

    def __init__(self, plan: Plan, as_of: dt.date | None = None) -> None:
        self._full(plan, as_of)

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    @property
    def plan(self) -> Plan:
        return self._ctx.plan

    @property
    def full_runs(self) -> int:
        """How many full analyses this object has made (for tests and benchmarks)."""
        return self._full_runs

    # -- full ---------------------------------------------------------------------------------

    def _full(self, plan: Plan, as_of: dt.date | None) -> Analysis:
        self._full_runs = getattr(self, "_full_runs", 0) + 1
        with no_cyclic_gc():
            ctx = self._ctx = build_context(plan, as_of)
            findings = _all_findings(ctx)
            self._scopes: dict[_Scope, list[Finding]] = {}
            for finding in findings:
                self._scopes.setdefault(scope_of(finding), []).append(finding)
            self._order: list[tuple[OrderKey, Finding]] = list(
                zip(order_keys(ctx, findings), findings, strict=True)
            )
            self._order.sort(key=_FIRST)
            self._counts = _counts(findings)
            self._closers = {f.key: roles for f, roles in closing_roles(ctx, findings)}
            self._accepted = accepted_keys(ctx)
            self._tier_rows = {t.id: tier_row(ctx, t, self._accepted) for t in plan.tiers}
            self._stage_rows = {t.id: stage_rows(ctx, t, self._accepted) for t in plan.tiers}
            self._unjudged = unjudged_areas(ctx)
            self._position = {r.id: i for i, r in enumerate(plan.roles)}
            self._role_marks = {r.id: role_mark(r) for r in plan.roles}
            self._committee_marks = {c.id: committee_mark(c) for c in plan.committees}
            self._lines_into: dict[str, set[str]] = {}
            for c in plan.committees:
                for target in committee_mark(c)[1]:
                    self._lines_into.setdefault(target, set()).add(c.id)
            self._analysis = self._assemble()
        return self._analysis

    # -- incremental --------------------------------------------------------------------------

    def update(self, plan: Plan, edits: Iterable[Edit], as_of: dt.date | None = None) -> Analysis:
        """The analysis of ``plan`` after ``edits``: only what they touch is judged again."""
        edits = list(edits)
        role_ids, committee_ids = self._incremental(plan, edits, as_of)
        if role_ids is None or committee_ids is None:
            return self._full(plan, self._ctx.as_of if as_of is None else as_of)
        if not role_ids and not committee_ids:
            return self._analysis
        with no_cyclic_gc():
            touched = _Touched()
            for cid in committee_ids:  # all out of their tier lists first (see unlist)
                unlist(self._ctx, self._ctx.committees[cid], self._committee_marks[cid][0])
            for cid in committee_ids:
                self._committee_edited(cid, touched)
            for rid in role_ids:
                self._role_edited(rid, touched)
            self._rejudge(touched, bool(committee_ids))
            self._analysis = self._assemble()
        return self._analysis

    def _incremental(
        self, plan: Plan, edits: list[Edit], as_of: dt.date | None
    ) -> tuple[set[str] | None, set[str] | None]:
        """The roles and committees edited, or (None, None) when a full analysis is needed."""
        ctx = self._ctx
        same = plan is ctx.plan and (as_of is None or as_of == ctx.as_of)
        if not same or len(plan.roles) != len(self._position):
            return None, None
        if len(plan.committees) != len(ctx.committees):
            return None, None
        roles: set[str] = set()
        committees: set[str] = set()
        for edit in edits:
            item = edit.item_id
            if edit.action != "updated" or item is None:
                return None, None
            if edit.kind == "role" and _at(plan.roles, self._position.get(item), item):
                roles.add(item)
            elif edit.kind == "committee" and ctx.committees.get(item) is _find(plan, item):
                committees.add(item)
            else:
                return None, None
        return roles, committees

    def _committee_edited(self, cid: str, touched: _Touched) -> None:
        """Re-index one edited committee (changed in place) and note what it touches."""
        ctx = self._ctx
        committee = ctx.committees[cid]
        old_tier, old_targets = self._committee_marks[cid]
        new_tier, new_targets = mark = committee_mark(committee)
        self._committee_marks[cid] = mark
        for target in old_targets:
            self._lines_into.get(target, set()).discard(cid)
        for target in new_targets:
            self._lines_into.setdefault(target, set()).add(cid)
        reindex_committee(ctx, committee, old_tier)
        ctx.essential_cache.clear()  # its tier's (or tiers') essential committees may change
        near = {cid, *old_targets, *new_targets, *self._lines_into.get(cid, ())}
        touched.committees.update(c for c in near if c in ctx.committees)
        touched.tiers.update((old_tier, new_tier))
        touched.roles.update(r.id for r in ctx.seats.get(cid, ()))
        touched.structure = True

    def _role_edited(self, rid: str, touched: _Touched) -> None:
        """Re-index one edited role (changed in place) and note what it touches."""
        ctx, position = self._ctx, self._position
        role = ctx.plan.roles[position[rid]]
        old_seats, old_holder = self._role_marks[rid]
        new_seats, new_holder = mark = role_mark(role)
        self._role_marks[rid] = mark
        index = ctx.roles
        order = self._order_of
        for cid in dict.fromkeys((*old_seats, *new_seats)):
            seated = index.seats.get(cid)
            if seated is None:  # not a committee of the plan
                continue
            drop(seated, role, order)
            if cid in new_seats:
                insort(seated, role, key=order)
            reseat(index, cid)
            touched.committees.add(cid)
        for holder in {old_holder, new_holder} - {None}:
            assert holder is not None
            rehold(index, holder, role, order, holder == new_holder)
            touched.people.add(holder)
        relist(index.unseated, role, order, structure.unseated(ctx, role))
        relist(index.unfunctioned, role, order, role.clinical and not role.functions)
        end = role.term_end
        due = role.holder_id is not None and end is not None and end <= index.due_by
        relist(index.terms, role, order, due)
        touched.roles.add(rid)

    def _order_of(self, role: Role) -> int:
        return self._position[role.id]

    def _rejudge(self, touched: _Touched, committees_edited: bool) -> None:
        """Run the rules again on what the edits touched; keep everything else."""
        ctx = self._ctx
        committees = [ctx.committees[c] for c in touched.committees if c in ctx.committees]
        touched.tiers.update(c.tier_id for c in committees)
        tiers = [ctx.tiers[t] for t in touched.tiers if t in ctx.tiers]
        chosen_people = [ctx.people[p] for p in touched.people if p in ctx.people]
        roles = [ctx.plan.roles[self._position[r]] for r in touched.roles]
        stale = [("committee", c.id) for c in committees] + [("tier", t.id) for t in tiers]
        stale += [("person", p) for p in touched.people] + [("role", r) for r in touched.roles]
        fresh: list[Finding] = []
        for committee_rule in COMMITTEE_RULES.values():
            fresh.extend(committee_rule(ctx, committees))
        for tier_rule in TIER_RULES.values():
            fresh.extend(tier_rule(ctx, tiers))
        for person_rule in PERSON_RULES.values():
            fresh.extend(person_rule(ctx, chosen_people))
        for role_rule in ROLE_RULES.values():
            fresh.extend(role_rule(ctx, roles))
        if touched.structure:
            stale.append(_STRUCTURE)
            for structure_rule in STRUCTURE_RULES.values():
                fresh.extend(structure_rule(ctx))
        self._replace(stale, mark_accepted(ctx.plan, fresh))
        for tier in tiers:
            self._tier_rows[tier.id] = tier_row(ctx, tier, self._accepted)
            self._stage_rows[tier.id] = stage_rows(ctx, tier, self._accepted)
        if committees_edited:
            self._unjudged = unjudged_areas(ctx)

    def _replace(self, stale: Iterable[_Scope], fresh: list[Finding]) -> None:
        """Swap the findings kept under the stale scopes for the fresh ones (each found in,
        or put into, the ordered list by bisection: no finding has another's order key)."""
        ctx, order, counts = self._ctx, self._order, self._counts
        dropped = [f for scope in stale for f in self._scopes.pop(scope, ())]
        for key, finding in zip(order_keys(ctx, dropped), dropped, strict=True):
            i = bisect_left(order, key, key=_FIRST)
            if i < len(order) and order[i][1] is finding:
                del order[i]
            else:  # not expected: keys are unique; stay right whatever happens
                order[:] = [entry for entry in order if entry[1] is not finding]
            self._closers.pop(finding.key, None)
            counts[_tally(finding)] -= 1
        for entry in zip(order_keys(ctx, fresh), fresh, strict=True):
            insort(order, entry, key=_FIRST)
            self._scopes.setdefault(scope_of(entry[1]), []).append(entry[1])
            counts[_tally(entry[1])] += 1
        for finding, roles in closing_roles(ctx, fresh):
            self._closers[finding.key] = roles

    # -- the result ---------------------------------------------------------------------------

    def _assemble(self) -> Analysis:
        ctx, plan = self._ctx, self._ctx.plan
        findings = tuple(map(_SECOND, self._order))
        closers = self._closers
        closing = [(f, closers[f.key]) for f in findings if f.key in closers]
        counts = self._counts
        summary = {s.value: counts[s] for s in Severity} | {"accepted": counts["accepted"]}
        coverage: tuple[TierCoverage, ...] = tuple(self._tier_rows[t.id] for t in plan.tiers)
        by_stage: tuple[StageCoverage, ...] = tuple(
            row for t in plan.tiers for row in self._stage_rows[t.id]
        )
        return Analysis(
            findings=findings,
            coverage=coverage,
            coverage_by_stage=by_stage,
            summary=summary,
            as_of=ctx.as_of,
            root_causes=root_causes(ctx, closing),
            stale_acceptances=stale_acceptances(plan, findings),
            unjudged_areas=self._unjudged,
            closed_by=closed_by(closing),
        )


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _tally(finding: Finding) -> Severity | str:
    """What a finding counts towards in the summary: its severity, or 'accepted'."""
    return "accepted" if finding.accepted else finding.severity


def _counts(findings: Iterable[Finding]) -> Counter[Severity | str]:
    """Open findings by severity and the accepted ones (as :func:`summarise` counts them)."""
    counts: Counter[Severity | str] = Counter(map(_tally, findings))
    return counts


def _all_findings(ctx: AnalysisContext) -> list[Finding]:
    from govplanner.analysis.engine import run_rules

    return mark_accepted(ctx.plan, run_rules(ctx))


def _at(items: list[Any], position: int | None, item_id: str) -> bool:
    return position is not None and position < len(items) and items[position].id == item_id


def _find(plan: Plan, committee_id: str) -> Committee | None:
    """The plan's committee with this id (the analysis only asks after an edit to it)."""
    for committee in plan.committees:
        if committee.id == committee_id:
            return committee
    return None
