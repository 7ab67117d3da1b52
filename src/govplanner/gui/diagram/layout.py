"""Where each committee goes in the diagram: tier bands, tidy trees within them, lines.

Pure Python (no Qt) and deterministic: the same plan always gives the same picture.

Only *accountable* lines shape the picture. A committee hangs under the first committee it is
accountable to that sits on a higher band, or beside it when both share a band (a committee
of the board). Advisory lines never move a box: they are drawn over the finished layout, and
may go anywhere, loops included. Committees in common (one committees-in-common group) on the
same band are placed side by side as one unit, inside a frame named after the group. Each tree
owns a column range of its own, so boxes never overlap. How each line is routed is
:mod:`govplanner.gui.diagram.routes`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from govplanner.domain.model import Committee, Plan
from govplanner.gui.diagram.geometry import (
    BAND_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    DEFAULT_SIZES,
    EMPTY_BAND_WIDTH,
    FRAME_PAD,
    FRAME_TOP,
    GROUP_GAP,
    LABEL_WIDTH,
    LEGEND_HEIGHT,
    MARGIN,
    SIBLING_GAP,
    TREE_GAP,
    BandPlace,
    BoxPlace,
    Connector,
    FramePlace,
    Layout,
    Sizes,
    UnitKey,
    band_top,
)
from govplanner.gui.diagram.routes import Hanging, route_lines

__all__ = [
    "BAND_GAP",
    "BOX_HEIGHT",
    "BOX_WIDTH",
    "FRAME_PAD",
    "FRAME_TOP",
    "GROUP_GAP",
    "LABEL_WIDTH",
    "LEGEND_HEIGHT",
    "MARGIN",
    "BandPlace",
    "BoxPlace",
    "Connector",
    "FramePlace",
    "Layout",
    "Sizes",
    "band_top",
    "layout_plan",
]


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


@dataclass
class _Units:
    """The plan's placed committees gathered into units, in document order."""

    committees: list[Committee]
    band: dict[str, int]
    units: dict[UnitKey, _Unit]
    unit_of: dict[str, UnitKey]
    group_names: dict[str, str]


def layout_plan(plan: Plan, sizes: Sizes = DEFAULT_SIZES) -> Layout:
    """Place every committee whose tier exists; committees on unknown tiers are left out."""
    gathered = _gather(plan)
    tree = _Tree(children=defaultdict(list), sidecars=defaultdict(list))
    by_id = {c.id: c for c in gathered.committees}
    units = gathered.units
    roots = [u for u in units.values() if not tree.hang(u, by_id, gathered.band, gathered.unit_of)]
    for kids in tree.children.values():
        kids.sort(key=lambda k: units[k].band)  # stable: nearest band first, then document order
    roots.sort(key=lambda u: u.band)  # stable: document order within a band

    widths = {key: unit.width(sizes) for key, unit in units.items()}
    xs: dict[UnitKey, float] = {}
    cursor = MARGIN + LABEL_WIDTH
    for root in roots:
        cursor = _place(root.key, cursor, tree, widths, xs) + TREE_GAP
    empty_width = EMPTY_BAND_WIDTH * sizes.box_width / BOX_WIDTH
    right = max(cursor - TREE_GAP, MARGIN + LABEL_WIDTH + empty_width) + MARGIN
    layout = Layout(
        width=right, height=sizes.band_top(len(plan.tiers)) - BAND_GAP + MARGIN, sizes=sizes
    )
    _put_boxes(layout, gathered, xs, widths)
    counts = dict.fromkeys(range(len(plan.tiers)), 0)
    for place in layout.boxes.values():
        counts[place.band] += 1
    layout.bands = [
        BandPlace(t.id, t.name, t.level, i, sizes.band_top(i), sizes.band_height, counts[i])
        for i, t in enumerate(plan.tiers)
    ]
    levels = {c.id: plan.tiers[gathered.band[c.id]].level.order for c in gathered.committees}
    hanging = Hanging(gathered.unit_of, tree.parent, tree.side_parent)
    layout.connectors = route_lines(gathered.committees, layout.boxes, hanging, levels, sizes)
    return layout


def _gather(plan: Plan) -> _Units:
    """One unit per committee, except that a group's committees on one band share one."""
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
    return _Units(committees, band, units, unit_of, group_names)


def _put_boxes(
    layout: Layout, gathered: _Units, xs: dict[UnitKey, float], widths: dict[UnitKey, float]
) -> None:
    """Boxes side by side within each unit, and a frame round each group's unit."""
    sizes = layout.sizes
    for unit in gathered.units.values():
        y = sizes.band_top(unit.band) + sizes.band_padding
        left = xs[unit.key] + (FRAME_PAD if unit.group_id is not None else 0.0)
        for i, cid in enumerate(unit.members):
            x = left + i * (sizes.box_width + GROUP_GAP)
            layout.boxes[cid] = BoxPlace(cid, x, y, unit.band)
        if unit.group_id is not None:
            frame = FramePlace(
                unit.group_id,
                gathered.group_names[unit.group_id],
                unit.band,
                xs[unit.key],
                y - sizes.frame_top,
                widths[unit.key],
                sizes.frame_top + sizes.box_height + FRAME_PAD,
                tuple(unit.members),
            )
            layout.frames.append(frame)
    # Boxes in document order, so readers (and tests) see the plan's own order.
    layout.boxes = {c.id: layout.boxes[c.id] for c in gathered.committees}
    layout.frames.sort(key=lambda f: (f.band, f.x))


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
            cursor = _place(kid, cursor, tree, widths, xs) + SIBLING_GAP
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
            right = _place(side, right + SIBLING_GAP, tree, widths, xs)
    return right
