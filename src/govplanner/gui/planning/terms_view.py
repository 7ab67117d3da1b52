"""The Terms tab: a timeline of filled roles' term ends over the coming months."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.rules.common import long_date
from govplanner.analysis.rules.terms import TermEnd
from govplanner.domain.document import PlanDocument
from govplanner.domain.vocabulary import words
from govplanner.gui.forms.flow import FlowLayout, together
from govplanner.gui.planning.common import RAG_FILL, chip, date_edit, hint_style, set_chip, to_date
from govplanner.gui.planning.terms_model import (
    STATUS_RAG,
    RoleIdRole,
    TermsModel,
    add_months,
)

HORIZONS = (3, 6, 12, 18, 24)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class TimelineStrip(QWidget):
    """Months from the as-of date, the warning window shaded, a mark at each term end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(112)
        self.setAccessibleName("Timeline of term ends")
        self.start, self.end, self.warning_days = dt.date.today(), dt.date.today(), 90
        self.terms: list[TermEnd] = []

    def show_terms(
        self, start: dt.date, end: dt.date, warning_days: int, terms: list[TermEnd]
    ) -> None:
        self.start, self.end, self.warning_days, self.terms = start, end, warning_days, terms
        self.setToolTip("\n".join(f"{long_date(t.term_end)}: {t.role} ({t.holder})" for t in terms))
        self.update()

    def _x(self, day: dt.date, left: float, width: float) -> float:
        span = max((self.end - self.start).days, 1)
        return left + width * min(max((day - self.start).days, 0), span) / span

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        left, width, axis = 16.0, self.width() - 32.0, self.height() - 30.0
        warn_end = self.start + dt.timedelta(days=self.warning_days)
        band = QRectF(left, 8, self._x(warn_end, left, width) - left, axis - 8)
        painter.fillRect(band, RAG_FILL["amber"])
        painter.setPen(QPen(text, 1))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        window_text = f"warning window ({self.warning_days} days)"
        painter.drawText(band.adjusted(6, 0, 0, -4), flags, window_text)
        painter.drawLine(QPointF(left, 4), QPointF(left, axis))
        painter.drawLine(QPointF(left, axis), QPointF(left + width, axis))
        self._paint_months(painter, left, width, axis)
        for n, term in enumerate(self.terms):
            x = self._x(term.term_end, left, width)
            y = 18 + (n % 3) * 16
            painter.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, y), QPointF(x, axis))
            painter.setPen(QPen(text, 1))
            painter.setBrush(RAG_FILL[STATUS_RAG[term.status]].darker(130))
            painter.drawEllipse(QPointF(x, y), 5, 5)
            label = term.role if len(term.role) <= 28 else term.role[:27] + "…"
            flip = x > left + width - 180
            rect = QRectF(x - 176 if flip else x + 8, y - 8, 168, 16)
            align = Qt.AlignmentFlag.AlignRight if flip else Qt.AlignmentFlag.AlignLeft
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()

    def _paint_months(self, painter: QPainter, left: float, width: float, axis: float) -> None:
        """A tick each month; its name where it fits (none runs into the next or off the end)."""
        day = dt.date(self.start.year, self.start.month, 1)
        metrics, free_from = painter.fontMetrics(), left
        while day <= self.end:
            if day >= self.start:
                x = self._x(day, left, width)
                painter.drawLine(QPointF(x, axis), QPointF(x, axis + 4))
                name = _MONTHS[day.month - 1] + (f" {day.year}" if day.month == 1 else "")
                wide = metrics.horizontalAdvance(name) + 2
                if x + 2 >= free_from and x + 2 + wide <= self.width():
                    rect = QRectF(x + 2, axis + 4, wide, 20)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, name)
                    free_from = x + 2 + wide + 6
            day = add_months(day, 1)


