"""The diagram's layout: bands per tier, tidy trees, no overlaps, deterministic (no Qt needed)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from govplanner.domain.enums import Level, LineKind
from govplanner.domain.model import Committee, InCommonGroup, Line, Plan, Tier
from govplanner.gui.diagram.layout import (
    BOX_HEIGHT,
    BOX_WIDTH,
    BoxPlace,
    FramePlace,
    band_top,
    layout_plan,
)
from tests.builders import PlanBuilder, committee_id, tier_id


def _plan() -> Plan:
    return (
        PlanBuilder()
        .tier("Board", "executive")
        .tier("Programmes", "thematic")
        .tier("Projects", "project")
        .tier("Unused", "project")
        .committee("ICB Board", tier="Board")
        .committee("Audit Committee", tier="Board", reports_to="ICB Board")
        .committee("Mental Health", tier="Programmes", reports_to="ICB Board")
        .committee("Maternity", tier="Programmes", reports_to="ICB Board")
        .committee("Crisis Team", tier="Projects", reports_to="Mental Health")
        .committee("Perinatal Group", tier="Projects", reports_to="Mental Health")
        .committee("Continuity Project", tier="Projects", reports_to="Maternity")
        .committee("Upside Down", tier="Board", reports_to="Crisis Team")
        .build()
    )


def test_each_tier_is_a_band_top_first_with_its_committee_count() -> None:
    layout = layout_plan(_plan())
    assert [(b.name, b.level, b.committees) for b in layout.bands] == [
        ("Board", Level.EXECUTIVE, 3),
        ("Programmes", Level.THEMATIC, 2),
        ("Projects", Level.PROJECT, 3),
        ("Unused", Level.PROJECT, 0),
    ]
    assert [b.y for b in layout.bands] == sorted(b.y for b in layout.bands)
    for box in layout.boxes.values():
        band = layout.bands[box.band]
        assert band.y < box.y
        assert box.y + BOX_HEIGHT < band.y + band.height


def test_parents_are_centred_over_their_children_in_document_order() -> None:
    boxes = layout_plan(_plan()).boxes
    crisis, perinatal = boxes[committee_id("Crisis Team")], boxes[committee_id("Perinatal Group")]
    assert crisis.x < perinatal.x
    assert boxes[committee_id("Mental Health")].x == (crisis.x + perinatal.x) / 2
    assert boxes[committee_id("Mental Health")].x < boxes[committee_id("Maternity")].x


def test_a_committee_of_the_board_sits_beside_it_on_the_same_band() -> None:
    layout = layout_plan(_plan())
    board, audit = (
        layout.boxes[committee_id("ICB Board")],
        layout.boxes[committee_id("Audit Committee")],
    )
    assert audit.band == board.band
    assert audit.x > board.x
    line = next(c for c in layout.connectors if c.from_id == committee_id("Audit Committee"))
    assert (line.shape, line.irregular) == ("lane", False)
    assert line.to_id == committee_id("ICB Board")


def test_lines_to_a_lower_band_are_irregular_and_others_are_elbows_into_the_parent() -> None:
    layout = layout_plan(_plan())
    by_child = {c.from_id: c for c in layout.connectors}
    upside_down = by_child[committee_id("Upside Down")]
    assert (upside_down.shape, upside_down.irregular) == ("curve", True)
    elbow = by_child[committee_id("Crisis Team")]
    assert (elbow.shape, elbow.irregular) == ("elbow", False)
    parent = layout.boxes[committee_id("Mental Health")]
    assert elbow.points[-1] == (parent.x + BOX_WIDTH / 2, parent.y + BOX_HEIGHT)
    assert committee_id("ICB Board") not in by_child


def test_layout_is_deterministic_and_skips_committees_on_unknown_tiers() -> None:
    plan = _plan()
    assert layout_plan(plan) == layout_plan(plan)
    lost = Committee(name="Lost", tier_id="tier_gone")
    plan.committees.append(lost)
    assert lost.id not in layout_plan(plan).boxes
    assert len(layout_plan(plan).boxes) == 8


def test_a_reporting_cycle_on_one_band_still_places_every_committee() -> None:
    plan = (
        PlanBuilder()
        .committee("A", tier="system", reports_to="B")
        .committee("B", tier="system", reports_to="A")
        .build(check=False)
    )
    layout = layout_plan(plan)
    assert set(layout.boxes) == {committee_id("A"), committee_id("B")}
    assert sorted(c.shape for c in layout.connectors) == ["curve", "lane"]
    assert all(c.irregular for c in layout.connectors)  # both lines are on the loop


def _inside(box: BoxPlace, frame: FramePlace) -> bool:
    return (
        frame.x <= box.x
        and box.x + BOX_WIDTH <= frame.x + frame.width
        and frame.y <= box.y
        and box.y + BOX_HEIGHT <= frame.y + frame.height
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    levels = draw(st.lists(st.sampled_from(list(Level)), min_size=1, max_size=4))
    tiers = [Tier(id=tier_id(f"t{i}"), name=f"T{i}", level=lv) for i, lv in enumerate(levels)]
    n = draw(st.integers(0, 30))
    groups = [InCommonGroup(id=f"grp_{g}", name=f"G{g}") for g in range(3)]
    committees = []
    for i in range(n):
        tier = draw(st.sampled_from(tiers)).id
        targets = draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=3, unique=True))
        kinds = draw(st.lists(st.sampled_from(list(LineKind)), min_size=3, max_size=3))
        lines = [Line(to_id=f"com_{t}", kind=k) for t, k in zip(targets, kinds, strict=False)]
        group = draw(st.one_of(st.none(), st.sampled_from([g.id for g in groups])))
        committees.append(
            Committee(id=f"com_{i}", name=f"C{i}", tier_id=tier, lines=lines, group_id=group)
        )
    return Plan(tiers=tiers, committees=committees, groups=groups)


@settings(max_examples=150, deadline=None)
@given(plans())
def test_boxes_never_overlap_and_every_reporting_line_is_drawn(plan: Plan) -> None:
    layout = layout_plan(plan)
    assert set(layout.boxes) == {c.id for c in plan.committees}
    placed = sorted(layout.boxes.values(), key=lambda b: (b.band, b.x))
    for left, right in pairwise(placed):
        if left.band == right.band:
            assert right.x - left.x >= BOX_WIDTH
    for box in placed:
        assert box.y > band_top(box.band)
        assert box.x + BOX_WIDTH <= layout.width
    drawn = sorted((c.from_id, c.to_id, c.kind) for c in layout.connectors)
    wanted = sorted((c.id, line.to_id, line.kind) for c in plan.committees for line in c.lines)
    assert drawn == [w for w in wanted if w[0] != w[1]]  # every line but one to itself
    for frame in layout.frames:  # a frame holds its group's committees of its band, no other
        members = {c.id for c in plan.committees if c.group_id == frame.group_id}
        inside = {b.committee_id for b in placed if _inside(b, frame)}
        assert inside == set(frame.committee_ids)
        assert inside == {m for m in members if layout.boxes[m].band == frame.band}


def test_children_on_the_nearest_band_come_first() -> None:
    plan = (
        PlanBuilder()
        .tier("System", "executive")
        .tier("Programme", "thematic")
        .tier("Neighbourhood", "project")
        .committee("Board", tier="system")
        .committee("Far Group", tier="neighbourhood", reports_to="Board")
        .committee("Programme Board", tier="programme", reports_to="Board")
        .build()
    )
    boxes = layout_plan(plan).boxes
    assert boxes[committee_id("Programme Board")].x < boxes[committee_id("Far Group")].x
