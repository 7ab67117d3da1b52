"""A lock file beside an open plan, so a second person or window is told who has it open.

Like office suites do, the lock is a small file next to the plan (``.~lock.NAME#``) holding
who opened it, on which computer, and when. A lock left by a process that no longer runs on
this computer is stale and is taken over; a lock from another computer is respected, since we
cannot tell whether that computer is still using the file (the user may open read-only).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from govplanner.domain.errors import GovplannerError


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    opened_at: str

    def describe(self) -> str:
        when = self.opened_at.replace("T", " ")[:16]
        return f"{self.user} on {self.host} (since {when})"


class PlanLockedError(GovplannerError):
    """The plan is open elsewhere; ``owner`` says who has it."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner
        super().__init__(
            f"{path.name} is already open by {owner.describe()}. You can open it read-only, "
            "or ask them to close it."
        )


def lock_path(plan_path: str | Path) -> Path:
    plan_path = Path(plan_path)
    return plan_path.with_name(f".~lock.{plan_path.name}#")


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name configured (some service accounts)
        user = "someone"
    return LockOwner(user, socket.gethostname(), os.getpid(), dt.datetime.now().isoformat())


def read_owner(plan_path: str | Path) -> LockOwner | None:
    """Who holds the lock, or None if there is none (or it is unreadable)."""
    try:
        data = json.loads(lock_path(plan_path).read_text(encoding="utf-8"))
        return LockOwner(
            str(data["user"]), str(data["host"]), int(data["pid"]), str(data["opened_at"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:  # Windows raises OSError for a pid that is gone
        return False
    return True


def _is_stale(owner: LockOwner | None) -> bool:
    if owner is None:
        return True  # unreadable: a half-written lock from a crash
    me = _me()
    if owner.host != me.host:
        return False
    return owner.pid == me.pid or not process_alive(owner.pid)


class PlanLock:
    """Holds the lock on one plan file while it is open for editing."""

    def __init__(self, plan_path: str | Path) -> None:
        self.plan_path = Path(plan_path)
        self.path = lock_path(plan_path)
        self.held = False

    def acquire(self) -> None:
        """Take the lock, or raise :class:`PlanLockedError` naming who has it."""
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                owner = read_owner(self.plan_path)
                if not _is_stale(owner):
                    assert owner is not None
                    raise PlanLockedError(self.plan_path, owner) from None
                self.path.unlink(missing_ok=True)
                continue
            except OSError:
                return  # a read-only folder: locking is a courtesy, not a reason to refuse
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(_me().__dict__, handle)
            self.held = True
            return

    def release(self) -> None:
        if self.held:
            owner = read_owner(self.plan_path)
            if owner is not None and owner.pid == os.getpid() and owner.host == _me().host:
                self.path.unlink(missing_ok=True)
            self.held = False