class TermsView(QWidget):
    """Term ends from an as-of date (today by default); double-click a role to open it."""

    role_activated = Signal(str)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = TermsModel(self)
        self._dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._make_controls())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.strip = TimelineStrip(self)
        layout.addWidget(self.strip)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(hint_style())
        layout.addWidget(self.empty_hint)
        self.tree = self._make_tree()
        layout.addWidget(self.tree, 1)

    def _make_controls(self) -> FlowLayout:
        self.as_of = date_edit(self, "Date to count term ends from")
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        as_of_label = QLabel("&As of:", self)
        as_of_label.setBuddy(self.as_of)
        self.horizon = QComboBox(self)
        self.horizon.setAccessibleName("How far ahead to look")
        for months in HORIZONS:
            self.horizon.addItem(f"the next {months} months", months)
        self.horizon.setCurrentIndex(HORIZONS.index(12))
        self.horizon.activated.connect(lambda _i: self.refresh())
        horizon_label = QLabel("&Look ahead over:", self)
        horizon_label.setBuddy(self.horizon)
        self.chips = {s: chip("", RAG_FILL[STATUS_RAG[s]], self) for s in STATUS_RAG}
        row = FlowLayout()  # wraps on a narrow window rather than cutting the chips
        row.add(together(self, as_of_label, self.as_of))
        row.add(together(self, horizon_label, self.horizon))
        row.add(together(self, *self.chips.values()), push_right=True)
        return row

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.model)
        tree.setAccessibleName("Term ends, grouped by how soon they fall")
        tree.setAlternatingRowColors(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The role takes what is left: every heading shows on a laptop at 125 %, no sideways
        # scrolling (a role's whole title is in its tooltip).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        tree.activated.connect(self._activated)
        return tree

    def set_as_of(self, day: dt.date) -> None:
        from govplanner.gui.planning.common import to_qdate

        self.as_of.setDate(to_qdate(day))

    def plan_changed(self, *_args: Any) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        plan, day, months = self.document.plan, to_date(self.as_of.date()), self.horizon_months()
        self.model.load(plan, day, months)
        terms = self.model.terms()
        self.strip.show_terms(day, add_months(day, months), plan.term_warning_days, terms)
        w = words(plan)
        self.note.setText(
            f"Filled {w.roles} whose term has ended or ends in the next {months} months, counted "
            f"from {long_date(day)}. The plan warns {plan.term_warning_days} days ahead "
            f"(Edit ▸ Plan words and terms…). Double-click a {w.role} to open it."
        )
        self._show_counts()
        self._show_empty(w.roles, len(plan.roles))
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        for column, width in enumerate((140, 130, 260, 180)):
            self.tree.setColumnWidth(column, width)

    def horizon_months(self) -> int:
        return int(self.horizon.currentData())

    def _show_counts(self) -> None:
        words_for = {"ended": "ended", "ending": "ending soon", "later": "later"}
        for status, label in self.chips.items():
            count = len(self.model.terms(status))  # type: ignore[arg-type]
            set_chip(label, f"{count} {words_for[status]}", RAG_FILL[STATUS_RAG[status]])

    def _show_empty(self, roles_word: str, role_count: int) -> None:
        dated = sum(1 for r in self.document.plan.roles if r.term_end is not None)
        empty = not self.model.terms()
        self.empty_hint.setVisible(empty)
        self.tree.setVisible(not empty)
        if dated == 0:
            self.empty_hint.setText(
                f"<b>No term end dates recorded.</b> Of {role_count} {roles_word}, none has a "
                f"term end. Add term dates in each {words(self.document.plan).role}'s form to "
                "see when they fall due."
            )
        else:
            self.empty_hint.setText(
                f"<b>No filled term ends in this period.</b> {dated} of {role_count} "
                f"{roles_word} have a term end, none within {self.horizon_months()} months."
            )

    def _activated(self, index: QModelIndex) -> None:
        role_id = index.siblingAtColumn(0).data(RoleIdRole)
        if role_id:
            self.role_activated.emit(role_id)
