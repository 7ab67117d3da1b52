"""The diagram and the keyboard: Tab passes through it, and focus is visible while it has it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from govplanner.domain.document import PlanDocument
from govplanner.gui.diagram import DiagramView
from tests.gui.diagram.test_cards import FakeLive, cluster_plan


@pytest.fixture
def page(qtbot: QtBot) -> tuple[QWidget, QLineEdit, DiagramView, QLineEdit]:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    before, after = QLineEdit(), QLineEdit()
    view = DiagramView(PlanDocument(cluster_plan()), FakeLive())
    for child in (before, view, after):
        layout.addWidget(child)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, before, view, after


def test_tab_and_shift_tab_leave_the_diagram(
    qtbot: QtBot, page: tuple[QWidget, QLineEdit, DiagramView, QLineEdit]
) -> None:
    _, before, view, after = page
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert after.hasFocus()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert before.hasFocus()


def _corner(view: DiagramView) -> QColor:
    return view.viewport().grab().toImage().pixelColor(1, 1)


def test_the_view_shows_a_focus_frame_only_while_focused(
    qtbot: QtBot, page: tuple[QWidget, QLineEdit, DiagramView, QLineEdit], tmp_path: Path
) -> None:
    _, before, view, _ = page
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert _corner(view) == highlight
    view.export_png(tmp_path / "focused.png")
    assert QImage(str(tmp_path / "focused.png")).pixelColor(1, 1) == QColor("white")
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    assert _corner(view) != highlight
