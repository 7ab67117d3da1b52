"""A committee's lines out, as rows: each line's kind and the committee it goes to."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govplanner.domain.enums import LineKind
from govplanner.domain.model import Line
from govplanner.gui.forms.widgets import IdComboBox
from govplanner.gui.wording import UiWords

_KINDS = [(kind.label, kind) for kind in LineKind]


class LinesEditor(QWidget):
    """Rows of (kind, target, Remove) and an Add button; ``edited(lines, what)`` on each change.

    ``what`` says the change in words for the undo command ("add a line to 'ICB Board'").
    """

    edited = Signal(list, str)

    def __init__(self, words: UiWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self._lines: list[Line] = []
        self._names: dict[str, str] = {}
        self._targets: list[tuple[str, Any]] = []
        self._rows: list[tuple[IdComboBox, IdComboBox, QPushButton]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(2)
        layout.addLayout(self.grid)
        self.none = QLabel(self)
        words.bind(
            self.none, "setText", "No lines out: it answers to no {committee} and advises none."
        )
        self.none.setEnabled(False)
        self.none.setWordWrap(True)
        layout.addWidget(self.none)
        self.add_button = QPushButton("Add &line", self)
        words.bind(self.add_button, "setAccessibleName", "Add a line to another {committee}")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add)
        layout.addWidget(self.add_button)

    def set_lines(self, lines: list[Line], targets: list[tuple[str, str]]) -> None:
        """Show ``lines``; ``targets`` are the (name, id) committees a line may go to."""
        self._lines = [copy.copy(line) for line in lines]
        self._targets = list(targets)
        self._names = {i: n for n, i in targets}
        while len(self._rows) > len(lines):
            for widget in self._rows.pop():
                widget.deleteLater()
        while len(self._rows) < len(lines):
            self._rows.append(self._new_row(len(self._rows)))
        for n, (line, (kind, target, _remove)) in enumerate(zip(lines, self._rows, strict=True)):
            kind.set_entries(_KINDS, line.kind)
            entries = self._targets
            if line.to_id not in self._names:  # a target this form does not offer
                entries = [*entries, (line.to_id, line.to_id)]
            target.set_entries(entries, line.to_id)
            target.setAccessibleName(self.words.text(f"Line {n + 1}: to {{committee}}"))
        self.none.setVisible(not lines)
        self.add_button.setEnabled(bool(self._free_targets()))

    def _new_row(self, n: int) -> tuple[IdComboBox, IdComboBox, QPushButton]:
        kind, target = IdComboBox(self), IdComboBox(self)
        kind.setSizeAdjustPolicy(IdComboBox.SizeAdjustPolicy.AdjustToContents)
        target.setMinimumContentsLength(8)
        kind.setAccessibleName(f"Line {n + 1}: kind")
        kind.setToolTip(
            "Accountable to: it takes delegated decisions and answers for them.\n"
            "Advises: it gives advice and takes no delegated decision."
        )
        remove = QPushButton("Remove", self)
        remove.setAccessibleName(f"Remove line {n + 1}")
        remove.setAutoDefault(False)
        kind.activated.connect(lambda _i, r=n: self._kind_chosen(r))
        target.activated.connect(lambda _i, r=n: self._target_chosen(r))
        remove.clicked.connect(lambda _c=False, r=n: self._remove(r))
        # Two rows a line, so long committee names still show in a narrow form.
        self.grid.addWidget(kind, 2 * n, 0)
        self.grid.addWidget(remove, 2 * n, 1, Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(target, 2 * n + 1, 0, 1, 2)
        return kind, target, remove

    def _free_targets(self) -> list[str]:
        used = {line.to_id for line in self._lines}
        return [i for _n, i in self._targets if i not in used]

    def _name(self, committee_id: str) -> str:
        return self._names.get(committee_id, committee_id)

    # -- edits -----------------------------------------------------------------------------

    def _add(self) -> None:
        free = self._free_targets()
        if not free:
            return
        kind = LineKind.ACCOUNTABLE
        if any(line.kind is LineKind.ACCOUNTABLE for line in self._lines):
            kind = LineKind.ADVISES  # a second line is more often advice than a second board
        line = Line(to_id=free[0], kind=kind)
        what = f"add a line ({kind.label.lower()} '{self._name(line.to_id)}')"
        self.edited.emit([*self._lines, line], what)

    def _remove(self, row: int) -> None:
        gone = self._lines[row]
        what = f"remove its line to '{self._name(gone.to_id)}'"
        self.edited.emit([line for n, line in enumerate(self._lines) if n != row], what)

    def _kind_chosen(self, row: int) -> None:
        kind = LineKind(self._rows[row][0].currentData())
        if kind is self._lines[row].kind:
            return
        lines = [copy.copy(line) for line in self._lines]
        lines[row] = Line(to_id=lines[row].to_id, kind=kind)
        self.edited.emit(lines, f"make its line to '{self._name(lines[row].to_id)}' "
                                f"'{kind.label.lower()}'")  # fmt: skip

    def _target_chosen(self, row: int) -> None:
        target = self._rows[row][1].currentData()
        old = self._lines[row]
        if target == old.to_id:
            return
        if any(line.to_id == target for line in self._lines):
            self.set_lines(self._lines, self._targets)  # one line per pair: put it back
            return
        lines = [copy.copy(line) for line in self._lines]
        lines[row] = Line(to_id=target, kind=old.kind)
        self.edited.emit(lines, f"point its line at '{self._name(target)}'")

    def rows(self) -> list[tuple[IdComboBox, IdComboBox, QPushButton]]:
        return list(self._rows)
