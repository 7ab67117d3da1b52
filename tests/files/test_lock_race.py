"""Many processes opening one plan at the same instant: exactly one of them gets the lock."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govplanner.files.lock import (
    LockUnavailableError,
    PlanLock,
    PlanLockedError,
    lock_path,
    read_owner,
)

_RACER = """
import sys, time
from govplanner.files.lock import PlanLock, PlanLockedError
start = float(sys.argv[2])
while time.time() < start:
    pass
lock = PlanLock(sys.argv[1])
try:
    lock.acquire()
except PlanLockedError:
    print("locked" if not lock.held else "BROKEN", flush=True)
else:
    print("held" if lock.held else "NOT-HELD", flush=True)
sys.stdin.read()  # hold the lock until the test has heard from everyone
lock.release()
"""

RACERS = 12

#: Windows' byte-range lock (msvcrt.locking) emulated with POSIX record locks, so the Windows
#: branch of govplanner.files.lock runs here: the same calls, the same error (EACCES) when
#: another process holds the byte. It proves the branch's logic, not Windows itself.
_AS_WINDOWS = """
import errno, fcntl, os, sys, types
fake = types.ModuleType("msvcrt")
fake.LK_NBLCK, fake.LK_UNLCK = 2, 0
def locking(fd, mode, nbytes):
    fake.calls += 1
    where = os.lseek(fd, 0, os.SEEK_CUR)
    if mode == fake.LK_UNLCK:
        fcntl.lockf(fd, fcntl.LOCK_UN, nbytes, where)
        return
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, nbytes, where)
    except BlockingIOError:
        raise PermissionError(errno.EACCES, "Permission denied") from None
fake.locking, fake.calls = locking, 0
sys.modules["msvcrt"] = fake
sys.platform = "win32"
_print = print
def print(text, **kw):  # each racer says how often it called the (emulated) Windows lock
    _print(f"{text} msvcrt={fake.calls}", **kw)
"""


def _race(plan: Path, *, windows: bool = False) -> list[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    start = time.time() + 4.0  # every racer is up and spinning before this instant
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                (_AS_WINDOWS if windows else "") + _RACER,
                str(plan),
                repr(start),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(RACERS)
    ]
    try:
        results = [p.stdout.readline().strip() for p in procs]  # type: ignore[union-attr]
    finally:
        for p in procs:
            p.communicate("")
    return results


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout)


@pytest.mark.parametrize("left_behind", ["nothing", "empty", "dead process"])
def test_exactly_one_of_many_racing_processes_holds_the_lock(tmp_path, left_behind):
    plan = tmp_path / "plan.govplan"
    plan.write_text("{}", encoding="utf-8")
    if left_behind == "empty":  # a holder killed before it wrote its name
        lock_path(plan).write_bytes(b"")
    elif left_behind == "dead process":
        lock_path(plan).write_text(
            json.dumps(
                {
                    "user": "alice",
                    "host": socket.gethostname(),
                    "pid": _dead_pid(),
                    "opened_at": "2026-01-05T09:30:00",
                }
            ),
            encoding="utf-8",
        )
    results = _race(plan)
    assert sorted(results) == ["held"] + ["locked"] * (RACERS - 1)
    assert not lock_path(plan).exists()  # the holder removed it on release


def test_the_windows_branch_also_gives_the_lock_to_exactly_one_racer(tmp_path):
    plan = tmp_path / "plan.govplan"
    plan.write_text("{}", encoding="utf-8")
    lock_path(plan).write_bytes(b"")  # a holder killed before it wrote its name
    results = _race(plan, windows=True)
    assert all(r.endswith(" msvcrt=1") for r in results)  # the Windows branch took the lock
    words = sorted(r.split()[0] for r in results)
    assert words == ["held"] + ["locked"] * (RACERS - 1)
    assert not lock_path(plan).exists()  # the holder emptied and removed it on release


def test_two_locks_in_one_process_do_not_both_hold(tmp_path):
    """Two windows of one app on one plan: the second is refused, not told 'stale'."""
    plan = tmp_path / "plan.govplan"
    first = PlanLock(plan)
    first.acquire()
    try:
        with pytest.raises(PlanLockedError):
            PlanLock(plan).acquire()
        with pytest.raises(PlanLockedError):  # through another spelling of the same path
            PlanLock(tmp_path / "." / "plan.govplan").acquire()
    finally:
        first.release()
    second = PlanLock(plan)
    second.acquire()  # free again once the first window closed
    assert second.held
    second.release()


def test_releasing_a_refused_lock_leaves_the_holders_lock(tmp_path):
    plan = tmp_path / "plan.govplan"
    first = PlanLock(plan)
    first.acquire()
    refused = PlanLock(plan)
    with pytest.raises(PlanLockedError):
        refused.acquire()
    refused.release()  # the second window closes
    assert lock_path(plan).exists()
    assert read_owner(plan) is not None
    with pytest.raises(PlanLockedError):
        PlanLock(plan).acquire()  # the first window still holds it
    first.release()


def test_a_lock_that_cannot_be_made_raises_instead_of_returning_unheld(tmp_path):
    plan = tmp_path / "plan.govplan"
    plan.write_text("{}", encoding="utf-8")
    lock_path(plan).mkdir()  # something in the way that no lock file can replace
    lock = PlanLock(plan)
    with pytest.raises(LockUnavailableError, match=r"plan\.govplan cannot be locked"):
        lock.acquire()
    assert not lock.held


def test_the_lock_of_a_plan_opened_through_a_link_sits_beside_the_real_file(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "plan.govplan"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.govplan"
    link.symlink_to(real)
    lock = PlanLock(link)
    lock.acquire()
    try:
        assert lock_path(real).exists()
        with pytest.raises(PlanLockedError):
            PlanLock(real).acquire()
    finally:
        lock.release()


def test_a_killed_saves_temp_files_go_when_the_plan_is_next_locked(tmp_path):
    plan = tmp_path / "plan.govplan"
    plan.write_text("{}", encoding="utf-8")
    leftover = tmp_path / ".plan.govplan.0123abcd.tmp"
    leftover.write_text("half a plan", encoding="utf-8")
    other = tmp_path / ".other.govplan.0123abcd.tmp"
    other.write_text("someone else's save in progress", encoding="utf-8")
    lock = PlanLock(plan)
    lock.acquire()
    lock.release()
    assert not leftover.exists()
    assert other.exists()
