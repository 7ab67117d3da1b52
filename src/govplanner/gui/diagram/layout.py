"""Where each committee goes in the diagram: tier bands, tidy trees within them, connectors.

Pure Python (no Qt) and deterministic: the same plan always gives the same picture.

Only *accountable* lines shape the picture. A committee hangs under the first committee it is
accountable to that sits on a higher band, or beside it when both share a band (a committee
of the board). Advisory lines never move a box: they are drawn over the finished layout, and
may go anywhere, loops included. Committees in common (one committees-in-common group) on the
same band are placed side by side as one unit, inside a frame named after the group. Each tree
owns a column range of its own, so boxes never overlap.

A line is *irregular* when it is accountable to a committee of a lower level, or lies on a
loop of accountable lines (what STR002 and STR001 report).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from govplanner.domain.enums import Level, LineKind
from govplanner.domain.model import Committee, Plan

BOX_WIDTH = 248.0
BOX_HEIGHT = 112.0
SIBLING_GAP = 24.0
TREE_GAP = 56.0
BAND_GAP = 48.0
LABEL_WIDTH = 190.0
MARGIN = 24.0
LEGEND_HEIGHT = 44.0  # the key to colours and lines, above the first band
EMPTY_BAND_WIDTH = 3 * BOX_WIDTH
FRAME_TOP = 26.0  # room above the boxes of a committees-in-common frame for its name
FRAME_PAD = 10.0  # the frame's margin beside and below its boxes
GROUP_GAP = 16.0  # between committees in one frame
TRACKS = 4  # heights for the horizontals of lines into different committees of a band
TRACK_STEP = 8.0
CURVE_OFFSET = 14.0  # lines that are not in the tree leave right of centre, arrive left of it

Point = tuple[float, float]
Shape = Literal["elbow", "lane", "curve"]


@dataclass(frozen=True)
class Sizes:
    """The measures that depend on the text size: the scene grows boxes for larger fonts."""

    box_width: float = BOX_WIDTH
    box_height: float = BOX_HEIGHT
    #: where the first band starts (below the legend)
    top: float = MARGIN + LEGEND_HEIGHT
    frame_top: float = FRAME_TOP

    @property
    def band_padding(self) -> float:
        """Space above the boxes of a band (a frame's name fits there)."""
        return self.frame_top + 8

    @property
    def band_height(self) -> float:
        return self.band_padding + self.box_height + FRAME_PAD + 12

    def band_top(self, index: int) -> float:
        return self.top + index * (self.band_height + BAND_GAP)


DEFAULT_SIZES = Sizes()


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
class FramePlace:
    """A committees-in-common group's committees on one band, framed and named together."""

    group_id: str
    name: str
    band: int
    x: float
    y: float
    width: float
    height: float
    committee_ids: tuple[str, ...]


@dataclass(frozen=True)
class Connector:
    """A line from ``from_id`` to ``to_id`` (the committee accountable to, or advised).

    ``shape`` is "elbow" (up into a committee on a higher band), "lane" (to a committee beside
    it on the same band) or "curve" (anything the tree does not carry).
    """

    from_id: str
    to_id: str
    kind: LineKind
    points: tuple[Point, ...]
    shape: Shape
    #: accountable to a lower level, or on a loop of accountable lines
    irregular: bool = False

    @property
    def accountable(self) -> bool:
        return self.kind is LineKind.ACCOUNTABLE


@dataclass
class Layout:
    boxes: dict[str, BoxPlace] = field(default_factory=dict)
    bands: list[BandPlace] = field(default_factory=list)
    frames: list[FramePlace] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    sizes: Sizes = DEFAULT_SIZES


def band_top(index: int, sizes: Sizes = DEFAULT_SIZES) -> float:
    return sizes.band_top(index)


#: a unit is one committee, or one group's committees on one band
UnitKey = tuple[str, ...]


@dataclass
class _Unit:
    key: UnitKey
    band: int
    group_id: str | None
    members: list[str] = field(default_factory=list)

    def width(self, sizes: Sizes) -> float:
        n = len(self.members)
        inner = n * sizes.box_width + (n - 1) * GROUP_GAP
        return inner + (2 * FRAME_PAD if self.group_id is not None else 0.0)


def layout_plan(plan: Plan, sizes: Sizes = DEFAULT_SIZES) -> Layout:
    """Place every committee whose tier exists; committees on unknown tiers are left out."""
    band_of_tier = {t.id: i for i, t in enumerate(plan.tiers)}
    committees = [c for c in plan.committees if c.tier_id in band_of_tier]
    band = {c.id: band_of_tier[c.tier_id] for c in committees}
    group_names = {g.id: g.name for g in plan.groups}

    units: dict[UnitKey, _Unit] = {}
    unit_of: dict[str, UnitKey] = {}
    for c in committees:
        grouped = c.group_id is not None and c.group_id in group_names
        key: UnitKey = ("group", c.group_id or "", str(band[c.id])) if grouped else ("c", c.id)
        unit = units.setdefault(key, _Unit(key, band[c.id], c.group_id if grouped else None))
        unit.members.append(c.id)
        unit_of[c.id] = key

    by_id = {c.id: c for c in committees}
    tree = _Tree(children=defaultdict(list), sidecars=defaultdict(list))
    roots = [u for u in units.values() if not tree.hang(u, by_id, band, unit_of)]
    for kids in tree.children.values():
        kids.sort(key=lambda k: units[k].band)  # stable: nearest band first, then document order
    roots.sort(key=lambda u: u.band)  # stable: document order within a band

    widths = {key: unit.width(sizes) for key, unit in units.items()}
    xs: dict[UnitKey, float] = {}
    cursor = MARGIN + LABEL_WIDTH
    for root in roots:
        cursor = _place(root.key, cursor, tree, widths, xs, sizes) + TREE_GAP
    empty_width = EMPTY_BAND_WIDTH * sizes.box_width / BOX_WIDTH
    right = max(cursor - TREE_GAP, MARGIN + LABEL_WIDTH + empty_width) + MARGIN

    layout = Layout(
        width=right,
        height=sizes.band_top(len(plan.tiers)) - BAND_GAP + MARGIN,
        sizes=sizes,
    )
    counts = dict.fromkeys(range(len(plan.tiers)), 0)
    for unit in units.values():
        y = sizes.band_top(unit.band) + sizes.band_padding
        left = xs[unit.key] + (FRAME_PAD if unit.group_id is not None else 0.0)
        for i, cid in enumerate(unit.members):
            x = left + i * (sizes.box_width + GROUP_GAP)
            layout.boxes[cid] = BoxPlace(cid, x, y, unit.band)
        counts[unit.band] += len(unit.members)
        if unit.group_id is not None:
            layout.frames.append(
                FramePlace(
                    unit.group_id,
                    group_names[unit.group_id],
                    unit.band,
                    xs[unit.key],
                    y - sizes.frame_top,
                    widths[unit.key],
                    sizes.frame_top + sizes.box_height + FRAME_PAD,
                    tuple(unit.members),
                )
            )
    # Boxes in document order, so readers (and tests) see the plan's own order.
    layout.boxes = {c.id: layout.boxes[c.id] for c in committees}
    layout.frames.sort(key=lambda f: (f.band, f.x))
    layout.bands = [
        BandPlace(
            tier.id, tier.name, tier.level, i, sizes.band_top(i), sizes.band_height, counts[i]
        )
        for i, tier in enumerate(plan.tiers)
    ]
    levels = {c.id: plan.tiers[band[c.id]].level.order for c in committees}
    layout.connectors = _connectors(committees, layout.boxes, tree, unit_of, levels, sizes)
    return layout


@dataclass
class _Tree:
    """Who hangs where: ``children`` on lower bands, ``sidecars`` beside on the same band."""

    children: dict[UnitKey, list[UnitKey]]
    sidecars: dict[UnitKey, list[UnitKey]]
    side_parent: dict[UnitKey, UnitKey] = field(default_factory=dict)
    parent: dict[UnitKey, UnitKey] = field(default_factory=dict)

    def hang(
        self,
        unit: _Unit,
        by_id: dict[str, Committee],
        band: dict[str, int],
        unit_of: dict[str, UnitKey],
    ) -> bool:
        """Attach ``unit`` under or beside the first committee one of its members is
        accountable to that can carry it; False if it is a root."""
        for member in unit.members:
            for target in by_id[member].accountable_to_ids:
                if target not in band or unit_of[target] == unit.key:
                    continue
                parent = unit_of[target]
                if band[target] < unit.band:
                    self.children[parent].append(unit.key)
                    self.parent[unit.key] = parent
                    return True
                if band[target] == unit.band and not self._would_cycle(unit.key, parent):
                    self.sidecars[parent].append(unit.key)
                    self.side_parent[unit.key] = parent
                    return True
        return False

    def _would_cycle(self, child: UnitKey, parent: UnitKey) -> bool:
        seen = {child}
        at: UnitKey | None = parent
        while at is not None:
            if at in seen:
                return True
            seen.add(at)
            at = self.side_parent.get(at)
        return False


def _place(
    node: UnitKey,
    left: float,
    tree: _Tree,
    widths: dict[UnitKey, float],
    xs: dict[UnitKey, float],
    sizes: Sizes,
) -> float:
    """Place ``node``'s subtree, then its sidecars', from ``left``; returns the right edge."""
    kids = tree.children.get(node, [])
    width = widths[node]
    if not kids:
        xs[node] = left
        right = left + width
    else:
        cursor = left
        for kid in kids:
            cursor = _place(kid, cursor, tree, widths, xs, sizes) + SIBLING_GAP
        span_right = cursor - SIBLING_GAP
        centred = (xs[kids[0]] + span_right) / 2 - width / 2
        # Centred over the children, but never left of this subtree's own columns.
        xs[node] = max(left, centred)
        right = max(span_right, xs[node] + width)
    # Sidecars with nothing of their own sit right next to the node: its band is empty there.
    sides = tree.sidecars.get(node, [])
    leaves = [s for s in sides if not tree.children.get(s) and not tree.sidecars.get(s)]
    at = xs[node] + width + SIBLING_GAP
    for side in leaves:
        xs[side] = at
        at += widths[side] + SIBLING_GAP
        right = max(right, xs[side] + widths[side])
    for side in sides:
        if side not in leaves:
            right = _place(side, right + SIBLING_GAP, tree, widths, xs, sizes)
    return right


def _connectors(
    committees: list[Committee],
    boxes: dict[str, BoxPlace],
    tree: _Tree,
    unit_of: dict[str, UnitKey],
    levels: dict[str, int],
    sizes: Sizes,
) -> list[Connector]:
    looped = _looped_edges(committees, boxes)
    # Lines into different committees of one band run at different heights, so a shared
    # horizontal never makes it look as if a line went into the wrong committee.
    tracks = _tracks(committees, boxes)
    lines = []
    for c in committees:
        for line in c.lines:
            target = line.to_id
            if target not in boxes or target == c.id:
                continue
            child, parent = boxes[c.id], boxes[target]
            accountable = line.kind is LineKind.ACCOUNTABLE
            mine, theirs = unit_of[c.id], unit_of[target]
            shape: Shape = "curve"
            if accountable and tree.parent.get(mine) == theirs:
                shape, points = "elbow", _elbow(child, parent, sizes, tracks[target])
            elif accountable and tree.side_parent.get(mine) == theirs:
                shape, points = "lane", _lane(child, parent, sizes, tracks[target])
            else:
                points = _curve(child, parent, sizes)
            irregular = accountable and (levels[target] > levels[c.id] or (c.id, target) in looped)
            lines.append(Connector(c.id, target, line.kind, points, shape, irregular))
    return lines


def _looped_edges(committees: list[Committee], boxes: dict[str, BoxPlace]) -> set[tuple[str, str]]:
    """Accountable lines that lie on a loop: both ends in one strongly connected component."""
    graph = {
        c.id: [t for t in c.accountable_to_ids if t in boxes and t != c.id] for c in committees
    }
    component = _components(graph)
    return {(a, b) for a, targets in graph.items() for b in targets if component[a] == component[b]}


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Tarjan's strongly connected components, without recursion (plans may be large)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for start in graph:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, at = work.pop()
            if at == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph[node]
            if at < len(targets):
                work.append((node, at + 1))
                nxt = targets[at]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component


def _tracks(committees: list[Committee], boxes: dict[str, BoxPlace]) -> dict[str, int]:
    """Each committee that lines go into: its place among such committees of its band."""
    targets = {t for c in committees for t in c.accountable_to_ids if t in boxes}
    tracks: dict[str, int] = {}
    per_band: dict[int, int] = defaultdict(int)
    for target in sorted(targets, key=lambda t: (boxes[t].band, boxes[t].x)):
        tracks[target] = per_band[boxes[target].band] % TRACKS
        per_band[boxes[target].band] += 1
    return tracks


def _lane(child: BoxPlace, parent: BoxPlace, sizes: Sizes, track: int) -> tuple[Point, ...]:
    """Beside its parent on the same band: up into the band's top margin, across, down."""
    cx = child.x + sizes.box_width / 2
    px = parent.x + sizes.box_width - 28
    lane = sizes.band_top(parent.band) + 4 - track * TRACK_STEP
    return ((cx, child.y), (cx, lane), (px, lane), (px, parent.y))


def _elbow(child: BoxPlace, parent: BoxPlace, sizes: Sizes, track: int) -> tuple[Point, ...]:
    """Up from the child's top, across just below the parent's band, up into the parent."""
    cx, px = child.x + sizes.box_width / 2, parent.x + sizes.box_width / 2
    bus = sizes.band_top(parent.band) + sizes.band_height + 14 + track * TRACK_STEP
    parent_bottom = parent.y + sizes.box_height
    if cx == px:
        return ((cx, child.y), (px, parent_bottom))
    return ((cx, child.y), (cx, bus), (px, bus), (px, parent_bottom))


def _curve(child: BoxPlace, parent: BoxPlace, sizes: Sizes) -> tuple[Point, ...]:
    """A line outside the tree: four points of a cubic curve, leaving and entering the boxes
    on the sides facing each other. It leaves right of the centre and arrives left of it, so
    two committees with lines both ways get two curves, not one."""
    cx = child.x + sizes.box_width / 2 + CURVE_OFFSET
    px = parent.x + sizes.box_width / 2 - CURVE_OFFSET
    if child.band == parent.band:
        start, end = (cx, child.y), (px, parent.y)
        lift = -sizes.band_padding - BAND_GAP / 2
        return (start, (cx, child.y + lift), (px, parent.y + lift), end)
    if parent.band > child.band:  # the target is drawn below
        start, end = (cx, child.y + sizes.box_height), (px, parent.y)
    else:
        start, end = (cx, child.y), (px, parent.y + sizes.box_height)
    mid = (start[1] + end[1]) / 2
    return (start, (cx, mid), (px, mid), end)
