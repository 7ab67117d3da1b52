"""What a proposal plan carries about how it was made: the structured rationale.

A proposal (``govplanner reduce``, Plan ▸ Propose a reduction…) is an ordinary plan with a
:class:`Proposal` attached: the plan it came from, the budget and figures before and after,
the optimiser's verdict, and one :class:`ProposalChange` per thing it did (a role retired, a
committee abolished, committees in common combined into one), each with its reasons. ``diff``,
the Compare view and the gap report read it to explain every change, so the explanation
travels with the file rather than living in free text.

Changes name items by their ids in the plan the proposal came from; a retired role or an
abolished committee is, by definition, no longer in the proposal, so these ids are a record,
not references (``domain.references`` does not check them).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Word = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Line = Annotated[str, StringConstraints(max_length=2_000)]
#: Sessions a week summed over a plan (up to national scale), not one role's.
TotalSessions = Annotated[float, Field(ge=0, le=10_000_000)]
Pounds = Annotated[float, Field(ge=0, le=1_000_000_000_000)]


class ChangeAction(StrEnum):
    """What a proposal did to one item of the plan it came from."""

    RETIRE_ROLE = "retire_role"
    ABOLISH_COMMITTEE = "abolish_committee"
    COMBINE_COMMITTEES = "combine_committees"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    ChangeAction.RETIRE_ROLE: "Role retired",
    ChangeAction.ABOLISH_COMMITTEE: "Committee abolished",
    ChangeAction.COMBINE_COMMITTEES: "Committees combined",
}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ProposalChange(_Record):
    """One change a proposal made, and why."""

    action: ChangeAction
    #: the role or committee (for a combination: the joint committee made) by id
    subject_id: Word
    subject: Word
    #: for a combination: the ids of the committees in common it replaced
    replaces: list[Word] = Field(default_factory=list)
    sessions_per_week: TotalSessions = 0.0
    #: who held a retired role, by name ("" when vacant or not a role)
    holder: Word = ""
    reasons: list[Line] = Field(default_factory=list)


class Proposal(_Record):
    """How a proposal plan was made (see the module's docstring)."""

    #: what made it ("reduce")
    method: Word = "reduce"
    made_on: dt.date = Field(default_factory=dt.date.today)
    #: the name of the plan it came from
    source_plan: Word = ""
    #: "clinical" (clinical and care professional roles) or "all"
    scope: Word = "clinical"
    budget_sessions: TotalSessions = 0.0
    sessions_before: TotalSessions = 0.0
    sessions_after: TotalSessions = 0.0
    cost_before: Pounds | None = None
    cost_after: Pounds | None = None
    essential_covered_before: Annotated[int, Field(ge=0)] = 0
    essential_covered_after: Annotated[int, Field(ge=0)] = 0
    #: the optimiser's verdict in plain words, and its optimality gap (0 = proven best)
    solver_status: Line = ""
    optimality_gap: Annotated[float, Field(ge=0)] | None = None
    #: the reduction in a few plain lines, as the command printed it
    summary: list[Line] = Field(default_factory=list)
    changes: list[ProposalChange] = Field(default_factory=list)

    def change_for(self, action: ChangeAction, subject_id: str) -> ProposalChange | None:
        """The change this proposal made to ``subject_id``, if any."""
        for change in self.changes:
            if change.action is action and (
                change.subject_id == subject_id or subject_id in change.replaces
            ):
                return change
        return None
