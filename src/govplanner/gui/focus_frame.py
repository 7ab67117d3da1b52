"""A visible focus frame on the widgets whose style draws none when they have the keyboard
focus: Qt's Fusion style (Linux) shows no focus on a drop-down list or a tab bar, so a
keyboard user tabbing through Plan settings' requirement boxes could not see where they were.

One :class:`QFocusFrame` follows the focus onto such widgets and hides elsewhere (a text box,
a table or a button already shows its own focus).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QApplication, QComboBox, QFocusFrame, QTabBar, QWidget

#: the widgets that get the frame (editable drop-downs show a text cursor, so they are left)
FRAMED = (QComboBox, QTabBar)


def needs_frame(widget: QWidget | None) -> bool:
    if isinstance(widget, QComboBox):
        return not widget.isEditable()
    return isinstance(widget, FRAMED)


class FocusFrames:
    """Moves one focus frame per window onto the focused widget when it needs one."""

    def __init__(self, app: QApplication) -> None:
        self.frames: dict[int, QFocusFrame] = {}
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        for shown in list(self.frames.values()):
            shown.setWidget(cast(QWidget, None))  # Qt detaches on None; its stubs omit that
        if new is None or not needs_frame(new):
            return
        key = id(new.window())
        frame = self.frames.get(key)
        if frame is None:
            frame = self.frames[key] = QFocusFrame(new.window())
            frame.destroyed.connect(lambda *_a: self.frames.pop(key, None))
        frame.setWidget(new)
        frame.show()


_INSTALLED: list[FocusFrames] = []  # kept alive as long as the app


def install(app: QApplication) -> FocusFrames:
    """Start following the focus (once per application)."""
    if not _INSTALLED:
        _INSTALLED.append(FocusFrames(app))
    return _INSTALLED[0]
