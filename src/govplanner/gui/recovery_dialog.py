"""At start, offer back unsaved work that autosave kept when govplanner last closed abnormally."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.files.recovery import RecoveryEntry, RecoveryStore

INTRO = (
    "<b>govplanner closed before some work was saved.</b><br>Autosaved copies of it were "
    "kept. Recover one to carry on where you left off (it opens as unsaved changes: save it to "
    "keep it), discard copies you do not need, or decide later: they will be offered again."
)


class RecoveryDialog(QDialog):
    """Lists autosaved copies; Recover (the selected one), Discard…, Later."""

    def __init__(
        self, entries: list[RecoveryEntry], store: RecoveryStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.chosen: RecoveryEntry | None = None
        self.setWindowTitle("Recover unsaved work")
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Autosaved plans")
        for entry in entries:
            item = QListWidgetItem(entry.describe(), self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(str(entry.original_path or "Never saved"))
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.recover())
        buttons = QDialogButtonBox(self)
        self.recover_button = QPushButton("&Recover", self)
        self.discard_button = QPushButton("&Discard…", self)
        self.later_button = QPushButton("&Later", self)
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def current(self) -> RecoveryEntry | None:
        item = self.list.currentItem()
        entry = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return entry if isinstance(entry, RecoveryEntry) else None

    def recover(self) -> None:
        self.chosen = self.current()
        if self.chosen is not None:
            self.accept()

    def confirm_discard(self, entry: RecoveryEntry) -> bool:
        answer = QMessageBox.question(
            self,
            "Discard autosaved copy",
            f"Discard the autosaved copy of {entry.describe()}? The unsaved changes in it "
            "will be lost; this cannot be undone.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def discard(self) -> None:
        entry = self.current()
        if entry is None or not self.confirm_discard(entry):
            return
        self.store.discard_entry(entry)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()


class Recoverer(Protocol):
    """The File menu's object, as recovery uses it."""

    def recover(self, entry: RecoveryEntry, store: RecoveryStore) -> bool: ...


def offer_recovery(window: QMainWindow, store: RecoveryStore, files: Recoverer) -> bool:
    """Ask about copies left by sessions that crashed; True if one was recovered by ``files``."""
    entries = store.pending()
    if store.skipped:
        count = len(store.skipped)
        copies = "1 autosaved copy" if count == 1 else f"{count} autosaved copies"
        verb = "was" if count == 1 else "were"
        window.statusBar().showMessage(
            f"{copies} could not be read and {verb} skipped ({store.skipped[0]}).", 20000
        )
    if not entries:
        return False
    dialog = RecoveryDialog(entries, store, window)
    dialog.exec()
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen is not None and files.recover(chosen, store)
