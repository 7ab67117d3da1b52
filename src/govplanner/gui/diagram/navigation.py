"""Arrow-key moves between committee boxes: along a band, or to the nearest box above/below."""

from __future__ import annotations

from PySide6.QtCore import Qt

from govplanner.gui.diagram.items import CommitteeBox
from govplanner.gui.diagram.scene import DiagramScene


def neighbour(
    scene: DiagramScene, current: CommitteeBox | None, key: Qt.Key
) -> CommitteeBox | None:
    """The box an arrow key moves to from ``current`` (the first box when none is selected)."""
    boxes = scene.boxes
    places = scene.layout.boxes
    ordered = sorted(boxes, key=lambda cid: (places[cid].band, places[cid].x))
    if not ordered:
        return None
    if current is None or current.committee_id not in places:
        return boxes[ordered[0]]
    here = places[current.committee_id]
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        row = [cid for cid in ordered if places[cid].band == here.band]
        step = -1 if key == Qt.Key.Key_Left else 1
        at = row.index(current.committee_id) + step
        return boxes[row[at]] if 0 <= at < len(row) else current
    above = key == Qt.Key.Key_Up
    bands = sorted(
        {p.band for p in places.values() if (p.band < here.band if above else p.band > here.band)}
    )
    if not bands:
        return current
    band = bands[-1] if above else bands[0]
    row = [cid for cid in ordered if places[cid].band == band]
    nearest = min(row, key=lambda cid: abs(places[cid].x - here.x))
    return boxes[nearest]
