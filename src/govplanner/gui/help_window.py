"""The help window: the packaged user guide in a searchable, keyboard-driven browser."""

from __future__ import annotations

import html
import re
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from govplanner.gui.plan_dialog import fit_to_screen

#: Where the generated keyboard shortcut table goes in the guide.
SHORTCUTS_MARK = "<!-- shortcuts -->"
_HEADING = re.compile(r'<h([23])><a name="([^"]+)"></a>(.*?)</h\1>', re.S)


def guide_html() -> str:
    """The user guide shipped in the package (resources/help/guide.html)."""
    folder = resources.files("govplanner") / "resources" / "help"
    return (folder / "guide.html").read_text(encoding="utf-8")


def guide_sections(text: str) -> list[tuple[str, str, int]]:
    """(anchor, heading text, level 2 or 3) for every anchored heading, in order."""
    found = []
    for match in _HEADING.finditer(text):
        title = html.unescape(re.sub(r"<[^>]+>", "", match.group(3))).strip()
        found.append((match.group(2), " ".join(title.split()), int(match.group(1))))
    return found


def shortcuts_html(rows: list[tuple[str, str, str]]) -> str:
    """The keyboard shortcut table: (where, what, keys) rows, as the guide's last section."""
    cells = "".join(
        f"<tr><td>{html.escape(keys)}</td><td>{html.escape(what)}</td>"
        f"<td>{html.escape(where)}</td></tr>"
        for where, what, keys in rows
    )
    return (
        '<h2><a name="shortcuts"></a>Keyboard shortcuts</h2>'
        "<p>Every shortcut the window declares, as it is set on this computer.</p>"
        '<table border="1" cellspacing="0" cellpadding="4">'
        "<tr><th>Keys</th><th>Does</th><th>Where</th></tr>"
        f"{cells}</table>"
    )


class HelpWindow(QDialog):
    """The guide with its contents on the left and a find box above (Ctrl+F, Enter, F3)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("govplanner help")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(text)
        self.contents = QListWidget(self)
        self.contents.setAccessibleName("Contents")
        self.contents.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for anchor, title, level in guide_sections(text):
            entry = QListWidgetItem(("    " if level == 3 else "") + title, self.contents)
            entry.setData(Qt.ItemDataRole.UserRole, anchor)
            entry.setToolTip(title)
        self.contents.currentItemChanged.connect(self._contents_chosen)
        self.contents.itemActivated.connect(lambda _item: self.browser.setFocus())
        layout = QVBoxLayout(self)
        layout.addLayout(self._find_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 660])
        layout.addWidget(splitter, 1)
        layout.addWidget(self._close_row())
        fit_to_screen(self, 980, 700)

    def _close_row(self) -> QDialogButtonBox:
        """A Close button (Esc does the same): Enter in the find box still finds, not closes."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.close_button.setToolTip("Close the help (Esc)")
        buttons.rejected.connect(self.reject)
        return buttons

    def _find_bar(self) -> QHBoxLayout:
        self.find_box = QLineEdit(self)
        self.find_box.setAccessibleName("Find in the guide")
        self.find_box.setPlaceholderText("Find in the guide (Enter: next, Shift+Enter: previous)")
        self.find_box.setClearButtonEnabled(True)
        label = QLabel("&Find:", self)
        label.setBuddy(self.find_box)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.textEdited.connect(lambda _t: self.find_next(from_top=True))
        self.found = QLabel(self)
        self.found.setAccessibleName("Find result")
        back = QPushButton("&Previous", self)
        back.clicked.connect(lambda: self.find_next(backward=True))
        ahead = QPushButton("&Next", self)
        ahead.clicked.connect(self.find_next)
        for button in (back, ahead):  # else Enter in the find box also pressed Previous
            button.setAutoDefault(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.find_next)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.FindPrevious),
            self,
            lambda: self.find_next(backward=True),
        )
        QShortcut(
            QKeySequence("Shift+Return"), self.find_box, lambda: self.find_next(backward=True)
        )
        row = QHBoxLayout()
        for widget in (label, self.find_box, back, ahead, self.found):
            row.addWidget(widget)
        row.setStretch(1, 1)
        return row

    def _focus_find(self) -> None:
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    def _contents_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_section(item.data(Qt.ItemDataRole.UserRole), focus=False)

    def show_section(self, anchor: str, focus: bool = True) -> None:
        """Scroll the guide to ``anchor`` (its first line at the top) and show the window."""
        if anchor == "top":
            self.browser.verticalScrollBar().setValue(0)
        else:
            self.browser.scrollToAnchor(anchor)
        for row in range(self.contents.count()):
            entry = self.contents.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it has no stacking order
            self.raise_()
        self.activateWindow()
        if focus:
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self, backward: bool = False, from_top: bool = False) -> bool:
        """Select the next (or previous) match of the find box's text, wrapping round."""
        needle = self.find_box.text()
        if not needle:
            self.found.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_top:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        if self.browser.find(needle, flags):
            self.found.clear()
            return True
        edge = self.browser.textCursor().MoveOperation
        self.browser.moveCursor(edge.End if backward else edge.Start)  # wrap round
        hit = self.browser.find(needle, flags)
        self.found.setText("" if hit else "Not found")
        return hit
