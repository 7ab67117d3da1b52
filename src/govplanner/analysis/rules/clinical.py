"""Clinical presence: committees with no clinical role, or none from the area's professions."""

from __future__ import annotations

from collections.abc import Iterator

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import committee_finding, name_list
from govplanner.domain.enums import Severity
from govplanner.domain.model import Plan
from govplanner.domain.names import name_key


def cln001(ctx: AnalysisContext) -> Iterator[Finding]:
    """No clinical role, filled or vacant, sits on the committee."""
    w = ctx.words
    for committee in ctx.plan.committees:
        if ctx.has_clinical(committee.id):
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


def pro001(ctx: AnalysisContext) -> Iterator[Finding]:
    """A programme area's professions have no clinical role on the committee."""
    programmes = {name_key(p.name): p for p in ctx.plan.programmes}
    matcher = ProfessionMatcher(ctx.plan)
    wanted_by_area: dict[str, set[str]] = {}
    w = ctx.words
    for committee in ctx.plan.committees:
        area = name_key(committee.programme_area)
        programme = programmes.get(area) if area else None
        if programme is None:
            continue
        wanted = wanted_by_area.get(area)
        if wanted is None:
            wanted = {matcher.canonical(p) for p in programme.professions} - {""}
            wanted_by_area[area] = wanted
        if not wanted:
            continue
        seats = ctx.seats.get(committee.id, ())
        if any(r.clinical and matcher.canonical(r.profession) in wanted for r in seats):
            continue
        professions = name_list(
            programme.professions, limit=len(programme.professions), keep_order=True
        )
        yield committee_finding(
            ctx,
            "PRO001",
            Severity.WARNING,
            committee,
            f"{committee.name} serves the {programme.name} programme area, but none of its "
            f"clinical {w.roles} comes from a profession that delivers it ({professions}), so "
            "those professions' views may not reach its decisions.",
            f"Seat a clinical {w.role} from {_either(professions, len(programme.professions))} "
            f"on {committee.name}, or record the profession of the clinical {w.roles} already "
            "there.",
        )


def _either(professions: str, count: int) -> str:
    return professions if count == 1 else f"one of these professions ({professions})"
