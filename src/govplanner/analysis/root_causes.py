"""Root causes: the findings one vacancy causes, so one problem reads as one (issue 13).

For each finding we work out which vacant roles would close it if someone were appointed:

- GAP002: every vacant provider of the function on the committee (filling any one closes it);
- GAP003: every vacant provider of the function on the tier's committees where it is
  essential (a second person in post ends the single point of failure);
- QRM001: every vacant member role, when filling one would bring the filled members up to the
  quorum;
- QRM002: every vacant clinical member role;
- DEP001: the vacant provider(s) the deputy stands in for.

:func:`root_causes` groups the *open* findings under each vacancy. Every vacancy behind at
least one open finding gets a :class:`RootCause`; reports call out those behind two or more
(:attr:`Analysis.shared_root_causes`), where the grouping says something a list cannot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding, RootCause
from govplanner.analysis.rules.common import counted, name_list
from govplanner.analysis.rules.gaps import essential_on
from govplanner.analysis.rules.quorum import members
from govplanner.domain.enums import SubjectKind
from govplanner.domain.model import Role

#: finding code -> (singular, plural) of what filling a vacancy closes, in the summary's order
CONSEQUENCES: dict[str, tuple[str, str]] = {
    "GAP002": ("gap", "gaps"),
    "GAP003": ("single point of failure", "single points of failure"),
    "QRM001": ("quorum shortfall", "quorum shortfalls"),
    "QRM002": ("quorum shortfall", "quorum shortfalls"),
    "DEP001": ("function held only by a deputy", "functions held only by a deputy"),
}


def _vacant(roles: Iterable[Role]) -> list[Role]:
    return [r for r in roles if r.holder_id is None]


def _closers(ctx: AnalysisContext, finding: Finding) -> list[Role]:
    """The vacant roles whose filling would close this finding (may repeat)."""
    code, f = finding.code, finding.function
    if code == "GAP002" and f is not None:
        return _vacant(ctx.providers_of(finding.subject_id, f))
    if code == "DEP001" and f is not None:
        stood_in = {d.deputy_for_id for d in ctx.covering_deputies(finding.subject_id, f)}
        return [r for r in ctx.providers_of(finding.subject_id, f) if r.id in stood_in]
    if code == "GAP003" and f is not None:
        tier = ctx.tiers[finding.subject_id]
        return [r for c in essential_on(ctx, tier, f) for r in _vacant(ctx.providers_of(c.id, f))]
    committee = ctx.committees.get(finding.subject_id)
    if committee is None:
        return []
    seated = members(ctx, committee)
    if code == "QRM001" and committee.quorum is not None:
        filled = sum(1 for r in seated if r.holder_id is not None)
        return _vacant(seated) if filled + 1 >= committee.quorum else []
    if code == "QRM002":
        return _vacant(r for r in seated if r.clinical)
    return []


#: a finding and the vacant roles whose filling would close it
Closing = list[tuple[Finding, tuple[Role, ...]]]


def closing_roles(ctx: AnalysisContext, findings: Iterable[Finding]) -> Closing:
    """Each finding some vacancy would close (in the findings' order), with those vacant roles
    (by title, then id; each once)."""
    result: Closing = []
    for finding in findings:
        if finding.code in CONSEQUENCES:
            roles = {r.id: r for r in _closers(ctx, finding)}
            if roles:
                ordered = sorted(roles.values(), key=lambda r: (r.title.casefold(), r.id))
                result.append((finding, tuple(ordered)))
    return result


def closed_by(closing: Closing) -> dict[str, tuple[str, ...]]:
    """Finding key -> ids of the vacant roles whose filling would close it."""
    return {finding.key: tuple(r.id for r in roles) for finding, roles in closing}


def root_causes(ctx: AnalysisContext, closing: Closing) -> tuple[RootCause, ...]:
    """One root cause per vacancy behind at least one open finding, most findings first."""
    grouped: dict[str, list[Finding]] = {}
    roles: dict[str, Role] = {}
    for finding, closers in closing:
        if finding.accepted:
            continue
        for role in closers:
            grouped.setdefault(role.id, []).append(finding)
            roles[role.id] = role
    titles = Counter(r.title for r in roles.values())
    causes = [
        RootCause(
            subject_kind=SubjectKind.ROLE,
            subject_id=role_id,
            subject=roles[role_id].title,
            finding_keys=tuple(f.key for f in group),
            summary=summary(_name(ctx, roles[role_id], titles), [f.code for f in group]),
        )
        for role_id, group in grouped.items()
    ]
    causes.sort(key=lambda c: (-len(c.finding_keys), c.subject.casefold(), c.subject_id))
    return tuple(causes)


def _name(ctx: AnalysisContext, role: Role, titles: Counter[str]) -> str:
    """The role's title, with its committees when another root cause has the same title."""
    if titles[role.title] < 2:
        return role.title
    names = [ctx.committees[c].name for c in role.committee_ids if c in ctx.committees]
    return f"{role.title} ({name_list(names, limit=2)})" if names else role.title


def summary(role: str, codes: Iterable[str]) -> str:
    """'Filling Integrated Care Area Lead would close 4 gaps and 3 single points of failure'."""
    counts: Counter[tuple[str, str]] = Counter(CONSEQUENCES[c] for c in codes)
    order = list(dict.fromkeys(CONSEQUENCES.values()))
    parts = [counted(counts[noun], *noun) for noun in order if counts[noun]]
    return f"Filling {role} would close {name_list(parts, limit=len(parts), keep_order=True)}"
