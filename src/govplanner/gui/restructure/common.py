"""Small pieces the restructuring dialogs share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QListWidget, QWidget


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


def listed_paths(files: QListWidget) -> list[Path]:
    """The plan files in a list of plans, in order (each item holds its full path)."""
    return [Path(files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(files.count())]


def add_listed_paths(files: QListWidget, paths: Sequence[str | Path]) -> None:
    """Add plan files by name, full path in the tooltip, each file once."""
    have = {str(p) for p in listed_paths(files)}
    for path in paths:
        if str(path) in have:
            continue
        files.addItem(Path(path).name)
        item = files.item(files.count() - 1)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        have.add(str(path))


def remove_selected_paths(files: QListWidget) -> None:
    for item in files.selectedItems():
        files.takeItem(files.row(item))
