"""Findings across two plans: which open, which close, and which are now only accepted.

A finding is the same finding in both plans when its code, function and stage agree and its
subject is the same item as matched by :mod:`govplanner.analysis.compare_match` (so renaming
a committee, or re-importing the plan with new ids, opens and closes nothing).
"""

from __future__ import annotations

from collections import Counter

from govplanner.analysis.compare_match import PlanMatch
from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.enums import SubjectKind
from govplanner.domain.names import name_key


def finding_changes(
    old: Analysis, new: Analysis, match: PlanMatch
) -> tuple[tuple[Finding, ...], tuple[Finding, ...], tuple[Finding, ...]]:
    """(opened, closed, accepted): open findings new to the after plan; open findings of the
    before plan it no longer has at all; and those it still has, but accepted."""
    opened = _unmatched(new, old, match, True)
    closed, accepted = _closed_or_accepted(_unmatched(old, new, match, False), new, match)
    return opened, closed, accepted


def _finding_token(f: Finding, match: PlanMatch, is_after: bool) -> tuple[str, ...]:
    """A finding's identity across the plans: its subject as a matched item, not its id."""
    table = {
        SubjectKind.COMMITTEE: match.committees,
        SubjectKind.ROLE: match.roles,
        SubjectKind.PERSON: match.people,
        SubjectKind.ORGANISATION: match.organisations,
    }.get(f.subject_kind)
    subject = name_key(f.subject) if table is None else table.canonical(f.subject_id, is_after)
    function = f.function.value if f.function else ""
    return (f.code, f.subject_kind.value, subject, function, name_key(f.stage or ""))


def _unmatched(
    these: Analysis, others: Analysis, match: PlanMatch, these_after: bool
) -> tuple[Finding, ...]:
    """Open findings of ``these`` with no open counterpart in ``others`` (counting repeats)."""
    available = Counter(_finding_token(f, match, not these_after) for f in others.open_findings)
    result = []
    for finding in these.open_findings:
        key = _finding_token(finding, match, these_after)
        if available[key]:
            available[key] -= 1
        else:
            result.append(finding)
    return tuple(result)


def _closed_or_accepted(
    gone: tuple[Finding, ...], after: Analysis, match: PlanMatch
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Split open findings the after plan no longer has open: closed, or there but accepted."""
    accepted_after = Counter(
        _finding_token(f, match, True) for f in after.findings if not f.is_open
    )
    closed, accepted = [], []
    for finding in gone:
        key = _finding_token(finding, match, False)
        if accepted_after[key]:
            accepted_after[key] -= 1
            accepted.append(finding)
        else:
            closed.append(finding)
    return tuple(closed), tuple(accepted)
