"""A report to read and keep: the merge report or a reduction's rationale, saved as a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: suffix -> (file dialog filter, writer of that format)
Writers = dict[str, tuple[str, Callable[[Path], None]]]


class ReportDialog(QDialog):
    """Read-only text with Save as… (each format the report offers) and Close."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        text: str,
        writers: Writers,
        suggested: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.writers = writers
        self.suggested = suggested or Path.home() / "report"
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.text.setFont(font)
        self.text.setAccessibleName(title)
        label.setBuddy(self.text)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton("&Save as…", self)
        self.save_button.setAccessibleName(f"Save the {title.lower()} as a file")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.ask_and_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def ask_and_save(self) -> Path | None:
        filters = ";;".join(f for f, _w in self.writers.values())
        chosen, picked = QFileDialog.getSaveFileName(
            self, f"Save {self.windowTitle().lower()}", str(self.suggested), filters
        )
        if not chosen:
            return None
        suffix = next((s for s, (f, _w) in self.writers.items() if f == picked), None)
        return self.save(Path(chosen), suffix)

    def save(self, path: Path, suffix: str | None = None) -> Path | None:
        """Write the report to ``path`` in the format its suffix (or ``suffix``) names."""
        have = path.suffix.lower().lstrip(".")
        if have not in self.writers:
            have = suffix or next(iter(self.writers))
            path = path.with_name(f"{path.name}.{have}")
        from govplanner.domain.errors import GovplannerError
        from govplanner.files.output_safety import export_writes
        from govplanner.gui.export_prompts import checked_output

        plan_file = getattr(getattr(self.parent(), "document", None), "path", None)
        checked = checked_output(self, path, inputs=[plan_file], what="report")  # never a plan
        if checked is None:
            return None
        try:
            with export_writes():  # a replaced file is kept as .bak
                self.writers[have][1](checked)
        except (GovplannerError, OSError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            QMessageBox.warning(self, "Cannot save the report", f"{path}: {reason}")
            return None
        self.setWindowTitle(f"{self.windowTitle().split(' — ')[0]} — saved as {path.name}")
        return path
