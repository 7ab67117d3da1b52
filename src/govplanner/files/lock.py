"""A lock file beside an open plan, so a second person or window is told who has it open.

Like office suites do, the lock is a small file next to the plan (``.~lock.NAME#``) holding
who opened it, on which computer, and when. Taking it is atomic: the holder keeps the file
open with an operating-system lock on it (``flock`` on POSIX, a byte-range lock on Windows),
so of many processes opening the plan at the same instant exactly one gets it, and the lock
goes away by itself when the holding process dies. The text inside only names the holder.

Within one process the lock is also kept in a set of held paths, so two windows of the app
cannot both edit one plan. A lock whose text names another computer is respected even when
no operating-system lock backs it (a network share may not pass those on), since we cannot
tell whether that computer still uses the file; the user may open the plan read-only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from govplanner.domain.errors import GovplannerError

#: Longest lock file govplanner reads (a real one is about 120 bytes).
MAX_LOCK_BYTES = 4096
#: Windows locks a byte well past the text, so other processes can still read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 30
#: How long to wait for a new holder to finish writing its name into the lock file.
_OWNER_WAIT_SECONDS = 2.0

_held: set[str] = set()  # lock files this process holds (one per open plan, any window)
_held_guard = threading.Lock()


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    opened_at: str

    def describe(self) -> str:
        when = self.opened_at.replace("T", " ")[:16]
        return f"{self.user} on {self.host} (since {when})" if when else f"{self.user}"


class PlanLockedError(GovplannerError):
    """The plan is open elsewhere; ``owner`` says who has it."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner
        super().__init__(
            f"{path.name} is already open by {owner.describe()}. You can open it read-only, "
            "or ask them to close it."
        )


class LockUnavailableError(GovplannerError):
    """No lock file can be made beside the plan (a read-only folder, for instance)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"{path.name} cannot be locked for editing: {reason}. Nobody else can be told "
            "that it is open."
        )


def lock_path(plan_path: str | Path) -> Path:
    """The lock file of a plan, beside the file a link points to (not beside the link)."""
    real = Path(os.path.realpath(plan_path))
    return real.with_name(f".~lock.{real.name}#")


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name configured (some service accounts)
        user = "someone"
    return LockOwner(user, socket.gethostname(), os.getpid(), dt.datetime.now().isoformat())


def _owner_from(data: bytes) -> LockOwner | None:
    try:
        record = json.loads(data.decode("utf-8"))
        return LockOwner(
            str(record["user"])[:100],
            str(record["host"])[:100],
            int(record["pid"]),
            str(record["opened_at"])[:40],
        )
    except (ValueError, KeyError, TypeError, OverflowError, AttributeError):
        return None


def read_owner(plan_path: str | Path) -> LockOwner | None:
    """Who holds the lock, or None if there is none (or it is unreadable)."""
    try:
        with open(lock_path(plan_path), "rb") as handle:
            return _owner_from(handle.read(MAX_LOCK_BYTES))
    except OSError:
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0 or pid > 2**31:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except (OSError, OverflowError, ValueError):  # Windows: OSError for a pid that is gone
        return False
    return True


def _is_stale(owner: LockOwner | None) -> bool:
    """Whether a lock file's text, with no operating-system lock behind it, can be taken over."""
    if owner is None:
        return True  # empty or unreadable: its writer died before finishing
    me = _me()
    if owner.host != me.host:
        return False
    return owner.pid == me.pid or not process_alive(owner.pid)


def _os_lock(fd: int) -> bool | None:
    """Lock ``fd`` without waiting: True if taken, False if another holder has it, None if
    this file system has no such locks."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:
        if sys.platform == "win32" and exc.errno in (13, 36):  # EACCES / EDEADLOCK: held
            return False
        return None
    return True


def _still_linked(fd: int, path: Path) -> bool:
    """Whether ``fd`` is still the file at ``path`` (its holder may have removed it just as
    we opened it, in which case we locked a file nobody can see)."""
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _read_fd(fd: int) -> LockOwner | None:
    os.lseek(fd, 0, os.SEEK_SET)
    return _owner_from(os.read(fd, MAX_LOCK_BYTES))


def _wait_for_owner(path: Path) -> LockOwner:
    """The holder's name; a holder that has only just taken the lock may still be writing it."""
    deadline = time.monotonic() + _OWNER_WAIT_SECONDS
    while True:
        try:
            with open(path, "rb") as handle:
                owner = _owner_from(handle.read(MAX_LOCK_BYTES))
        except OSError:
            owner = None
        if owner is not None or time.monotonic() > deadline:
            return owner or LockOwner("someone", "another window or computer", 0, "")
        time.sleep(0.02)


class PlanLock:
    """Holds the lock on one plan file while it is open for editing."""

    def __init__(self, plan_path: str | Path) -> None:
        self.plan_path = Path(plan_path)
        self.real_path = Path(os.path.realpath(plan_path))
        self.path = lock_path(plan_path)
        self.held = False
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`PlanLockedError` naming who has it.

        Raises :class:`LockUnavailableError` when no lock file can be made; it never returns
        without holding the lock.
        """
        if self.held:
            return
        key = str(self.path)
        with _held_guard:
            if key in _held:
                raise PlanLockedError(self.plan_path, read_owner(self.plan_path) or _me())
            self._fd = self._take()
            _held.add(key)
        self.held = True
        from govplanner.files.atomic import sweep_temps

        # Nobody else can be saving this plan now: temp files of a killed save can go.
        sweep_temps(self.real_path, older_than=0)

    def _take(self) -> int:
        for _ in range(20):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            except OSError as exc:
                raise LockUnavailableError(self.plan_path, _reason(exc)) from None
            try:
                if self._claim(fd):
                    return fd
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the file was removed as we locked it: start again
        raise LockUnavailableError(self.plan_path, "the lock file keeps changing")

    def _claim(self, fd: int) -> bool:
        """With ``fd`` open on the lock file: lock it and write our name, or raise."""
        locked = _os_lock(fd)
        if locked is False:
            raise PlanLockedError(self.plan_path, _wait_for_owner(self.path))
        if not _still_linked(fd, self.path):
            return False
        owner = _read_fd(fd)
        if owner is not None and owner.host != _me().host:
            raise PlanLockedError(self.plan_path, owner)
        if not _is_stale(owner):
            # A live process named in the file but holding no operating-system lock: an
            # older govplanner, or a file system without such locks. Respect it.
            assert owner is not None
            raise PlanLockedError(self.plan_path, owner)
        data = json.dumps(_me().__dict__).encode("utf-8")
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
            os.fsync(fd)
        except OSError as exc:
            raise LockUnavailableError(self.plan_path, _reason(exc)) from None
        return True

    def release(self) -> None:
        if not self.held:
            return
        fd, self._fd, self.held = self._fd, None, False
        with _held_guard:
            _held.discard(str(self.path))
        if fd is None:
            return
        if sys.platform == "win32":
            # Windows cannot remove a file another process has open, so this is safe there.
            if not _names_me(_read_fd(fd)):
                os.close(fd)
                return
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        # Removed while still locked: a process waiting on the old file sees it was unlinked.
        if _still_linked(fd, self.path) and _names_me(_read_fd(fd)):
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(fd)


def _names_me(owner: LockOwner | None) -> bool:
    """Whether the lock file still names this process (someone may have broken and retaken
    it, by hand or from a program that does not use operating-system locks)."""
    me = _me()
    return owner is not None and owner.pid == me.pid and owner.host == me.host


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
