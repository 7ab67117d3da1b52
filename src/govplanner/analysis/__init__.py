"""The analysis: a pure function from a plan to findings and coverage."""

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import (
    Analysis,
    CoverageCell,
    Finding,
    StageCoverage,
    TierCoverage,
)

__all__ = ["Analysis", "CoverageCell", "Finding", "StageCoverage", "TierCoverage", "analyse"]
