"""Where each committee goes in the diagram: tier bands, tidy trees within them, connectors.

Pure Python (no Qt) and deterministic: the same plan always gives the same picture. A committee
hangs under the committee it reports to when that one sits on a higher band, or beside it
when both share a band (a committee of the board); every other reporting line (to a lower
band, or round a cycle) is drawn as an irregular connector and the committee starts a tree of
its own. Each tree owns a column range of its own,
so boxes never overlap.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from govplanner.domain.enums import Level
from govplanner.domain.model import Committee, Plan

BOX_WIDTH = 216.0
BOX_HEIGHT = 96.0
SIBLING_GAP = 24.0
TREE_GAP = 56.0
BAND_PADDING = 22.0
BAND_GAP = 56.0
LABEL_WIDTH = 190.0
MARGIN = 24.0
LEGEND_HEIGHT = 44.0  # the key to colours and lines, above the first band
EMPTY_BAND_WIDTH = 3 * BOX_WIDTH

Point = tuple[float, float]


@dataclass(frozen=True)
class BoxPlace:
    committee_id: str
    x: float
    y: float
    band: int


@dataclass(frozen=True)
class BandPlace:
    tier_id: str
    name: str
    level: Level
    index: int
    y: float
    height: float
    committees: int


@dataclass(frozen=True)
class Connector:
    """A reporting line from ``child_id`` up to ``parent_id``; ``regular`` lines are elbows."""

    child_id: str
    parent_id: str
    points: tuple[Point, ...]
    regular: bool


@dataclass
class Layout:
    boxes: dict[str, BoxPlace] = field(default_factory=dict)
    bands: list[BandPlace] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


def band_top(index: int) -> float:
    return MARGIN + LEGEND_HEIGHT + index * (BOX_HEIGHT + 2 * BAND_PADDING + BAND_GAP)


def layout_plan(plan: Plan) -> Layout:
    """Place every committee whose tier exists; committees on unknown tiers are left out."""
    band_of_tier = {t.id: i for i, t in enumerate(plan.tiers)}
    committees = [c for c in plan.committees if c.tier_id in band_of_tier]
    band = {c.id: band_of_tier[c.tier_id] for c in committees}
    tree = _Tree(children=defaultdict(list), sidecars=defaultdict(list))
    roots = [c for c in committees if not tree.hang(c, band)]
    for kids in tree.children.values():
        kids.sort(key=band.__getitem__)  # stable: nearest band first, then document order
    roots.sort(key=lambda c: band[c.id])  # stable: document order within a band

    xs: dict[str, float] = {}
    cursor = MARGIN + LABEL_WIDTH
    for root in roots:
        cursor = _place(root.id, cursor, tree, xs) + TREE_GAP
    right = max(cursor - TREE_GAP, MARGIN + LABEL_WIDTH + EMPTY_BAND_WIDTH) + MARGIN

    layout = Layout(width=right, height=band_top(len(plan.tiers)) - BAND_GAP + MARGIN)
    counts = dict.fromkeys(range(len(plan.tiers)), 0)
    for c in committees:
        y = band_top(band[c.id]) + BAND_PADDING
        layout.boxes[c.id] = BoxPlace(c.id, xs[c.id], y, band[c.id])
        counts[band[c.id]] += 1
    height = BOX_HEIGHT + 2 * BAND_PADDING
    layout.bands = [
        BandPlace(tier.id, tier.name, tier.level, i, band_top(i), height, counts[i])
        for i, tier in enumerate(plan.tiers)
    ]
    layout.connectors = _connectors(committees, layout.boxes, tree)
    return layout


@dataclass
class _Tree:
    """Who hangs where: ``children`` on lower bands, ``sidecars`` beside on the same band."""

    children: dict[str, list[str]]
    sidecars: dict[str, list[str]]
    side_parent: dict[str, str] = field(default_factory=dict)

    def hang(self, c: Committee, band: dict[str, int]) -> bool:
        """Attach ``c`` under or beside the committee it reports to; False if it is a root."""
        parent = c.reports_to_id
        if parent is None or parent not in band:
            return False
        if band[parent] < band[c.id]:
            self.children[parent].append(c.id)
            return True
        if band[parent] == band[c.id] and not self._would_cycle(c.id, parent):
            self.sidecars[parent].append(c.id)
            self.side_parent[c.id] = parent
            return True
        return False

    def _would_cycle(self, child: str, parent: str) -> bool:
        seen = {child}
        at: str | None = parent
        while at is not None:
            if at in seen:
                return True
            seen.add(at)
            at = self.side_parent.get(at)
        return False


def _place(node: str, left: float, tree: _Tree, xs: dict[str, float]) -> float:
    """Place ``node``'s subtree, then its sidecars', from ``left``; returns the right edge."""
    kids = tree.children.get(node, [])
    if not kids:
        xs[node] = left
        right = left + BOX_WIDTH
    else:
        cursor = left
        for kid in kids:
            cursor = _place(kid, cursor, tree, xs) + SIBLING_GAP
        xs[node] = (xs[kids[0]] + xs[kids[-1]]) / 2
        right = cursor - SIBLING_GAP
    # Sidecars with nothing of their own sit right next to the node: its band is empty there.
    sides = tree.sidecars.get(node, [])
    leaves = [s for s in sides if not tree.children.get(s) and not tree.sidecars.get(s)]
    for i, side in enumerate(leaves, start=1):
        xs[side] = xs[node] + i * (BOX_WIDTH + SIBLING_GAP)
        right = max(right, xs[side] + BOX_WIDTH)
    for side in sides:
        if side not in leaves:
            right = _place(side, right + SIBLING_GAP, tree, xs)
    return right


def _connectors(
    committees: list[Committee], boxes: dict[str, BoxPlace], tree: _Tree
) -> list[Connector]:
    tree_children = {kid for kids in tree.children.values() for kid in kids}
    lines = []
    for c in committees:
        parent = c.reports_to_id
        if parent is None or parent not in boxes:
            continue
        child_box, parent_box = boxes[c.id], boxes[parent]
        if c.id in tree_children:
            points, regular = _elbow(child_box, parent_box), True
        elif c.id in tree.side_parent:
            points, regular = _lane(child_box, parent_box), True
        else:
            points, regular = _direct(child_box, parent_box), False
        lines.append(Connector(c.id, parent, points, regular))
    return lines


def _lane(child: BoxPlace, parent: BoxPlace) -> tuple[Point, ...]:
    """Beside its parent on the same band: up into the band's top margin, across, down."""
    cx = child.x + BOX_WIDTH / 2
    px = parent.x + BOX_WIDTH - 28
    lane = band_top(parent.band) + BAND_PADDING * 0.4
    return ((cx, child.y), (cx, lane), (px, lane), (px, parent.y))


