"""What the diagram must redo after the document's changes: a rebuild, some cards' words,
some cards' seat counts. Collected between syncs so a burst of edits is applied once.

A role's seats are counted out of the scene's :class:`~govplanner.gui.diagram.seats.SeatCounts`
just before it changes or goes, and back in just after it changes or arrives, so an edit
touches only the cards of the committees that role sits on (counting every role again took
most of an edit's time in a national plan).
"""

from __future__ import annotations

from govplanner.domain.document import Change, PlanDocument
from govplanner.gui.diagram.seats import SeatCounts

#: committee fields that move cards or lines (a rebuild), and those that only change words
STRUCTURE_FIELDS = frozenset({"tier_id", "lines", "group_id"})
TEXT_FIELDS = frozenset({"name", "programme_area", "kind", "organisation_ids"})
#: what a change to an item of each other kind means for the diagram: tiers are its bands,
#: groups its frames, organisations are named on the cards, roles are the cards' seats
REACTIONS: dict[str, str] = {
    "tier": "rebuild",
    "group": "rebuild",
    "organisation": "texts",
    "role": "seats",
}


class Pending:
    """The work waiting for the next sync of one diagram."""

    def __init__(self, document: PlanDocument, counts: SeatCounts) -> None:
        self.document = document
        self.counts = counts  # the scene's; replaced by the scene on each rebuild
        self.rebuild = True
        self.texts: set[str] | None = set()  # None: every card
        self.seats: set[str] = set()  # committees whose seat counts changed

    def clear(self) -> None:
        self.rebuild, self.texts, self.seats = False, set(), set()

    def before(self, change: Change) -> None:
        """A role is about to change or go: count its seats out."""
        if change.kind == "role" and change.action in ("removed", "updated") and change.item_id:
            self.seats |= self.counts.remove(self.document.get("role", change.item_id))

    def after(self, change: Change) -> bool:
        """Note what ``change`` needs redone; False when it does not concern the diagram."""
        fields = set(change.fields)
        reaction = REACTIONS.get(change.kind or "")
        if change.action in ("reset", "plan"):
            if change.action == "plan" and "vocabulary" not in fields:
                return False
            self.rebuild = True  # a new plan, or the words the bands and legend speak
        elif change.kind == "committee":
            self._committee(change, fields)
        elif reaction == "rebuild":
            self.rebuild = True
        elif reaction == "texts":
            self.texts = None
        elif reaction == "seats":
            if change.action not in ("added", "updated") or not change.item_id:
                return change.action == "removed"  # counted out before; a move changes nothing
            self.seats |= self.counts.add(self.document.get("role", change.item_id))
        else:
            return False
        return True

    def _committee(self, change: Change, fields: set[str]) -> None:
        if change.action != "updated" or fields & STRUCTURE_FIELDS:
            self.rebuild = True
        elif "name" in fields:
            self.texts = None  # other cards' tooltips name it too
        elif fields & TEXT_FIELDS and change.item_id is not None and self.texts is not None:
            self.texts.add(change.item_id)
