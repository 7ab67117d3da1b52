"""What the analysis returns: findings and coverage, as immutable plain data."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from govplanner.domain.enums import Function, Severity, SubjectKind


def finding_key(
    code: str,
    subject_kind: SubjectKind,
    subject_id: str,
    function: Function | None = None,
    stage_id: str | None = None,
) -> str:
    """The stable key under which a finding is accepted (ids, so renames keep acceptance)."""
    # the enums are StrEnums: joined as they are, they read as their values (without the
    # cost of asking each member for its .value, thousands of times at national scale)
    return "|".join((code, subject_kind, subject_id, function or "", stage_id or ""))


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    subject_kind: SubjectKind
    subject_id: str
    subject: str  # the subject's name as the user sees it
    function: Function | None
    stage_id: str | None
    stage: str | None  # stage name
    tier_id: str | None  # the tier the subject belongs to (for filtering), if any
    tier: str | None
    message: str
    remedy: str
    accepted: bool = False
    rationale: str = ""

    @functools.cached_property
    def key(self) -> str:
        """The acceptance key (worked out once per finding: the analysis asks often)."""
        return finding_key(
            self.code, self.subject_kind, self.subject_id, self.function, self.stage_id
        )

    @property
    def is_open(self) -> bool:
        return not self.accepted


_new = object.__new__
_set = object.__setattr__


def make_finding(
    code: str,
    severity: Severity,
    subject_kind: SubjectKind,
    subject_id: str,
    subject: str,
    function: Function | None,
    stage_id: str | None,
    stage: str | None,
    tier_id: str | None,
    tier: str | None,
    message: str,
    remedy: str,
) -> Finding:
    """``Finding(...)`` with every field given in order, at a third of the cost.

    A frozen dataclass sets its fields one by one through ``object.__setattr__``; at 50,000
    seats the rules make thousands of findings, so this sets the instance's dictionary in one
    go, with the :attr:`Finding.key` already worked out (every finding's key is asked for:
    root causes, the check's JSON, acceptance). The result is an ordinary Finding (equal to,
    and hashing as, the constructor's); keep this in step with the fields above (a test
    compares the two).
    """
    finding = _new(Finding)
    # fmt: off
    _set(finding, "__dict__", {
        "code": code, "severity": severity, "subject_kind": subject_kind,
        "subject_id": subject_id, "subject": subject, "function": function,
        "stage_id": stage_id, "stage": stage, "tier_id": tier_id, "tier": tier,
        "message": message, "remedy": remedy, "accepted": False, "rationale": "",
        "key": "|".join((code, subject_kind, subject_id, function or "", stage_id or "")),
    })
    # fmt: on
    return finding


@dataclass(frozen=True)
class CoverageCell:
    required: int
    covered: int
    #: ids of the committees counted in ``required`` and ``covered`` (for drill-down)
    required_ids: tuple[str, ...] = ()
    covered_ids: tuple[str, ...] = ()
    #: required, not covered, and the gap accepted by the user (DOMAIN.md: shown apart)
    accepted: int = 0
    accepted_ids: tuple[str, ...] = ()

    @property
    def gap(self) -> int:
        """Open gaps: required committees neither covered nor accepted."""
        return self.required - self.covered - self.accepted


@dataclass(frozen=True)
class TierCoverage:
    tier_id: str
    tier: str
    functions: dict[Function, CoverageCell]


@dataclass(frozen=True)
class StageCoverage:
    tier_id: str
    tier: str
    stage_id: str
    stage: str
    functions: dict[Function, CoverageCell]


@dataclass(frozen=True)
class RootCause:
    """One vacancy behind one or more open findings: filling it closes them all."""

    subject_kind: SubjectKind  # ROLE for a vacancy, PERSON for a person
    subject_id: str
    subject: str
    #: keys of the findings it would close
    finding_keys: tuple[str, ...]
    #: 'Filling Integrated Care Area Lead would close 4 gaps and 3 single points of failure'
    summary: str


@dataclass(frozen=True)
class Analysis:
    findings: tuple[Finding, ...]
    coverage: tuple[TierCoverage, ...]
    coverage_by_stage: tuple[StageCoverage, ...]
    summary: dict[str, int] = field(default_factory=dict)
    """Open counts by severity value, plus ``accepted``: the check JSON's ``summary``."""
    as_of: dt.date | None = None
    """The date term ends were judged against (None only for results built by hand)."""
    root_causes: tuple[RootCause, ...] = ()
    """Every vacancy behind at least one open finding, most findings first (see
    :mod:`govplanner.analysis.root_causes`; reports call out :attr:`shared_root_causes`)."""
    stale_acceptances: tuple[str, ...] = ()
    """Keys of accepted findings whose condition no longer arises (kept, reported as stale)."""
    unjudged_areas: tuple[tuple[str, str], ...] = ()
    """(committee id, programme area) pairs PRO001 could not judge: the area is not in the
    plan's programme table."""
    closed_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Finding key -> ids of the vacant roles whose filling would close it (every finding,
    open or accepted; a finding no vacancy closes is absent)."""

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        return tuple([f for f in self.findings if not f.accepted])

    @property
    def shared_root_causes(self) -> tuple[RootCause, ...]:
        """The root causes behind two or more open findings: the ones reports call out."""
        return tuple(c for c in self.root_causes if len(c.finding_keys) >= 2)

    @property
    def problem_count(self) -> int:
        """How many separate problems the open findings come from: each shared root cause
        counts once (vacancies that would close exactly the same findings are alternatives,
        one problem), and every open finding none of them explains counts as its own."""
        shared = {frozenset(cause.finding_keys) for cause in self.shared_root_causes}
        explained = set().union(*shared)
        keys = [f.key for f in self.findings if not f.accepted]
        return len(shared) + len(keys) - sum(map(explained.__contains__, keys))
