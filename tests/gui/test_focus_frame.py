"""A keyboard user sees where the focus is on drop-downs and tab bars too (issue 15)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTabBar, QVBoxLayout, QWidget

from govplanner.gui.focus_frame import FocusFrames, install, needs_frame


def test_the_frame_follows_the_focus_onto_drop_downs_and_tab_bars(qtbot: Any) -> None:
    app = QApplication.instance()
    frames = FocusFrames(app)  # type: ignore[arg-type]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    combo, text, tabs = QComboBox(), QLineEdit(), QTabBar()
    combo.addItems(["Essential", "Expected"])
    tabs.addTab("One")
    for widget in (combo, text, tabs):
        layout.addWidget(widget)
    frames.follow(None, combo)
    (frame,) = frames.frames.values()
    assert frame.widget() is combo
    assert frame.isVisibleTo(window)
    frames.follow(combo, text)  # a text box shows its own focus
    assert frame.widget() is None
    frames.follow(text, tabs)
    assert frame.widget() is tabs
    frames.follow(tabs, None)
    assert frame.widget() is None


def test_which_widgets_need_it_and_the_app_installs_it_once() -> None:
    editable = QComboBox()
    editable.setEditable(True)
    assert needs_frame(QComboBox())
    assert needs_frame(QTabBar())
    assert not needs_frame(editable)
    assert not needs_frame(QLineEdit())
    app = QApplication.instance()
    assert install(app) is install(app)  # type: ignore[arg-type]
