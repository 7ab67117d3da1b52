"""Clinical presence: committees with no clinical role, or none from their areas' professions.

Both rules judge only committees whose kind needs a clinical voice (DOMAIN.md v2: decision
committees and clinical forums, not assurance or advisory ones). A seat of any membership
counts as sitting on the committee.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import committee_finding, name_list
from govplanner.domain.enums import Severity
from govplanner.domain.model import Committee, Plan, Programme, Role
from govplanner.domain.names import name_key


def cln001(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """No clinical role, filled or vacant, sits on a committee that needs a clinical voice."""
    w = ctx.words
    for committee in ctx.plan.committees if committees is None else committees:
        if ctx.has_clinical(committee.id) or not ctx.needs_voice(committee):
            continue
        yield committee_finding(
            ctx,
            "CLN001",
            Severity.CRITICAL,
            committee,
            f"{committee.name} has no clinical leadership {w.role}, filled or vacant, so no "
            "clinical leadership function can be provided there.",
            f"Add a clinical {w.role} to {committee.name}, or give an existing clinical {w.role} "
            "a seat on it.",
        )


class ProfessionMatcher:
    """Compares professions after trimming, lower-casing and mapping synonyms to one name."""

    def __init__(self, plan: Plan) -> None:
        self._synonyms = {
            self._plain(k): self._plain(v) for k, v in plan.profession_synonyms.items()
        }
        self._seen: dict[str, str] = {}  # profession as written -> canonical (few distinct)

    @staticmethod
    def _plain(text: str) -> str:
        return text.strip().lower()

    def canonical(self, profession: str) -> str:
        known = self._seen.get(profession)
        if known is None:
            plain = self._plain(profession)
            known = self._seen[profession] = self._synonyms.get(plain, plain)
        return known


@dataclass(frozen=True, slots=True)
class _Area:
    """One programme area named on a committee: its row of the table (None if unknown) and
    the canonical professions that deliver it."""

    name: str
    programme: Programme | None
    wanted: frozenset[str]


class _Areas:
    """Parses each distinct programme-area text once (there are few)."""

    def __init__(self, ctx: AnalysisContext, matcher: ProfessionMatcher) -> None:
        self._programmes = {name_key(p.name): p for p in ctx.plan.programmes}
        self._matcher = matcher
        self._parsed: dict[str, tuple[_Area, ...]] = {}

    def of(self, committee: Committee) -> tuple[_Area, ...]:
        text = committee.programme_area
        parsed = self._parsed.get(text)
        if parsed is None:
            parsed = self._parsed[text] = tuple(self._parse(committee.programme_areas))
        return parsed

    def _parse(self, names: list[str]) -> Iterator[_Area]:
        seen: set[str] = set()
        for name in names:
            key = name_key(name)
            if key in seen:
                continue
            seen.add(key)
            programme = self._programmes.get(key)
            wanted: frozenset[str] = frozenset()
            if programme is not None:
                wanted = frozenset(self._matcher.canonical(p) for p in programme.professions)
            yield _Area(name, programme, wanted - {""})


def _judged(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[tuple[Committee, tuple[_Area, ...]]]:
    """Committees PRO001 applies to that name at least one area, with their areas."""
    areas = _Areas(ctx, ProfessionMatcher(ctx.plan))
    for committee in ctx.plan.committees if committees is None else committees:
        if committee.programme_area and ctx.needs_voice(committee):
            parsed = areas.of(committee)
            if parsed:
                yield committee, parsed


def unjudged_areas(ctx: AnalysisContext) -> tuple[tuple[str, str], ...]:
    """(committee id, area) for each area PRO001 cannot judge, as the plan's table lacks it;
    by committee name, then id, each committee's areas in the order written."""
    found = [
        (committee.name.casefold(), committee.id, i, area.name)
        for committee, parsed in _judged(ctx)
        for i, area in enumerate(parsed)
        if area.programme is None
    ]
    return tuple((cid, area) for _name, cid, _i, area in sorted(found))


def pro001(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """A programme area's professions have no clinical role on the committee (one finding per
    committee, naming every area left unmatched)."""
    matcher = ProfessionMatcher(ctx.plan)
    for committee, parsed in _judged(ctx, committees):
        judged = [a for a in parsed if a.wanted]
        if not judged:
            continue
        seats = ctx.seats.get(committee.id, ())
        unmatched = [a for a in judged if not _heard(seats, a.wanted, matcher)]
        if unmatched:
            yield _pro_finding(ctx, committee, unmatched)


def _heard(seats: Iterable[Role], wanted: frozenset[str], matcher: ProfessionMatcher) -> bool:
    """A clinical role among these comes from one of the wanted professions (a plain loop
    that stops at the first: most committees' first clinical roles answer)."""
    canonical = matcher.canonical
    for role in seats:  # noqa: SIM110 - a loop, not any(): no generator per committee
        if role.clinical and canonical(role.profession) in wanted:
            return True
    return False


def _professions(area: _Area) -> tuple[str, int]:
    professions = area.programme.professions if area.programme else []
    return name_list(professions, limit=len(professions), keep_order=True), len(professions)


def _pro_finding(ctx: AnalysisContext, committee: Committee, unmatched: list[_Area]) -> Finding:
    w = ctx.words
    if len(unmatched) == 1:
        programme = unmatched[0].programme
        assert programme is not None  # only known areas are judged
        professions, count = _professions(unmatched[0])
        message = (
            f"{committee.name} serves the {programme.name} programme area, but none of its "
            f"clinical {w.roles} comes from a profession that delivers it ({professions}), so "
            "those professions' views may not reach its decisions."
        )
        remedy = (
            f"Seat a clinical {w.role} from {_either(professions, count)} on {committee.name}, "
            f"or record the profession of the clinical {w.roles} already there."
        )
    else:
        names = name_list([a.programme.name for a in unmatched if a.programme], keep_order=True)
        each = "; ".join(
            f"{a.programme.name}: {_professions(a)[0]}" for a in unmatched if a.programme
        )
        message = (
            f"{committee.name} serves the {names} programme areas, but none of its clinical "
            f"{w.roles} comes from a profession that delivers any of them ({each}), so those "
            "professions' views may not reach its decisions."
        )
        remedy = (
            f"Seat on {committee.name} a clinical {w.role} from a profession of each of these "
            f"areas, or record the profession of the clinical {w.roles} already there."
        )
    return committee_finding(ctx, "PRO001", Severity.WARNING, committee, message, remedy)


def _either(professions: str, count: int) -> str:
    return professions if count == 1 else f"one of these professions ({professions})"
