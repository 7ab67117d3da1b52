"""Settings ▸ Committee kinds: what each kind of committee needs of each function."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.enums import COMMITTEE_KINDS, FUNCTIONS, CommitteeKind, Function, Rule
from govplanner.domain.governance import KIND_BASIS, KIND_INFO
from govplanner.gui import settings_commands as sc

if TYPE_CHECKING:
    from govplanner.gui.plan_dialog import PlanEditDialog

#: A template in the plan's words.
RULE_HELP = (
    "Follow the profile: the level x stage table on the first page decides. Essential, "
    "expected or optional: the same for every {committee} of that kind, whatever its level "
    "and stage. A {committee} can still override its kind in its own form."
)


def as_template(text: str) -> str:
    """A domain text with its standard words as placeholders, so it reads in the plan's words."""
    return re.sub(r"\b(?:[Cc]ommittee|[Tt]ier|[Rr]ole)s?\b", lambda m: "{" + m.group(0) + "}", text)


def kind_tooltip(kind: CommitteeKind) -> str:
    info = KIND_INFO[kind]
    voice = "expects" if info.needs_clinical_voice else "does not need"
    return (
        f"A {{committee}} that {info.does} (for example {info.examples}). It {voice} a "
        f"clinical or care professional voice (findings CLN001 and PRO001)."
    )


class KindRulesPage(QWidget):
    """One row per committee kind, one rule box per function; each change one undo step."""

    def __init__(self, dialog: PlanEditDialog) -> None:
        super().__init__()
        self.dialog, self.document = dialog, dialog.document
        layout = QVBoxLayout(self)
        basis = QLabel()
        dialog.words.bind(basis, "setText", as_template(KIND_BASIS) + "\n\n" + RULE_HELP)
        basis.setWordWrap(True)
        layout.addWidget(basis)
        layout.addWidget(self._make_table())
        examples = QLabel()
        examples.setWordWrap(True)
        dialog.words.bind(examples, "setText", "\n".join(
            f"{k.label}: {KIND_INFO[k].examples}." for k in COMMITTEE_KINDS))  # fmt: skip
        layout.addWidget(examples)
        layout.addStretch(1)
        self.reset_button = QPushButton("Reset the kinds to their &defaults")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _make_table(self) -> QTableWidget:
        """Rows are kinds, columns functions; each cell a rule box."""
        words = self.dialog.words
        headers = [f.label.replace(" ", "\n", 1) for f in FUNCTIONS]
        self.table = QTableWidget(len(COMMITTEE_KINDS), len(FUNCTIONS))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([k.label for k in COMMITTEE_KINDS])
        words.bind(self.table, "setAccessibleName", "Requirements by kind of {committee}")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.combos: dict[tuple[CommitteeKind, Function], QComboBox] = {}
        for row, kind in enumerate(COMMITTEE_KINDS):
            header = self.table.verticalHeaderItem(row)
            if header is not None:
                header.setToolTip(words.text(kind_tooltip(kind)))
            for column, function in enumerate(FUNCTIONS):
                combo = QComboBox()
                for rule in Rule:
                    combo.addItem(rule.label, rule)
                combo.setAccessibleName(f"{kind.label}, {function.label}")
                combo.activated.connect(self._slot(kind, function))
                self.table.setCellWidget(row, column, combo)
                self.combos[(kind, function)] = combo
        return self.table

    def _slot(self, kind: CommitteeKind, function: Function) -> Callable[[int], None]:
        def changed(_: int) -> None:
            rule = Rule(self.combos[(kind, function)].currentData())
            if self.document.plan.kind_rule(kind, function) is not rule:
                self.dialog.run(lambda: sc.set_kind_rule(self.document, kind, function, rule))

        return changed

    def reset(self) -> None:
        command = sc.reset_kind_rules(self.document)
        if not command.edits:
            self.dialog.show_message("Every kind already has its default requirements.")
            return
        self.dialog.run(lambda: command, "Every kind is back to its default requirements.")

    def refresh(self) -> None:
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows + header + 2 * self.table.frameWidth() + 2)
        plan = self.document.plan
        for (kind, function), combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(plan.kind_rule(kind, function)))
