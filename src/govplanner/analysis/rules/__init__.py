"""The finding rules, one function per code, grouped by what they look at."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.clinical import cln001, pro001
from govplanner.analysis.rules.gaps import dep001, gap001, gap002, gap003
from govplanner.analysis.rules.people import dev001, lod001, lod002
from govplanner.analysis.rules.quorum import qrm001, qrm002
from govplanner.analysis.rules.structure import str001, str002, str003, str004, str005
from govplanner.analysis.rules.terms import trm001, trm002

Rule = Callable[[AnalysisContext], Iterable[Finding]]

#: Every rule by its finding code, in DOMAIN.md's Findings table order.
RULES: dict[str, Rule] = {
    "GAP001": gap001,
    "GAP002": gap002,
    "GAP003": gap003,
    "CLN001": cln001,
    "PRO001": pro001,
    "LOD001": lod001,
    "LOD002": lod002,
    "DEV001": dev001,
    "STR001": str001,
    "STR002": str002,
    "STR003": str003,
    "STR004": str004,
    "STR005": str005,
    "TRM001": trm001,
    "TRM002": trm002,
    "QRM001": qrm001,
    "QRM002": qrm002,
    "DEP001": dep001,
}

__all__ = ["RULES", "Rule"]
