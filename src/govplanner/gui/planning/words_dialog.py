"""Edit ▸ Plan words and terms…: the plan's words for committee, tier and role, and the term
warning window, changed as one undoable edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.document import EditError, PlanDocument
from govplanner.domain.vocabulary import TERMS, Vocabulary
from govplanner.gui.commands import DocumentCommand
from govplanner.gui.edits import PlanFieldsEdit

MAX_WORD = 40
MAX_WARNING_DAYS = 3650
EXPLANATION = (
    "Some systems say <i>forum</i>, <i>level</i> or <i>post</i>. The words you set here are used "
    "in findings, the planning views and the exports for this plan. Write them as they read "
    "inside a sentence (usually lower case)."
)


def plan_words_command(
    document: PlanDocument, vocabulary: Vocabulary, warning_days: int
) -> DocumentCommand:
    """One command setting the plan's words and term warning window (only what differs).

    Raises :class:`EditError` with a plain message for an empty or over-long word.
    """
    values = vocabulary.model_dump()
    for key, word in values.items():
        if not str(word).strip():
            raise EditError(f"The word for '{key}' cannot be empty.")
        if len(str(word).strip()) > MAX_WORD:
            raise EditError(f"The word for '{key}' can be at most {MAX_WORD} characters long.")
    if not 0 <= warning_days <= MAX_WARNING_DAYS:
        raise EditError(f"The term warning must be between 0 and {MAX_WARNING_DAYS} days.")
    plan = document.plan
    changes: dict[str, Any] = {}
    if vocabulary != plan.vocabulary:
        changes["vocabulary"] = vocabulary
    if warning_days != plan.term_warning_days:
        changes["term_warning_days"] = warning_days
    edits = [PlanFieldsEdit(changes)] if changes else []
    return DocumentCommand(document, _text(plan.vocabulary, changes), edits)


def _text(old: Vocabulary, changes: dict[str, Any]) -> str:
    parts = []
    if "vocabulary" in changes:
        new: Vocabulary = changes["vocabulary"]
        renamed = [f"'{getattr(old, t)}' to '{getattr(new, t)}'" for t in TERMS
                   if getattr(old, t) != getattr(new, t)]  # fmt: skip
        parts.append(f"Call {', '.join(renamed)}" if renamed else "Change the plan's plural words")
    if "term_warning_days" in changes:
        parts.append(f"warn of term ends {changes['term_warning_days']} days ahead")
    text = "; ".join(parts) or "Change nothing"
    return text[:1].upper() + text[1:]


class PlanWordsDialog(QDialog):
    """Singular and plural for each word, and the warning window in days."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plan words and terms")
        self.document = document
        plan = document.plan
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Word</b>", self), 0, 0)
        grid.addWidget(QLabel("<b>One</b>", self), 0, 1)
        grid.addWidget(QLabel("<b>Several</b>", self), 0, 2)
        self.fields: dict[str, QLineEdit] = {}
        for row, term in enumerate(TERMS, start=1):
            grid.addWidget(QLabel(f"Instead of “{term}”:", self), row, 0)
            for column, key in enumerate((term, f"{term}s"), start=1):
                field = QLineEdit(str(getattr(plan.vocabulary, key)), self)
                field.setMaxLength(MAX_WORD)
                field.setPlaceholderText(key)
                field.setAccessibleName(f"Word for '{key}'")
                field.textChanged.connect(self._validate)
                grid.addWidget(field, row, column)
                self.fields[key] = field
        self.warning = QSpinBox(self)
        self.warning.setRange(0, MAX_WARNING_DAYS)
        self.warning.setSuffix(" days")
        self.warning.setValue(plan.term_warning_days)
        self.warning.setAccessibleName("Warn of term ends this many days ahead")
        warning_label = QLabel("&Warn of term ends:", self)
        warning_label.setBuddy(self.warning)
        row = len(TERMS) + 1
        grid.addWidget(warning_label, row, 0)
        grid.addWidget(self.warning, row, 1)
        grid.addWidget(QLabel("ahead (TRM001 and the Terms view)", self), row, 2)
        self._build(grid)

    def _build(self, grid: QGridLayout) -> None:
        note = QLabel(EXPLANATION, self)
        note.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("QLabel { color: #c62828; }")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        defaults = QPushButton("Use the &standard words", self)
        defaults.clicked.connect(self.use_defaults)
        self.buttons.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._validate()

    def use_defaults(self) -> None:
        for key, field in self.fields.items():
            field.setText(key)

    def vocabulary(self) -> Vocabulary | None:
        """The words as typed, or None while one is empty."""
        values = {key: field.text().strip() for key, field in self.fields.items()}
        if not all(values.values()):
            return None
        return Vocabulary(**values)

    def _validate(self, *_args: Any) -> None:
        empty = [key for key, field in self.fields.items() if not field.text().strip()]
        self.problem.setText(f"Give a word for '{empty[0]}'." if empty else "")
        self.problem.setVisible(bool(empty))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not empty)

    def command(self) -> DocumentCommand | None:
        """The edit the dialog asks for (None if nothing would change)."""
        vocabulary = self.vocabulary()
        if vocabulary is None:
            return None
        command = plan_words_command(self.document, vocabulary, self.warning.value())
        return command if command.edits else None
