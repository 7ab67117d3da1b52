"""The diagram view mirrors the document and the analysis, and never changes the plan."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPalette, QWheelEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import Level, Severity, SubjectKind
from govplanner.domain.model import Committee, Line, Plan, Role, Seat, Tier
from govplanner.domain.presets import new_plan
from govplanner.gui.diagram import DiagramView
from govplanner.gui.diagram.items import BandItem, CommitteeBox
from govplanner.gui.live_analysis import LiveAnalysis
from tests.builders import committee_id, tier_id

BOARD = committee_id("ICB Board")
QUALITY = committee_id("Quality Committee")
MH = committee_id("Mental Health Board")
CRISIS = committee_id("Crisis Group")


class FakeLive(QObject):
    """Stands in for LiveAnalysis: an ``updated`` signal and an ``analysis`` property."""

    updated = Signal(object)

    def __init__(self, analysis: Analysis | None = None) -> None:
        super().__init__()
        self.analysis = analysis

    def publish(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        self.updated.emit(analysis)


def finding(subject_id: str, severity: Severity, *, accepted: bool = False) -> Finding:
    return Finding(
        code="GAP001",
        severity=severity,
        subject_kind=SubjectKind.COMMITTEE,
        subject_id=subject_id,
        subject=subject_id,
        function=None,
        stage_id=None,
        stage=None,
        tier_id=None,
        tier=None,
        message=f"Something about {subject_id}.",
        remedy="Fix it.",
        accepted=accepted,
    )


def analysis_of(*findings: Finding) -> Analysis:
    return Analysis(findings=findings, coverage=(), coverage_by_stage=())


@pytest.fixture
def live(qapp: object) -> FakeLive:
    return FakeLive()


@pytest.fixture
def view(qtbot: QtBot, document: PlanDocument, live: FakeLive) -> DiagramView:
    widget = DiagramView(document, live)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def box(view: DiagramView, cid: str) -> CommitteeBox:
    return view.diagram.boxes[cid]


def click(qtbot: QtBot, view: DiagramView, cid: str) -> None:
    point = view.mapFromScene(box(view, cid).sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_every_committee_has_a_box_with_its_details(view: DiagramView) -> None:
    assert set(view.diagram.boxes) == {BOARD, QUALITY, MH, CRISIS}
    mh = box(view, MH)
    assert (mh.name, mh.programme, mh.tier) == ("Mental Health Board", "Mental health", "Programme")
    assert (box(view, BOARD).seats, box(view, BOARD).vacant) == (1, 0)
    assert box(view, CRISIS).seats_text == "1 seat · 1 vacant"
    bands = [i for i in view.diagram.items() if isinstance(i, BandItem)]
    assert sorted((b.band.index, b.band.name) for b in bands) == [
        (0, "System"),
        (1, "Programme"),
        (2, "Neighbourhood"),
    ]


def test_the_scene_follows_added_renamed_and_removed_committees(
    qtbot: QtBot, view: DiagramView, document: PlanDocument
) -> None:
    new = Committee(name="Frailty Group", tier_id=tier_id("neighbourhood"), lines=[Line(to_id=MH)])
    document.insert("committee", new)
    qtbot.waitUntil(lambda: new.id in view.diagram.boxes)  # coalesced to the next event turn
    assert view.diagram.layout.boxes[new.id].band == 2
    document.update("committee", new.id, name="Frailty Pathway Group", programme_area="Ageing")
    view.sync()
    assert (box(view, new.id).name, box(view, new.id).programme) == (
        "Frailty Pathway Group",
        "Ageing",
    )
    document.remove("committee", new.id)
    view.sync()
    assert new.id not in view.diagram.boxes


def test_seats_follow_roles_and_a_move_relayouts(view: DiagramView, document: PlanDocument) -> None:
    document.insert(
        "role", Role(title="Nurse Lead", seats=[Seat(committee_id=MH), Seat(committee_id=CRISIS)])
    )
    view.sync()
    assert (box(view, MH).seats, box(view, MH).vacant) == (2, 1)
    document.update("committee", CRISIS, tier_id=tier_id("programme"))
    view.sync()
    assert view.diagram.layout.boxes[CRISIS].band == 1
    assert (box(view, CRISIS).seats, box(view, CRISIS).vacant) == (2, 2)


def test_boxes_take_the_colour_and_badge_of_their_worst_open_finding(
    view: DiagramView, live: FakeLive
) -> None:
    assert {b.status for b in view.diagram.boxes.values()} == {"unknown"}
    assert box(view, BOARD).summary().endswith("Not checked")
    live.publish(
        analysis_of(
            finding(BOARD, Severity.WARNING),
            finding(BOARD, Severity.CRITICAL),
            finding(BOARD, Severity.CRITICAL),
            finding(MH, Severity.INFO),
            finding(QUALITY, Severity.CRITICAL, accepted=True),
        )
    )
    statuses = {cid: (b.status, b.count) for cid, b in view.diagram.boxes.items()}
    assert statuses == {
        BOARD: (Severity.CRITICAL, 2),
        MH: (Severity.INFO, 1),
        QUALITY: ("ok", 0),
        CRISIS: ("ok", 0),
    }
    theme = view.diagram.theme
    assert theme.status_colour(Severity.CRITICAL) != theme.status_colour("ok")
    assert "2 critical" in box(view, BOARD).summary()
    assert "No issues" in box(view, QUALITY).summary()
    assert "Something about" in view.diagram.tooltip_for(box(view, BOARD))
    assert "2 with critical findings" not in view.accessibleDescription()
    assert "1 with critical findings" in view.accessibleDescription()


def test_a_rebuild_keeps_colours_and_selection(
    view: DiagramView, live: FakeLive, document: PlanDocument
) -> None:
    live.publish(analysis_of(finding(CRISIS, Severity.WARNING)))
    view.select_committee(CRISIS)
    document.update("committee", CRISIS, lines=[Line(to_id=BOARD)])
    view.sync()
    assert box(view, CRISIS).status is Severity.WARNING
    assert view.selected_committee_id() == CRISIS


def test_clicking_a_box_selects_and_activates_it(qtbot: QtBot, view: DiagramView) -> None:
    with qtbot.waitSignal(view.committee_activated) as signal:
        click(qtbot, view, MH)
    assert signal.args == [MH]
    assert view.selected_committee_id() == MH
    assert "Selected: Mental Health Board" in view.accessibleDescription()


def test_arrow_keys_move_between_boxes_and_enter_activates(
    qtbot: QtBot, view: DiagramView, document: PlanDocument
) -> None:
    document.insert("tier", Tier(name="Place", level=Level.THEMATIC), 2)
    view.sync()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_committee_id() == BOARD  # nothing selected: the first box
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_committee_id() == QUALITY
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_committee_id() == MH
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_committee_id() == CRISIS  # the empty Place band is skipped
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_committee_id() == MH
    with qtbot.waitSignal(view.committee_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [MH]


def test_select_committee_centres_it(view: DiagramView) -> None:
    view.zoom_by(3)
    assert view.select_committee(CRISIS)
    assert view.selected_committee_id() == CRISIS
    centre = view.mapToScene(view.viewport().rect().center())
    assert box(view, CRISIS).sceneBoundingRect().adjusted(-5, -5, 5, 5).contains(centre)
    assert not view.select_committee("com_missing")


def test_zoom_keys_and_fit(qtbot: QtBot, view: DiagramView) -> None:
    view.reset_zoom()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(0.8)
    view.zoom_by(4)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(view.sceneRect())


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(qtbot: QtBot, view: DiagramView) -> None:
    view.reset_zoom()

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(
            centre,
            view.viewport().mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        view.wheelEvent(event)

    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.zoom == pytest.approx(1.0)
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.25)


def test_the_view_never_changes_the_document(
    qtbot: QtBot, view: DiagramView, document: PlanDocument, live: FakeLive, tmp_path: Path
) -> None:
    before = document.plan.model_dump()
    revision = document.revision
    live.publish(analysis_of(finding(BOARD, Severity.CRITICAL)))
    click(qtbot, view, BOARD)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Delete):
        qtbot.keyClick(view, key)
    start = view.mapFromScene(box(view, MH).sceneBoundingRect().center())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(150, 90))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(150, 90))
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.zoom_to_fit()
    view.export_png(tmp_path / "d.png")
    view.export_svg(tmp_path / "d.svg")
    assert document.plan.model_dump() == before
    assert document.revision == revision


def test_export_png_writes_the_whole_scene(view: DiagramView, tmp_path: Path) -> None:
    target = tmp_path / "diagram.png"
    view.export_png(target)
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage(str(target))
    assert image.width() == round(view.sceneRect().width() * 2)
    assert image.height() == round(view.sceneRect().height() * 2)
    assert image.pixelColor(2, 2) == QColor("white")
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3  # boxes, bands and text were drawn, not a blank sheet


def test_export_svg_is_valid_svg_with_the_committee_names(
    view: DiagramView, tmp_path: Path
) -> None:
    target = tmp_path / "diagram.svg"
    view.export_svg(target)
    root = ET.parse(target).getroot()
    assert root.tag.endswith("svg")
    text = target.read_text(encoding="utf-8")
    assert "Mental Health Board" in text
    assert "Neighbourhood" in text


def test_the_diagram_follows_a_dark_palette_but_exports_light(
    view: DiagramView, tmp_path: Path
) -> None:
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    view.setPalette(palette)
    assert view.diagram.theme.dark
    view.export_png(tmp_path / "d.png")
    assert QImage(str(tmp_path / "d.png")).pixelColor(2, 2) == QColor("white")
    assert view.diagram.theme.dark


def test_accessible_name_and_description(view: DiagramView) -> None:
    assert view.accessibleName() == "Governance diagram"
    assert view.accessibleDescription().startswith("4 committees in 3 tiers.")


def test_a_large_plan_builds_every_box(qtbot: QtBot, live: FakeLive, tmp_path: Path) -> None:
    plan = new_plan("ics")
    system, programme, _, neighbourhood = (t.id for t in plan.tiers)
    for s in range(42):
        board = Committee(name=f"Board {s}", tier_id=system)
        plan.committees.append(board)
        programmes = [
            Committee(name=f"Programme {s}.{p}", tier_id=programme, lines=[Line(to_id=board.id)])
            for p in range(9)
        ]
        plan.committees += programmes
        plan.committees += [
            Committee(
                name=f"Group {s}.{k}",
                tier_id=neighbourhood,
                lines=[Line(to_id=programmes[k % 9].id)],
            )
            for k in range(90)
        ]
    view = DiagramView(PlanDocument(plan), live)
    qtbot.addWidget(view)
    view.show()
    assert len(view.diagram.boxes) == 4200
    view.zoom_to_fit()
    assert not view.grab().isNull()
    view.export_png(tmp_path / "big.png")
    assert QImage(str(tmp_path / "big.png")).width() <= 16_000


def test_with_the_real_live_analysis_boxes_wait_for_it_then_show_findings(
    qtbot: QtBot, document: PlanDocument
) -> None:
    live_analysis = LiveAnalysis(document)
    view = DiagramView(document, live_analysis)
    qtbot.addWidget(view)
    assert box(view, CRISIS).status == "unknown"  # nothing analysed yet: not "No issues"
    live_analysis.refresh()
    assert box(view, CRISIS).status == "unknown"  # hidden: the cards wait until shown
    assert view.is_behind()
    view.show()
    assert not view.is_behind()
    worst = {
        f.severity
        for f in live_analysis.analysis.open_findings
        if f.subject_kind is SubjectKind.COMMITTEE and f.subject_id == CRISIS
    }
    assert worst  # the crisis group's only provider is vacant
    assert box(view, CRISIS).status == min(worst, key=lambda s: s.rank)
    live_analysis.detach()


def test_zoom_and_export_actions_for_menus(view: DiagramView) -> None:
    texts = [a.text() for a in view.diagram_actions()]
    assert texts == [
        "Zoom &in",
        "Zoom &out",
        "&Fit whole diagram",
        "&Actual size",
        "Export diagram as &PNG…",
        "Export diagram as &SVG…",
    ]
    view.reset_zoom()
    view.zoom_in_action.trigger()
    assert view.zoom == pytest.approx(1.25)
    view.actual_size_action.trigger()
    assert view.zoom == pytest.approx(1.0)


def test_ask_export_adds_the_extension_and_writes(
    view: DiagramView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "board"), "")
    )
    written = view.ask_export("svg")
    assert written == tmp_path / "board.svg"
    assert ET.parse(written).getroot().tag.endswith("svg")


def test_ask_export_reports_a_failure_and_keeps_going(
    view: DiagramView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    missing = tmp_path / "no such folder" / "d.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert view.ask_export("png") is None
    assert shown
    assert shown[0].startswith("The diagram was not exported.")
    assert not missing.exists()


def test_tier_changes_and_a_new_plan_rebuild_the_bands(
    view: DiagramView, document: PlanDocument, live: FakeLive
) -> None:
    live.publish(analysis_of())
    document.update("tier", tier_id("programme"), name="Programmes")
    view.sync()
    names = sorted(
        (b.band.index, b.band.name) for b in view.diagram.items() if isinstance(b, BandItem)
    )
    assert names[1] == (1, "Programmes")
    assert box(view, MH).tier == "Programmes"
    assert box(view, MH).status == "ok"
    document.reset(new_plan("partnership"))
    view.sync()
    assert view.diagram.boxes == {}
    assert [b.name for b in view.diagram.layout.bands] == ["Executive", "Thematic", "Project"]
    document.insert("committee", Committee(name="Board", tier_id=document.plan.tiers[0].id))
    view.sync()
    assert {b.status for b in view.diagram.boxes.values()} == {"unknown"}  # until analysed


def test_an_empty_plan_draws_and_exports(qtbot: QtBot, live: FakeLive, tmp_path: Path) -> None:
    view = DiagramView(PlanDocument(Plan()), live)
    qtbot.addWidget(view)
    view.show()
    assert view.diagram.boxes == {}
    assert view.accessibleDescription().startswith("0 committees in 0 tiers.")
    qtbot.keyClick(view, Qt.Key.Key_Down)  # nothing to select: no error
    assert view.selected_committee_id() is None
    view.export_png(tmp_path / "empty.png")
    view.export_svg(tmp_path / "empty.svg")
    assert not QImage(str(tmp_path / "empty.png")).isNull()
