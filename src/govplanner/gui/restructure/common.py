"""Small pieces the restructuring dialogs share."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QWidget


def date_choice(parent: QWidget, text: str, what: str) -> tuple[QCheckBox, QDateEdit]:
    """'Takes effect on' [date], the date off until ticked; defaults to the next 1 April."""
    check = QCheckBox(text, parent)
    check.setAccessibleName(f"{what} takes effect on a date")
    today = QDate.currentDate()
    year = today.year() + (1 if today.month() >= 4 else 0)
    date = QDateEdit(QDate(year, 4, 1), parent)
    date.setCalendarPopup(True)
    date.setDisplayFormat("d MMMM yyyy")
    date.setAccessibleName(f"Date {what.lower()} takes effect")
    date.setEnabled(False)
    check.toggled.connect(date.setEnabled)
    return check, date


def chosen_date(check: QCheckBox, date: QDateEdit) -> dt.date | None:
    if not check.isChecked():
        return None
    value = date.date().toPython()
    assert isinstance(value, dt.date)
    return value
