"""A proposal's record of what it changed and why (domain/proposal.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from govplanner.domain.proposal import ChangeAction, Proposal, ProposalChange


def _proposal() -> Proposal:
    return Proposal(
        changes=[
            ProposalChange(action=ChangeAction.RETIRE_ROLE, subject_id="role-1", subject="Lead"),
            ProposalChange(
                action=ChangeAction.COMBINE_COMMITTEES,
                subject_id="committee-j",
                subject="Joint audit committee",
                replaces=["c-1", "c-2"],
            ),
        ]
    )


def test_change_for_finds_a_role_or_a_combined_committee_by_any_of_its_ids() -> None:
    proposal = _proposal()
    assert proposal.change_for(ChangeAction.RETIRE_ROLE, "role-1") is proposal.changes[0]
    assert proposal.change_for(ChangeAction.COMBINE_COMMITTEES, "c-2") is proposal.changes[1]
    assert proposal.change_for(ChangeAction.COMBINE_COMMITTEES, "committee-j") is not None
    assert proposal.change_for(ChangeAction.RETIRE_ROLE, "c-1") is None
    assert ChangeAction.COMBINE_COMMITTEES.label == "Committees combined"


def test_a_proposal_refuses_nonsense_figures() -> None:
    with pytest.raises(ValidationError):
        Proposal(sessions_after=-1)
    with pytest.raises(ValidationError):
        ProposalChange(action="promote", subject_id="x", subject="y")  # type: ignore[arg-type]
