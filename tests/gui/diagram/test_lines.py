"""Schema 3 in the layout: several accountable lines, advisory lines, committees in common.

Only accountable lines shape the picture; advisory lines are drawn over it and may loop;
committees in common sit side by side inside one frame per band. No Qt needed.
"""

from __future__ import annotations

from govplanner.domain.enums import LineKind
from govplanner.domain.model import Committee, InCommonGroup, Line, Plan
from govplanner.gui.diagram.layout import BOX_WIDTH, GROUP_GAP, Connector, Layout, layout_plan
from tests.builders import PlanBuilder, committee_id

A_BOARD = committee_id("North ICB Board")
B_BOARD = committee_id("South ICB Board")
COUNCIL = committee_id("County Health and Wellbeing Board")
ICP = committee_id("Integrated Care Partnership")
MH = committee_id("Mental Health Board")
QA = committee_id("North Quality Committee")
QB = committee_id("South Quality Committee")
ASSEMBLY = committee_id("Clinical Assembly")
VOICE = committee_id("Public Voice Group")
CRISIS = committee_id("Crisis Group")


def _plan() -> Plan:
    """Three boards, a joint ICP, two quality committees in common, an assembly that advises."""
    return (
        PlanBuilder()
        .committee("North ICB Board", tier="system")
        .committee("South ICB Board", tier="system")
        .committee("County Health and Wellbeing Board", tier="system")
        .committee("Integrated Care Partnership", tier="programme", reports_to="North ICB Board")
        .committee("Mental Health Board", tier="programme", reports_to="North ICB Board")
        .committee("North Quality Committee", tier="programme", reports_to="North ICB Board")
        .committee("South Quality Committee", tier="programme", reports_to="South ICB Board")
        .committee("Clinical Assembly", tier="programme")
        .committee("Public Voice Group", tier="programme")
        .committee("Crisis Group", tier="neighbourhood", reports_to="Mental Health Board")
        .build()
    )


def _set_lines(plan: Plan, committee: str, *lines: tuple[str, LineKind]) -> None:
    found = plan.committee(committee)
    assert found is not None
    found.lines = [Line(to_id=to, kind=kind) for to, kind in lines]


def _by_pair(layout: Layout) -> dict[tuple[str, str], Connector]:
    return {(c.from_id, c.to_id): c for c in layout.connectors}


ACC, ADV = LineKind.ACCOUNTABLE, LineKind.ADVISES


def test_a_joint_committee_accountable_to_two_boards_hangs_under_the_first() -> None:
    plan = _plan()
    before = layout_plan(plan).boxes
    _set_lines(plan, ICP, (A_BOARD, ACC), (COUNCIL, ACC))
    layout = layout_plan(plan)
    assert layout.boxes == before  # the second accountable line moves nothing
    lines = _by_pair(layout)
    first, second = lines[(ICP, A_BOARD)], lines[(ICP, COUNCIL)]
    assert (first.kind, first.shape, first.irregular) == (ACC, "elbow", False)
    assert (second.kind, second.shape, second.irregular) == (ACC, "curve", False)
    board = layout.boxes[COUNCIL]
    assert second.points[-1][1] == board.y + layout.sizes.box_height  # into its bottom edge


def test_the_order_of_accountable_lines_decides_which_board_a_committee_hangs_under() -> None:
    plan = _plan()
    _set_lines(plan, ICP, (COUNCIL, ACC), (A_BOARD, ACC))
    lines = _by_pair(layout_plan(plan))
    assert lines[(ICP, COUNCIL)].shape == "elbow"
    assert lines[(ICP, A_BOARD)].shape == "curve"


def test_a_line_to_a_lower_level_is_skipped_for_the_next_that_can_carry_the_committee() -> None:
    plan = _plan()
    _set_lines(plan, MH, (CRISIS, ACC), (A_BOARD, ACC))
    layout = layout_plan(plan)
    lines = _by_pair(layout)
    assert (lines[(MH, CRISIS)].shape, lines[(MH, CRISIS)].irregular) == ("curve", True)
    assert (lines[(MH, A_BOARD)].shape, lines[(MH, A_BOARD)].irregular) == ("elbow", False)


def test_advisory_lines_never_change_the_layout_and_may_loop() -> None:
    plan = _plan()
    before = layout_plan(plan)
    # The assembly advises the board and the voice group; the voice group advises the
    # assembly back (a loop); the crisis group advises the north board across two bands.
    _set_lines(plan, ASSEMBLY, (A_BOARD, ADV), (VOICE, ADV))
    _set_lines(plan, VOICE, (ASSEMBLY, ADV))
    crisis = plan.committee(CRISIS)
    assert crisis is not None
    crisis.lines.append(Line(to_id=QA, kind=ADV))
    after = layout_plan(plan)
    assert after.boxes == before.boxes
    assert after.frames == before.frames
    advice = [c for c in after.connectors if c.kind is ADV]
    assert {(c.from_id, c.to_id) for c in advice} == {
        (ASSEMBLY, A_BOARD),
        (ASSEMBLY, VOICE),
        (VOICE, ASSEMBLY),
        (CRISIS, QA),
    }
    assert all(c.shape == "curve" and not c.irregular for c in advice)
    there, back = _by_pair(after)[(ASSEMBLY, VOICE)], _by_pair(after)[(VOICE, ASSEMBLY)]
    assert there.points != tuple(reversed(back.points))  # two curves, not one drawn twice


