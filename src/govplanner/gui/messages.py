"""Problem messages that fit the screen and say what to do: long lists scroll with the buttons
in view, file paths inside a plan (``$.plan.roles[0]…``) go to a Details section, and a file
that is not a plan says what it is instead."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.errors import GovplannerError, PlanFileError

#: More lines than this and the message is a scrolling list, not a message box.
MAX_LINES = 12
#: A JSON path to a place inside a plan file, with the " at " that introduces it.
_JSON_PATH = re.compile(r"(?:\s+at)?\s+(\$(?:\.[\w-]+|\[[^\]]*\])+)")
_ZIP = b"PK\x03\x04"


def split_paths(text: str) -> tuple[str, list[str]]:
    """The text without the JSON paths in it, and those paths (for a Details section)."""
    paths = [m.group(1) for m in _JSON_PATH.finditer(text)]
    return _JSON_PATH.sub("", text), paths


def file_kind(path: str | Path) -> str:
    """'workbook' (an Excel or other zip file), 'json' (might be a plan), 'missing' or 'other'."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return "missing"
    if head.startswith(_ZIP):
        return "workbook"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "json" if text.startswith(b"{") or not text else "other"


def open_problem(path: str | Path, exc: GovplannerError) -> tuple[str, str, str]:
    """(what kind of file, the message, its details) for a file that would not open as a plan."""
    name = Path(path).name
    kind = file_kind(path)
    if kind == "workbook":
        text = (
            f"{name} is an Excel workbook, not a govplanner plan. To make a plan from a "
            "committee and role register, use File ▸ Import register…"
        )
        return kind, text, str(exc)
    if kind == "other":
        text = (
            f"{name} is not a govplanner plan. Plans are the .govplan files govplanner saves; "
            "choose one of those, or start a new plan with File ▸ New from preset…"
        )
        return kind, text, str(exc)
    if isinstance(exc, PlanFileError) and exc.where and exc.where.startswith("$"):
        return kind, f"{exc.path.name}: {exc.problem}", f"Where in the file: {exc.where}"
    text, paths = split_paths(str(exc))
    return kind, text, "\n".join(f"Where in the file: {p}" for p in paths)


class ProblemDialog(QDialog):
    """A heading, the problems in a list that scrolls, Details folded away, and buttons that
    always stay on screen."""

    def __init__(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        heading, problems = _heading_and_list(text)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName("Problems")
        self.problems.setWordWrap(True)
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Details")
        self.details.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.details_button = self._add_button("Show &details", self._toggle_details)
        self.details_button.setVisible(bool(details))
        self._add_button("&Copy", self._copy)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self._fit()

    def _add_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def add_action(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button that does what the message suggests, then closes the message."""
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(slot)
        return button

    def _fit(self) -> None:
        """At most 90 % of the screen's free area: the list scrolls, the buttons stay."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 620, 260 + 22 * min(self.problems.count(), 14)
        if screen is not None:
            free = screen.availableGeometry()
            self.setMaximumSize(int(free.width() * 0.9), int(free.height() * 0.9))
            width, height = min(width, self.maximumWidth()), min(height, self.maximumHeight())
        self.resize(width, height)

    def _toggle_details(self) -> None:
        shown = not self.details.isVisible()
        self.details.setVisible(shown)
        self.details_button.setText("Hide &details" if shown else "Show &details")

    def _copy(self) -> None:
        items = [self.problems.item(n).text() for n in range(self.problems.count())]
        parts = [self.heading.text(), *items, self.details.toPlainText()]
        QGuiApplication.clipboard().setText("\n".join(p for p in parts if p))


def _heading_and_list(text: str) -> tuple[str, list[str]]:
    """Split 'heading:\\n- one\\n- two' into its heading and its items (no list: no items)."""
    lines = text.splitlines()
    items = [line[2:] if line.startswith("- ") else line for line in lines[1:] if line.strip()]
    if len(lines) <= MAX_LINES and not any(line.startswith("- ") for line in lines):
        return text, []
    return lines[0], items


def show_problem(
    parent: QWidget | None, title: str, text: str, details: str = ""
) -> ProblemDialog | None:
    """A short message without details in the usual box; anything longer in a
    :class:`ProblemDialog`, opened window-modal (returned, so a caller can add a button)."""
    text, paths = split_paths(text)
    details = "\n".join([details, *(f"Where in the file: {p}" for p in paths)]).strip()
    if not details and len(text.splitlines()) <= MAX_LINES:
        QMessageBox.warning(parent, title, text)
        return None
    dialog = ProblemDialog(parent, title, text, details)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


class _Files(Protocol):
    """What :func:`show_open_problem` needs of the File menu's object."""

    def error(self, title: str, exc: BaseException) -> None: ...
    def import_register_from(self, path: str) -> object: ...


def show_open_problem(
    files: _Files, path: str | Path, exc: GovplannerError
) -> ProblemDialog | None:
    """Why ``path`` did not open as a plan: an Excel workbook offers Import register, a file of
    another sort says it is not a plan, a place inside a plan goes to Details."""
    kind, text, details = open_problem(path, exc)
    parent = getattr(files, "window", None)
    if kind in ("json", "missing") and not details:
        files.error(OPEN_TITLE, exc)
        return None
    dialog = ProblemDialog(parent if isinstance(parent, QWidget) else None, OPEN_TITLE, text,
                           details)  # fmt: skip
    if kind == "workbook":
        dialog.add_action("&Import register…", lambda: files.import_register_from(str(path)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


OPEN_TITLE = "Cannot open the plan"
