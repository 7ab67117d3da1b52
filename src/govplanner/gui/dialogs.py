"""Small dialogs: accept a finding with a rationale, pick a preset for a new plan, About."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import govplanner
from govplanner.domain.catalogue import FRAMEWORK_BASIS, PRESETS

if TYPE_CHECKING:
    from govplanner.analysis.result import Finding
    from govplanner.domain.vocabulary import Vocabulary


class AcceptDialog(QDialog):
    """Ask why a finding is accepted; OK only once a rationale is written."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accept finding")
        summary = QLabel(
            f"<b>{finding.code} · {finding.severity.label}</b> — {finding.subject}<br>"
            f"{finding.message}",
            self,
        )
        summary.setWordWrap(True)
        self.rationale = QPlainTextEdit(self)
        self.rationale.setTabChangesFocus(True)
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setPlaceholderText("Why is this acceptable? e.g. agreed at the board on …")
        self.accepted_by = QLineEdit(self)
        self.accepted_by.setAccessibleName("Accepted by")
        form = QFormLayout()
        form.addRow("&Rationale:", self.rationale)
        form.addRow("Accepted &by:", self.accepted_by)
        note = QLabel(
            "An accepted finding stays in reports, marked as accepted, "
            "and no longer counts as open.",
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Accept finding")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.rationale.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.rationale.toPlainText().strip()))


class NewPlanDialog(QDialog):
    """Choose the name and tier preset of a new plan."""

    def __init__(
        self,
        parent: QWidget | None = None,
        preset: str = "ics",
        vocabulary: Vocabulary | None = None,
    ) -> None:
        """``vocabulary``: the open plan's words, offered for the new plan if they differ."""
        # Imported here: the domain (pydantic) must not load before the window's first paint.
        from govplanner.domain.vocabulary import Vocabulary, words

        super().__init__(parent)
        self.setWindowTitle("New plan")
        self.offered = vocabulary if vocabulary is not None and vocabulary != Vocabulary() else None
        self.keep_words = QCheckBox(self)
        if self.offered is not None:
            w = words(self.offered)
            self.keep_words.setText(
                f"&Use the open plan's words: {w.committee}, {w.tier}, {w.role}"
            )
            self.keep_words.setChecked(True)
        self.keep_words.setVisible(self.offered is not None)
        self.name = QLineEdit("Untitled plan", self)
        self.name.setAccessibleName("Plan name")
        self.name.selectAll()
        self._make_preset(preset)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Tiers:", self.preset)
        form.addRow("", self.basis)
        form.addRow("", self.keep_words)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 200)
        self._show_basis()

    def _make_preset(self, preset: str) -> None:
        """The tier preset box and, under it, where the preset comes from."""
        self.preset = QComboBox(self)
        self.preset.setAccessibleName("Tier preset")
        for key, option in PRESETS.items():
            self.preset.addItem(option.label, key)
        self.preset.setCurrentIndex(max(self.preset.findData(preset), 0))
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self.basis.setEnabled(False)
        self.preset.currentIndexChanged.connect(self._show_basis)

    def _show_basis(self, *_args: Any) -> None:
        self.basis.setText(PRESETS[self.preset.currentData()].basis)

    def choice(self) -> tuple[str, str]:
        """(preset key, plan name)."""
        return self.preset.currentData(), self.name.text().strip() or "Untitled plan"

    def vocabulary(self) -> Vocabulary | None:
        """The words the new plan should use instead of the standard ones (None: standard)."""
        if self.offered is None or not self.keep_words.isChecked():
            return None
        return self.offered.model_copy()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About govplanner",
        f"<h3>govplanner {govplanner.__version__}</h3>"
        "<p>Plan the governance of an integrated care system: tiers, committees, clinical "
        "leadership roles and the people who hold them, and see where the four clinical "
        "leadership functions are covered or missing.</p>"
        f"<p><b>Framework basis.</b> {FRAMEWORK_BASIS}</p>"
        "<p>Open source under the MIT licence.</p>",
    )