def test_an_accountable_loop_is_irregular_but_an_advisory_loop_is_not() -> None:
    plan = _plan()
    _set_lines(plan, ASSEMBLY, (VOICE, ACC))
    _set_lines(plan, VOICE, (ASSEMBLY, ACC))
    _set_lines(plan, COUNCIL, (A_BOARD, ADV))
    _set_lines(plan, A_BOARD, (COUNCIL, ADV))
    layout = layout_plan(plan)
    lines = _by_pair(layout)
    assert lines[(ASSEMBLY, VOICE)].irregular
    assert lines[(VOICE, ASSEMBLY)].irregular
    assert not lines[(COUNCIL, A_BOARD)].irregular
    assert not lines[(A_BOARD, COUNCIL)].irregular
    assert not lines[(MH, A_BOARD)].irregular
    assert set(layout.boxes) == {c.id for c in plan.committees}


def test_a_committee_that_only_advises_is_not_hung_under_the_one_it_advises() -> None:
    plan = _plan()
    _set_lines(plan, ASSEMBLY, (MH, ADV))
    assert layout_plan(plan).boxes == layout_plan(_plan()).boxes


def _grouped(plan: Plan) -> InCommonGroup:
    group = InCommonGroup(id="grp_quality", name="Quality Committees in Common")
    plan.groups.append(group)
    for cid in (QA, QB):
        found = plan.committee(cid)
        assert found is not None
        found.group_id = group.id
    return group


def test_committees_in_common_sit_side_by_side_inside_one_named_frame() -> None:
    plan = _plan()
    group = _grouped(plan)
    layout = layout_plan(plan)
    (frame,) = layout.frames
    assert (frame.group_id, frame.name, frame.committee_ids) == (group.id, group.name, (QA, QB))
    qa, qb = layout.boxes[QA], layout.boxes[QB]
    assert qa.y == qb.y
    assert qb.x - qa.x == BOX_WIDTH + GROUP_GAP
    sizes = layout.sizes
    for box in layout.boxes.values():
        inside = (
            frame.x <= box.x
            and box.x + sizes.box_width <= frame.x + frame.width
            and frame.y <= box.y
            and box.y + sizes.box_height <= frame.y + frame.height
        )
        overlaps = (
            box.band == frame.band
            and box.x < frame.x + frame.width
            and frame.x < box.x + sizes.box_width
        )
        assert inside == (box.committee_id in (QA, QB))
        assert overlaps == inside
    assert frame.y >= sizes.band_top(frame.band)
    assert frame.y + frame.height <= sizes.band_top(frame.band) + sizes.band_height
    # Each still has its own accountable line to its own board.
    lines = _by_pair(layout)
    assert lines[(QA, A_BOARD)].kind is ACC
    assert lines[(QB, B_BOARD)].kind is ACC


def test_a_group_across_two_bands_gets_a_frame_on_each_and_an_unknown_group_none() -> None:
    plan = _plan()
    group = _grouped(plan)
    crisis = plan.committee(CRISIS)
    assert crisis is not None
    crisis.group_id = group.id
    voice = plan.committee(VOICE)
    assert voice is not None
    voice.group_id = "grp_gone"
    frames = layout_plan(plan).frames
    assert [(f.band, f.committee_ids) for f in frames] == [(1, (QA, QB)), (2, (CRISIS,))]


def test_lines_into_different_committees_of_a_band_cross_at_different_heights() -> None:
    plan = _plan()
    _set_lines(plan, ASSEMBLY, (B_BOARD, ACC))  # two under the south board: its line bends
    lines = _by_pair(layout_plan(plan))
    into_north = [lines[(cid, A_BOARD)] for cid in (ICP, MH, QA)]
    south = lines[(QB, B_BOARD)]
    assert {c.shape for c in [*into_north, south, lines[(ASSEMBLY, B_BOARD)]]} == {"elbow"}
    buses = {c.points[1][1] for c in into_north if len(c.points) == 4}  # bent ones
    assert len(buses) == 1  # one bus into each committee
    assert len(south.points) == 4
    assert south.points[1][1] not in buses


def test_a_line_to_itself_or_to_a_committee_left_out_is_not_drawn() -> None:
    plan = _plan()
    _set_lines(plan, VOICE, (VOICE, ADV), ("com_gone", ACC))
    plan.committees.append(Committee(id="com_lost", name="Lost", tier_id="tier_gone"))
    _set_lines(plan, ASSEMBLY, ("com_lost", ACC))
    layout = layout_plan(plan)
    assert not [c for c in layout.connectors if VOICE in (c.from_id, c.to_id)]
    assert not [c for c in layout.connectors if c.from_id == ASSEMBLY]
