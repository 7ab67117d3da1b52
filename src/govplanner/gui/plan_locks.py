"""The lock on the open plan's file: who else has it open, and the read-only mode that follows.

Opening a plan takes a :class:`PlanLock`; if someone else holds it, the user is told who and may
open it read-only (Save is off, Save As works and locks the new file). The lock is released
when the plan is closed, another one is opened, or the app quits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.files.lock import LockOwner, LockUnavailableError, PlanLock, PlanLockedError


@dataclass(frozen=True)
class Unlockable(LockOwner):
    """Stands for "nobody": the plan's folder cannot hold a lock, so it opens read-only."""

    reason: str = ""


def unlockable(reason: str) -> Unlockable:
    return Unlockable("nobody", "", 0, "", reason)


@dataclass(frozen=True)
class Claim:
    """How a plan is being opened: with our lock, read-only (someone else's), or unlocked."""

    lock: PlanLock | None = None
    owner: LockOwner | None = None

    @property
    def read_only(self) -> bool:
        return self.owner is not None


def since(owner: LockOwner, today: dt.date | None = None) -> str:
    """'09:30' for a lock taken today, else '3 Nov 2026, 09:30'."""
    try:
        when = dt.datetime.fromisoformat(owner.opened_at)
    except ValueError:
        return owner.opened_at
    if when.date() == (today or dt.date.today()):
        return when.strftime("%H:%M")
    return f"{when.day} {when.strftime('%b %Y, %H:%M')}"


def who(owner: LockOwner) -> str:
    """'alice on PC-12 since 09:30'."""
    if not owner.opened_at:
        return f"{owner.user} on {owner.host}" if owner.host else owner.user
    return f"{owner.user} on {owner.host} since {since(owner)}"


def locked_dialog(parent: QWidget | None, path: Path, owner: LockOwner) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Plan already open")
    box.setText(f"<b>{path.name}</b> is already open by {who(owner)}.")
    box.setInformativeText(
        "You can open it read-only: look at it, change it, and keep your changes by saving "
        "a copy under another name (Save As). To change this file itself, ask them to close it "
        "first."
    )
    box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    return box


def ask_read_only(parent: QWidget | None, path: Path, owner: LockOwner) -> bool:
    """True if the user chose to open the locked plan read-only."""
    box = locked_dialog(parent, path, owner)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole


class LockKeeper:
    """Holds the open plan's lock (at most one) and knows whether it is open read-only."""

    def __init__(self, parent: QWidget | None, enabled: bool = True) -> None:
        self.parent, self.enabled = parent, enabled
        self.lock: PlanLock | None = None
        self.owner: LockOwner | None = None

    @property
    def read_only(self) -> bool:
        return self.owner is not None

    def _holds(self, path: Path) -> bool:
        return self.lock is not None and _same(self.lock.plan_path, path)

    def claim(self, path: Path) -> Claim | None:
        """Lock ``path`` for editing, or ask to open read-only; None if the user cancelled."""
        if not self.enabled:
            return Claim()
        if self._holds(path):
            return Claim(self.lock)
        lock = PlanLock(path)
        try:
            lock.acquire()
        except PlanLockedError as exc:
            return Claim(owner=exc.owner) if ask_read_only(self.parent, path, exc.owner) else None
        except LockUnavailableError as exc:
            # Editing unlocked would let a second window or person overwrite this one's work.
            return Claim(owner=unlockable(exc.reason))
        return Claim(lock)

    def lock_for_save(self, path: Path) -> PlanLock | None:
        """A new lock for saving to ``path``; None when we hold it already or locks are off.

        Raises :class:`PlanLockedError` when someone else (another window too) has that file
        open, and :class:`LockUnavailableError` when its folder cannot hold a lock.
        """
        if not self.enabled or self._holds(path):
            return None
        lock = PlanLock(path)
        try:
            lock.acquire()
        except LockUnavailableError:
            return None  # the save itself then says why that folder cannot be written
        return lock

    def adopt(self, claim: Claim | None) -> None:
        """The plan now shown was opened with ``claim`` (None: no file, or not locked)."""
        claim = claim or Claim()
        if self.lock is not None and self.lock is not claim.lock:
            self.lock.release()
        self.lock, self.owner = claim.lock, claim.owner

    def release(self) -> None:
        self.adopt(None)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


class ReadOnlyBanner(QFrame):
    """A strip above the editor saying the plan is read-only, and why, with Save As."""

    save_as_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
            "#readOnlyBanner QLabel { color: #1a1a1a; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        button = QPushButton("Save a &copy…", self)
        button.clicked.connect(self.save_as_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(button)
        self.hide()

    def above(self, widget: QWidget) -> QWidget:
        """A widget holding this banner above ``widget`` (the window's central widget)."""
        holder = QWidget(self.parentWidget())
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self)
        layout.addWidget(widget, 1)
        return holder

    def show_for(self, path: Path | None, owner: LockOwner | None) -> None:
        if owner is None or path is None:
            self.hide()
            return
        if isinstance(owner, Unlockable):
            self.label.setText(
                f"<b>Read-only.</b> {path.name} cannot be locked for editing "
                f"({owner.reason}), so nobody could be told you are changing it. You can "
                "change this copy and save it somewhere else."
            )
            self.show()
            return
        self.label.setText(
            f"<b>Read-only.</b> {path.name} is open by {who(owner)}. You can change this copy "
            "and save it under another name; Save is off so their work is not overwritten."
        )
        self.show()
