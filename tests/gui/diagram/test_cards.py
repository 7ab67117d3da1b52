"""Schema 3 in the diagram view: cards say kind and bodies, lines show their kind, groups are
framed, a legend explains it all, text is readable, and everything follows the document."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import CommitteeKind, LineKind, OrganisationType, Severity, SubjectKind
from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Line,
    Organisation,
    Plan,
    Role,
    Seat,
)
from govplanner.gui.diagram import DiagramView
from govplanner.gui.diagram.connectors import ConnectorItem
from govplanner.gui.diagram.frames import GroupFrameItem
from govplanner.gui.diagram.items import CommitteeBox, card_height
from govplanner.gui.diagram.layout import Sizes
from govplanner.gui.diagram.legend import LegendItem
from govplanner.gui.live_analysis import LiveAnalysis
from tests.builders import PlanBuilder, committee_id

BOARD_A = committee_id("North ICB Board")
BOARD_B = committee_id("South ICB Board")
HWB = committee_id("County Health and Wellbeing Board")
AUDIT = committee_id("North Audit Committee")
ICP = committee_id("Integrated Care Partnership")
QA = committee_id("North Quality Committee")
QB = committee_id("South Quality Committee")
ASSEMBLY = committee_id("Clinical and Care Professional Assembly")
VOICE = committee_id("Public Voice Advisory Group")
CRISIS = committee_id("Crisis Group")
LONG_NAME = (
    "Mental Health, Learning Disability and Autism Programme Board for the North and South "
    "Integrated Care Systems"
)


class FakeLive(QObject):
    updated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.analysis: Analysis | None = None

    def publish(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        self.updated.emit(analysis)


def cluster_plan() -> Plan:
    """Two ICBs in a cluster: boards, a joint ICP, quality committees in common, an assurance
    committee, an assembly that advises, an advisory loop, and one very long name."""
    plan = (
        PlanBuilder()
        .committee("North ICB Board", tier="system")
        .committee("South ICB Board", tier="system")
        .committee("County Health and Wellbeing Board", tier="system")
        .committee("North Audit Committee", tier="system", reports_to="North ICB Board")
        .committee("Integrated Care Partnership", tier="system", reports_to="North ICB Board")
        .committee("North Quality Committee", tier="programme", reports_to="North ICB Board")
        .committee("South Quality Committee", tier="programme", reports_to="South ICB Board")
        .committee(LONG_NAME, tier="programme", reports_to="North ICB Board")
        .committee("Clinical and Care Professional Assembly", tier="programme")
        .committee("Public Voice Advisory Group", tier="programme")
        .committee("Crisis Group", tier="neighbourhood", reports_to=LONG_NAME)
        .role("Medical Director", on=["North ICB Board"], holder="Dr Ada")
        .build()
    )
    north = Organisation(id="org_north", name="North ICB", type=OrganisationType.ICB)
    south = Organisation(id="org_south", name="South ICB", type=OrganisationType.ICB)
    county = Organisation(
        id="org_county", name="County Council", type=OrganisationType.LOCAL_AUTHORITY
    )
    plan.organisations = [north, south, county]
    plan.groups = [InCommonGroup(id="grp_quality", name="Quality Committees in Common")]
    by_id = {c.id: c for c in plan.committees}
    for cid, org in ((BOARD_A, north), (BOARD_B, south), (HWB, county), (AUDIT, north)):
        by_id[cid].organisation_ids = [org.id]
    by_id[AUDIT].kind = CommitteeKind.ASSURANCE
    by_id[ICP].organisation_ids = [north.id, county.id]
    by_id[ICP].lines.append(Line(to_id=HWB))
    for cid, org in ((QA, north), (QB, south)):
        by_id[cid].organisation_ids = [org.id]
        by_id[cid].group_id = "grp_quality"
        by_id[cid].kind = CommitteeKind.ASSURANCE
    by_id[ASSEMBLY].kind = CommitteeKind.CLINICAL_FORUM
    by_id[ASSEMBLY].lines = [
        Line(to_id=BOARD_A, kind=LineKind.ADVISES),
        Line(to_id=VOICE, kind=LineKind.ADVISES),
    ]
    by_id[VOICE].kind = CommitteeKind.ADVISORY
    by_id[VOICE].lines = [Line(to_id=ASSEMBLY, kind=LineKind.ADVISES)]
    by_id[CRISIS].lines.append(Line(to_id=QA, kind=LineKind.ADVISES))
    return plan


@pytest.fixture
def live(qapp: object) -> FakeLive:
    return FakeLive()


@pytest.fixture
def cluster() -> PlanDocument:
    return PlanDocument(cluster_plan())


@pytest.fixture
def view(qtbot: QtBot, cluster: PlanDocument, live: FakeLive) -> DiagramView:
    widget = DiagramView(cluster, live)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def box(view: DiagramView, cid: str) -> CommitteeBox:
    return view.diagram.boxes[cid]


def lines(view: DiagramView) -> dict[tuple[str, str], ConnectorItem]:
    return {(c.connector.from_id, c.connector.to_id): c for c in view.diagram.connectors}


# -- cards --------------------------------------------------------------------------------------


def test_cards_say_their_kind_and_bodies_in_words(view: DiagramView) -> None:
    assert box(view, AUDIT).card.caption == "Assurance"
    assert box(view, ASSEMBLY).card.caption == "Clinical forum"
    assert box(view, VOICE).card.caption == "Advisory"
    assert box(view, BOARD_A).card.caption == "Decision-making"
    assert box(view, AUDIT).card.bodies_text == "North ICB"
    assert box(view, ICP).card.bodies_text == "Joint: North ICB, County Council"
    assert box(view, VOICE).card.bodies_text == ""  # no body recorded: nothing said
    summary = view.diagram.tooltip_for(box(view, ICP))
    assert "joint committee of North ICB and County Council" in summary
    assert "accountable to North ICB Board and County Health and Wellbeing Board" in summary
    quality = view.diagram.tooltip_for(box(view, QA))
    assert "assurance committee" in quality
    assert "meets in common as Quality Committees in Common" in quality
    assembly = view.diagram.tooltip_for(box(view, ASSEMBLY))
    assert "advises North ICB Board and Public Voice Advisory Group" in assembly
    assert "(Programme tier), clinical forum," in assembly


def test_a_long_name_takes_two_lines_and_the_tooltip_has_it_in_full(view: DiagramView) -> None:
    card = box(view, committee_id(LONG_NAME))
    drawn = card.name_lines(view.diagram.title_font)
    assert len(drawn) == 2
    assert drawn[-1].endswith("…")
    assert " ".join(drawn) != LONG_NAME
    metrics = QFontMetricsF(view.diagram.title_font)
    assert all(metrics.horizontalAdvance(line) <= card.width for line in drawn)
    assert LONG_NAME in view.diagram.tooltip_for(card)
    short = box(view, CRISIS).name_lines(view.diagram.title_font)
    assert short == ["Crisis Group"]


def test_text_is_at_least_the_apps_body_size_and_cards_are_tall_enough(
    view: DiagramView,
) -> None:
    app_size = QApplication.font().pointSizeF()
    scene = view.diagram
    for font in (scene.body_font, scene.badge_font):
        assert font.pointSizeF() >= app_size
    assert scene.title_font.pointSizeF() > scene.body_font.pointSizeF()
    needed = card_height(scene.title_font, scene.body_font, scene.badge_font)
    assert box(view, AUDIT).height >= needed


def test_a_larger_app_font_gives_larger_cards(qtbot: QtBot, live: FakeLive) -> None:
    view = DiagramView(PlanDocument(cluster_plan()), live)
    qtbot.addWidget(view)
    before = view.diagram.layout.sizes
    big = QFont(view.font())
    big.setPointSizeF(20)
    view.setFont(big)
    view.sync()
    after = view.diagram.layout.sizes
    assert view.diagram.body_font.pointSizeF() == 20
    assert after.box_width > before.box_width
    assert after.box_height > before.box_height
    assert box(view, AUDIT).height == after.box_height
    needed = card_height(view.diagram.title_font, view.diagram.body_font, view.diagram.badge_font)
    assert after.box_height >= needed
    assert Sizes().box_width <= before.box_width


# -- badges ------------------------------------------------------------------------------------


def test_badges_come_from_open_findings_only(view: DiagramView, live: FakeLive) -> None:
    # An assurance committee with no clinician: the analysis raises nothing there by kind,
    # and the card must not invent a red badge of its own.
    finding = Finding(
        code="CLN001",
        severity=Severity.CRITICAL,
        subject_kind=SubjectKind.COMMITTEE,
        subject_id=ICP,
        subject="Integrated Care Partnership",
        function=None,
        stage_id=None,
        stage=None,
        tier_id=None,
        tier=None,
        message="No clinical or care professional sits on it.",
        remedy="Seat one.",
    )
    live.publish(Analysis(findings=(finding,), coverage=(), coverage_by_stage=()))
    assert box(view, AUDIT).status == "ok"
    assert "No issues" in box(view, AUDIT).summary()
    assert box(view, ICP).status is Severity.CRITICAL


# -- lines, frames and legend ------------------------------------------------------------------


def test_advisory_lines_are_dashed_and_accountable_lines_solid(view: DiagramView) -> None:
    theme = view.diagram.theme
    drawn = lines(view)
    advice = [c for c in drawn.values() if c.connector.kind is LineKind.ADVISES]
    assert {(c.connector.from_id, c.connector.to_id) for c in advice} == {
        (ASSEMBLY, BOARD_A),
        (ASSEMBLY, VOICE),
        (VOICE, ASSEMBLY),
        (CRISIS, QA),
    }
    for item in advice:
        assert item.pen(theme).style() == Qt.PenStyle.DashLine
        assert item.pen(theme).color() == theme.advisory
    for key in ((ICP, BOARD_A), (ICP, HWB), (QA, BOARD_A), (AUDIT, BOARD_A)):
        pen = drawn[key].pen(theme)
        assert pen.style() == Qt.PenStyle.SolidLine
        assert pen.color() == theme.line
    assert drawn[(ICP, HWB)].describe({ICP: "ICP", HWB: "HWB"}) == "ICP is accountable to HWB"
    assert drawn[(VOICE, ASSEMBLY)].describe({VOICE: "V", ASSEMBLY: "A"}) == "V advises A"
    tip = view.diagram.tooltip_for(drawn[(CRISIS, QA)])
    assert tip == "Crisis Group advises North Quality Committee"


def test_an_irregular_accountable_line_stays_solid_in_its_own_colour(
    view: DiagramView, cluster: PlanDocument
) -> None:
    cluster.update("committee", BOARD_B, lines=[Line(to_id=CRISIS)])  # to a lower level
    view.sync()
    item = lines(view)[(BOARD_B, CRISIS)]
    pen = item.pen(view.diagram.theme)
    assert item.connector.irregular
    assert pen.style() == Qt.PenStyle.SolidLine
    assert pen.color() == view.diagram.theme.irregular
    assert "lower level" in view.diagram.tooltip_for(item)


def test_committees_in_common_are_framed_with_the_groups_name(view: DiagramView) -> None:
    (frame,) = view.diagram.frames
    assert frame.title == "Quality Committees in Common"  # not "In common: ... in Common"
    assert frame.frame.committee_ids == (QA, QB)
    area = frame.sceneBoundingRect()
    framed = {cid for cid, b in view.diagram.boxes.items() if area.contains(b.sceneBoundingRect())}
    assert framed == {QA, QB}
    assert box(view, QA).sceneBoundingRect().top() == box(view, QB).sceneBoundingRect().top()
    text = view.diagram.tooltip_for(frame)
    assert "North Quality Committee and South Quality Committee" in text
    assert "each decides for its own body" in text


def test_the_legend_explains_lines_frames_and_badges_in_words(view: DiagramView) -> None:
    legends = [i for i in view.diagram.items() if isinstance(i, LegendItem)]
    assert legends == [view.diagram.legend]
    texts = " | ".join(legends[0].texts())
    for words in (
        "accountable to (solid)",
        "advises (dashed)",
        "accountable to a lower level, or in a loop",
        "committees in common",
        "Joint:",
        "worst open finding",
        "Critical",
        "Warning",
        "Information",
        "No issues",
        "Not checked yet",
    ):
        assert words in texts
    legend = legends[0].sceneBoundingRect()
    assert view.sceneRect().contains(legend)
    first_band = min(b.y for b in view.diagram.layout.bands)
    assert legend.bottom() < first_band


def test_the_legend_wraps_in_a_narrow_plan_and_stays_inside_the_scene(
    qtbot: QtBot, live: FakeLive
) -> None:
    view = DiagramView(PlanDocument(PlanBuilder().committee("Board", tier="system").build()), live)
    qtbot.addWidget(view)
    legend = view.diagram.legend
    assert legend is not None
    rows = {corner.y() for corner, _ in legend.placed}
    assert len(rows) > 2  # the lines section needed more than one row
    assert view.sceneRect().contains(legend.sceneBoundingRect())
    assert legend.sceneBoundingRect().bottom() < view.diagram.layout.bands[0].y


# -- following the document --------------------------------------------------------------------


def test_adding_a_line_draws_it_and_removing_it_takes_it_away(
    view: DiagramView, cluster: PlanDocument
) -> None:
    assert (CRISIS, BOARD_B) not in lines(view)
    crisis = cluster.plan.committee(CRISIS)
    assert crisis is not None
    before = list(crisis.lines)
    cluster.update("committee", CRISIS, lines=[*before, Line(to_id=BOARD_B)])
    view.sync()
    added = lines(view)[(CRISIS, BOARD_B)]
    assert added.connector.kind is LineKind.ACCOUNTABLE
    assert "accountable to" in view.diagram.tooltip_for(box(view, CRISIS))
    assert "South ICB Board" in view.diagram.tooltip_for(box(view, CRISIS))
    cluster.update("committee", CRISIS, lines=[Line(to_id=BOARD_B, kind=LineKind.ADVISES)])
    view.sync()
    now = lines(view)
    assert now[(CRISIS, BOARD_B)].connector.kind is LineKind.ADVISES
    assert not [key for key in now if key[0] == CRISIS and key[1] != BOARD_B]


def test_kind_bodies_groups_and_names_follow_edits(
    qtbot: QtBot, view: DiagramView, cluster: PlanDocument
) -> None:
    cluster.update("committee", VOICE, kind=CommitteeKind.ASSURANCE, organisation_ids=["org_south"])
    qtbot.waitUntil(lambda: box(view, VOICE).card.caption == "Assurance")
    assert box(view, VOICE).card.bodies_text == "South ICB"
    cluster.update("organisation", "org_south", name="South Vale ICB")
    view.sync()
    assert box(view, VOICE).card.bodies_text == "South Vale ICB"
    assert box(view, QB).card.bodies_text == "South Vale ICB"
    cluster.update("committee", BOARD_A, name="North Shire ICB Board")
    view.sync()
    assert "advises North Shire ICB Board" in view.diagram.tooltip_for(box(view, ASSEMBLY))
    cluster.insert("group", InCommonGroup(id="grp_voice", name="Voices in Common"))
    cluster.update("committee", VOICE, group_id="grp_voice")
    cluster.update("committee", ASSEMBLY, group_id="grp_voice")
    view.sync()
    frames = {f.frame.name: f.frame.committee_ids for f in view.diagram.frames}
    assert frames["Voices in Common"] == (ASSEMBLY, VOICE)
    cluster.update("group", "grp_voice", name="Voice and Assembly")
    view.sync()
    assert {f.frame.name for f in view.diagram.frames} == {
        "Quality Committees in Common",
        "Voice and Assembly",
    }
    cluster.update("committee", QB, group_id=None)
    view.sync()
    quality = next(f for f in view.diagram.frames if f.frame.group_id == "grp_quality")
    assert quality.frame.committee_ids == (QA,)


def test_the_view_never_changes_the_document(
    view: DiagramView, cluster: PlanDocument, tmp_path: Path
) -> None:
    before = cluster.plan.model_dump()
    view.zoom_to_fit()
    view.export_png(tmp_path / "d.png")
    view.export_svg(tmp_path / "d.svg")
    assert cluster.plan.model_dump() == before


# -- fitting -----------------------------------------------------------------------------------


def small_plan() -> Plan:
    """Few enough committees to fit a laptop window at a readable zoom."""
    return (
        PlanBuilder()
        .committee("Board", tier="system")
        .committee("Place", tier="place", reports_to="Board")
        .build()
    )


def test_the_diagram_fits_when_opened_and_keeps_fitting_until_zoomed(
    qtbot: QtBot, live: FakeLive
) -> None:
    view = DiagramView(PlanDocument(small_plan()), live)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)

    def whole_scene_visible() -> bool:
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        return visible.adjusted(-2, -2, 2, 2).contains(view.sceneRect())

    qtbot.waitUntil(whole_scene_visible)  # once its first build has settled
    assert view.zoom <= 1.0
    view.resize(900, 500)
    qtbot.waitUntil(whole_scene_visible)
    view.zoom_in()
    zoomed = view.zoom
    view.resize(1300, 800)
    assert view.zoom == pytest.approx(zoomed)  # the user's zoom is kept
    view.zoom_to_fit()
    assert whole_scene_visible()


def test_a_plan_opened_into_a_visible_view_is_fitted(qtbot: QtBot, live: FakeLive) -> None:
    document = PlanDocument(Plan())
    view = DiagramView(document, live)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_by(3)
    document.reset(small_plan())
    view.sync()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(view.sceneRect())


def test_a_plan_whose_fitted_text_would_be_too_small_opens_readable(
    qtbot: QtBot, live: FakeLive, cluster: PlanDocument
) -> None:
    view = DiagramView(cluster, live)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    assert view.zoom == pytest.approx(1.0)  # text at the body size, not a fitted thumbnail
    view.zoom_to_fit()
    assert view.zoom < 1.0  # Ctrl+0 still fits it


def test_a_plan_too_big_to_read_when_fitted_opens_at_actual_size(
    qtbot: QtBot, live: FakeLive
) -> None:
    plan = cluster_plan()
    tier = plan.committees[0].tier_id
    plan.committees += [Committee(name=f"Board {i}", tier_id=tier) for i in range(200)]
    view = DiagramView(PlanDocument(plan), live)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    assert view.zoom == pytest.approx(1.0)
    top_left = view.mapToScene(view.viewport().rect().topLeft())
    assert top_left.x() == pytest.approx(0, abs=2)
    assert top_left.y() == pytest.approx(0, abs=2)
    view.zoom_to_fit()  # Ctrl+0: the whole plan, however small, and it stays so
    fitted = view.zoom
    assert fitted < 0.5
    view.resize(1000, 620)  # as when fitting hides the scroll bars, or the window grows
    qtbot.wait(10)
    assert view.zoom < 0.5
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(view.sceneRect())


# -- export ------------------------------------------------------------------------------------


def test_the_exported_picture_shows_the_frame_and_the_advisory_colour(
    view: DiagramView, tmp_path: Path
) -> None:
    target = tmp_path / "cluster.png"
    view.export_png(target)
    image = QImage(str(target))
    theme = view.diagram.theme
    frame = view.diagram.frames[0].sceneBoundingRect()
    scale = image.width() / view.sceneRect().width()

    def near(a: QColor, b: QColor) -> bool:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 24

    y = round(frame.center().y() * scale)
    left = round(frame.left() * scale)
    edge = [image.pixelColor(x, y) for x in range(left, left + round(4 * scale))]
    assert any(near(colour, theme.group) for colour in edge)
    found = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert QColor(theme.advisory).name() in found
    assert isinstance(view.diagram.frames[0], GroupFrameItem)


def test_a_role_change_updates_seats_without_a_rebuild(
    view: DiagramView, cluster: PlanDocument
) -> None:
    legend = view.diagram.legend
    cluster.insert("role", Role(title="Nurse", seats=[Seat(committee_id=QA)]))
    view.sync()
    assert box(view, QA).seats_text == "1 seat · 1 vacant"
    assert view.diagram.legend is legend


def test_with_the_real_analysis_an_empty_assurance_committee_is_not_badged_critical(
    qtbot: QtBot, cluster: PlanDocument
) -> None:
    live_analysis = LiveAnalysis(cluster)
    view = DiagramView(cluster, live_analysis)
    qtbot.addWidget(view)
    live_analysis.refresh()
    view.sync()  # hidden, it would wait until shown
    # Neither has a clinician: the assurance committee needs none, the joint ICP does.
    assert box(view, AUDIT).status != Severity.CRITICAL
    assert box(view, ICP).status == Severity.CRITICAL
    assert "CLN001" in view.diagram.tooltip_for(box(view, ICP))
    assert "CLN001" not in view.diagram.tooltip_for(box(view, AUDIT))
    live_analysis.detach()


def test_a_long_programme_area_takes_the_bodies_row_when_there_are_no_bodies(
    view: DiagramView, cluster: PlanDocument
) -> None:
    area = "Urgent and emergency care; community services; rehabilitation"
    cluster.update("committee", VOICE, programme_area=area)
    cluster.update("committee", AUDIT, programme_area=area)
    view.sync()
    metrics = QFontMetricsF(view.diagram.body_font)
    voice, audit = box(view, VOICE), box(view, AUDIT)
    assert voice.caption_rows(metrics, 200) == ("Advisory", area)
    assert audit.caption_rows(metrics, 200) == (f"Assurance · {area}", "North ICB")
    assert voice.caption_rows(metrics, 10_000) == (f"Advisory · {area}", "")
