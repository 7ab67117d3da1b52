"""The analysis: a pure function from a plan to findings and coverage."""

from govplanner.analysis.context import AnalysisContext, build_context
from govplanner.analysis.engine import analyse
from govplanner.analysis.result import (
    Analysis,
    CoverageCell,
    Finding,
    RootCause,
    StageCoverage,
    TierCoverage,
    finding_key,
)

__all__ = [
    "Analysis",
    "AnalysisContext",
    "CoverageCell",
    "Finding",
    "RootCause",
    "StageCoverage",
    "TierCoverage",
    "analyse",
    "build_context",
    "finding_key",
]
