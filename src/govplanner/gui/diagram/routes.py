"""The route of every line out of a committee, once the boxes are placed (no Qt).

Lines the tree carries are drawn square: an *elbow* up into a committee on a higher band, a
*lane* across the band's top to a committee beside it. Every other line (a second accountable
line, one to a lower level or round a loop, every advisory line) is a *curve*. A line is
*irregular* when it is accountable to a committee of a lower level, or lies on a loop of
accountable lines (what STR002 and STR001 report); advisory lines never are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from govplanner.domain.enums import LineKind
from govplanner.domain.model import Committee
from govplanner.gui.diagram.geometry import (
    BAND_GAP,
    CURVE_OFFSET,
    TRACK_STEP,
    TRACKS,
    BoxPlace,
    Connector,
    Point,
    Shape,
    Sizes,
    UnitKey,
)


@dataclass(frozen=True)
class Hanging:
    """How the layout hung the units: each unit's parent above, or beside on its band."""

    unit_of: dict[str, UnitKey]
    parent: dict[UnitKey, UnitKey]
    side_parent: dict[UnitKey, UnitKey]


def route_lines(
    committees: list[Committee],
    boxes: dict[str, BoxPlace],
    hanging: Hanging,
    levels: dict[str, int],
    sizes: Sizes,
) -> list[Connector]:
    """Every line of every placed committee to another placed one, in document order.

    ``levels`` gives each committee's level order (executive 0) for irregular lines.
    """
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
            accountable = line.kind is LineKind.ACCOUNTABLE
            shape, points = _route(c.id, target, accountable, boxes, hanging, tracks, sizes)
            irregular = accountable and (levels[target] > levels[c.id] or (c.id, target) in looped)
            lines.append(Connector(c.id, target, line.kind, points, shape, irregular))
    return lines


def _route(
    source: str,
    target: str,
    accountable: bool,
    boxes: dict[str, BoxPlace],
    hanging: Hanging,
    tracks: dict[str, int],
    sizes: Sizes,
) -> tuple[Shape, tuple[Point, ...]]:
    child, parent = boxes[source], boxes[target]
    mine, theirs = hanging.unit_of[source], hanging.unit_of[target]
    if accountable and hanging.parent.get(mine) == theirs:
        return "elbow", _elbow(child, parent, sizes, tracks[target])
    if accountable and hanging.side_parent.get(mine) == theirs:
        return "lane", _lane(child, parent, sizes, tracks[target])
    return "curve", _curve(child, parent, sizes)


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
