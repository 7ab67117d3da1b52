"""How many seats each committee has and how many are vacant, kept up to date by edits.

Counting every role takes a pass over tens of thousands of seats in a national plan; an edit
changes one role, so the diagram takes that role's seats out before the edit and puts them
back after it, and redraws only the cards whose numbers moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from govplanner.domain.model import Role


class SeatCounts:
    """Seats and vacancies per committee id (a role sitting twice on one committee counts once)."""

    def __init__(self, roles: Iterable[Role] = ()) -> None:
        self.seats: Counter[str] = Counter()
        self.vacant: Counter[str] = Counter()
        self.recount(roles)

    def recount(self, roles: Iterable[Role]) -> None:
        """Count every role afresh (the same object: whoever keeps it up to date keeps it)."""
        self.seats.clear()
        self.vacant.clear()
        for role in roles:
            self.add(role)

    def add(self, role: Role, sign: int = 1) -> set[str]:
        """Count ``role``'s seats in (``sign`` 1) or out (-1); returns the committees touched."""
        committees = set(role.committee_ids)
        vacant = role.holder_id is None
        for committee_id in committees:
            self.seats[committee_id] += sign
            if vacant:
                self.vacant[committee_id] += sign
        return committees

    def remove(self, role: Role) -> set[str]:
        return self.add(role, -1)

    def of(self, committee_id: str) -> tuple[int, int]:
        """(seats, vacant) of one committee."""
        return self.seats[committee_id], self.vacant[committee_id]
