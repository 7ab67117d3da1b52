"""The status bar's count of open findings by severity, and of accepted ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from govplanner.analysis.result import Analysis


class FindingsSummary(QLabel):
    """'Open findings: 1 critical · 2 warning · 0 info | 3 accepted' (empty with no plan)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Findings summary")

    def show_analysis(self, analysis: Analysis) -> None:
        s = analysis.summary
        self.setText(
            f"Open findings: {s.get('critical', 0)} critical · {s.get('warning', 0)} warning · "
            f"{s.get('info', 0)} info   |   {s.get('accepted', 0)} accepted"
        )
