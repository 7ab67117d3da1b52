"""Coverage before and after: each tier × function cell, and whether it gained or lost.

Tiers are matched by name. A cell *gains* when fewer committees lack the function and
*loses* when more do; with as many lacking it, more committees covered is a gain, and fewer
a loss only when a committee in both plans lost its cover (two covered committees merged
into one covered committee lose nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from govplanner.analysis.compare_match import KindMatch
from govplanner.analysis.result import Analysis, CoverageCell
from govplanner.domain.enums import FUNCTIONS, Function
from govplanner.domain.names import name_key

Verdict = Literal["gain", "loss", "same"]


@dataclass(frozen=True, slots=True)
class CellChange:
    """One coverage cell (tier × function) before and after; a missing side is None."""

    tier: str
    function: Function
    before: CoverageCell | None
    after: CoverageCell | None
    #: committees in both plans that had cover for the function and now lack it (after
    #: names); None when the cells were compared without matching committees
    lost: tuple[str, ...] | None = None

    @property
    def verdict(self) -> Verdict:
        """'gain' when fewer committees lack the function, 'loss' when more.

        With as many (but some) lacking it as before, more committees covered is a gain and
        fewer a loss (2/3 → 1/2: one committee lost its cover while another that lacked it was
        closed) — but only when a committee in both plans lost its cover: two covered
        committees merged into one covered committee is no loss. Full cover on both sides is
        the same, however many committees need it.
        """
        before = _standing(self.before)
        after = _standing(self.after)
        if after[0] == before[0] and after[1] > before[1] and self.lost == ():
            return "same"  # fewer covered only because covered committees merged or closed
        return "gain" if after < before else "loss" if after > before else "same"


def _standing(cell: CoverageCell | None) -> tuple[int, int]:
    """Lower is better: the committees lacking the function, then minus those covered."""
    if cell is None or cell.gap <= 0:
        return (0, 0)
    return (cell.gap, -cell.covered)


def coverage_changes(
    before: Analysis,
    after: Analysis,
    committees: KindMatch | None = None,
    names: Mapping[str, str] | None = None,
) -> tuple[CellChange, ...]:
    """Every tier × function cell, tiers matched by name (after's order, then removed tiers).

    With ``committees`` (how the plans' committees match) and ``names`` (the after plan's
    committee names by id), each cell also names the committees that had cover before and
    lack it now (:attr:`CellChange.lost`).
    """
    old = {name_key(row.tier): row for row in before.coverage}
    new_keys = {name_key(row.tier) for row in after.coverage}
    covered_before = {
        f: {cid for row in before.coverage for cid in row.functions[f].covered_ids}
        for f in FUNCTIONS
    }
    names = names or {}
    result = []
    for row in after.coverage:
        previous = old.get(name_key(row.tier))
        for f in FUNCTIONS:
            before_cell = None if previous is None else previous.functions[f]
            cell = row.functions[f]
            lost = None
            if committees is not None:
                lost = _lost_cover(cell, committees, covered_before[f], names)
            result.append(CellChange(row.tier, f, before_cell, cell, lost))
    for row in before.coverage:
        if name_key(row.tier) not in new_keys:
            lost = None if committees is None else ()
            result += [CellChange(row.tier, f, row.functions[f], None, lost) for f in FUNCTIONS]
    return tuple(result)


def _lost_cover(
    cell: CoverageCell, committees: KindMatch, covered_before: set[str], names: Mapping[str, str]
) -> tuple[str, ...]:
    """The after plan's names of committees open for the cell now that had cover before."""
    open_now = set(cell.required_ids) - set(cell.covered_ids) - set(cell.accepted_ids)
    return tuple(
        sorted(
            names.get(cid, cid)
            for cid in open_now
            if committees.to_before.get(cid) in covered_before
        )
    )