def _elbow(child: BoxPlace, parent: BoxPlace) -> tuple[Point, ...]:
    """Up from the child's top, across just below the parent's band, up into the parent."""
    cx, px = child.x + BOX_WIDTH / 2, parent.x + BOX_WIDTH / 2
    bus = band_top(parent.band) + BOX_HEIGHT + 2 * BAND_PADDING + BAND_GAP / 2
    parent_bottom = parent.y + BOX_HEIGHT
    if cx == px:
        return ((cx, child.y), (px, parent_bottom))
    return ((cx, child.y), (cx, bus), (px, bus), (px, parent_bottom))


def _direct(child: BoxPlace, parent: BoxPlace) -> tuple[Point, ...]:
    """A line outside the tree (to a lower band, or round a cycle): four points of a cubic
    curve, leaving and entering the boxes on the sides facing each other."""
    cx, px = child.x + BOX_WIDTH / 2, parent.x + BOX_WIDTH / 2
    if child.band == parent.band:
        start, end = (cx, child.y), (px, parent.y)
        lift = -BAND_PADDING - BAND_GAP / 2
        return (start, (cx, child.y + lift), (px, parent.y + lift), end)
    if parent.band > child.band:  # the parent is drawn below the child
        start, end = (cx, child.y + BOX_HEIGHT), (px, parent.y)
    else:
        start, end = (cx, child.y), (px, parent.y + BOX_HEIGHT)
    mid = (start[1] + end[1]) / 2
    return (start, (cx, mid), (px, mid), end)
