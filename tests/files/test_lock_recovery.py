"""Double open (lock files), autosave/recovery copies and the crash log."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from govplanner.files.crash_log import write_crash_log
from govplanner.files.lock import PlanLock, PlanLockedError, lock_path, read_owner
from govplanner.files.recovery import RecoveryStore
from tests.builders import PlanBuilder


def _plan():
    return PlanBuilder(name="Locked plan").committee("ICB Board", tier="system").build()


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout)


def _forge_lock(plan_path, *, pid, host):
    lock_path(plan_path).write_text(
        json.dumps({"user": "alice", "host": host, "pid": pid, "opened_at": "2026-01-05T09:30:00"}),
        encoding="utf-8",
    )


def test_lock_is_taken_and_released(tmp_path):
    plan = tmp_path / "plan.govplan"
    lock = PlanLock(plan)
    lock.acquire()
    assert lock.held
    assert read_owner(plan) is not None
    lock.release()
    assert not lock_path(plan).exists()


def test_a_live_lock_elsewhere_names_who_has_it(tmp_path):
    plan = tmp_path / "plan.govplan"
    _forge_lock(plan, pid=1, host="another-pc")
    with pytest.raises(PlanLockedError) as caught:
        PlanLock(plan).acquire()
    assert "alice on another-pc" in str(caught.value)
    assert "read-only" in str(caught.value)
    assert caught.value.owner.user == "alice"


def test_a_lock_from_a_dead_process_on_this_computer_is_taken_over(tmp_path):
    import socket

    plan = tmp_path / "plan.govplan"
    _forge_lock(plan, pid=_dead_pid(), host=socket.gethostname())
    lock = PlanLock(plan)
    lock.acquire()
    assert lock.held


def test_a_live_process_on_this_computer_keeps_its_lock(tmp_path):
    import socket

    plan = tmp_path / "plan.govplan"
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _forge_lock(plan, pid=child.pid, host=socket.gethostname())
        with pytest.raises(PlanLockedError):
            PlanLock(plan).acquire()
    finally:
        child.kill()
        child.wait()


def test_release_leaves_someone_elses_lock_alone(tmp_path):
    plan = tmp_path / "plan.govplan"
    lock = PlanLock(plan)
    lock.acquire()
    _forge_lock(plan, pid=1, host="another-pc")  # someone broke and retook the lock
    lock.release()
    assert lock_path(plan).exists()


def test_autosave_round_trip_and_clean_close(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    key = store.key_for(tmp_path / "plan.govplan", "session-1")
    store.write(key, _plan(), tmp_path / "plan.govplan")
    # This process is alive: its own autosave is not a crash to recover from.
    assert store.pending() == []
    store.discard(key)
    assert not list((tmp_path / "recovery").iterdir())


def test_autosave_left_by_a_crashed_process_is_offered(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    key = store.key_for(None, "session-2")
    store.write(key, _plan(), None)
    meta = tmp_path / "recovery" / f"{key}.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    data["pid"] = _dead_pid()
    meta.write_text(json.dumps(data), encoding="utf-8")
    [entry] = store.pending()
    assert entry.plan_name == "Locked plan"
    assert entry.original_path is None
    assert entry.load().committees[0].name == "ICB Board"
    assert "an unsaved plan" in entry.describe()
    store.discard_entry(entry)
    assert store.pending() == []


def test_autosave_never_touches_the_users_file(tmp_path):
    original = tmp_path / "plan.govplan"
    original.write_text("the user's own file", encoding="utf-8")
    store = RecoveryStore(tmp_path / "recovery")
    store.write(store.key_for(original, "s"), _plan(), original)
    assert original.read_text(encoding="utf-8") == "the user's own file"


def test_damaged_recovery_metadata_is_ignored(tmp_path):
    root = tmp_path / "recovery"
    root.mkdir()
    (root / "junk.json").write_text("{not json", encoding="utf-8")
    (root / "junk.govplan").write_text("{}", encoding="utf-8")
    assert RecoveryStore(root).pending() == []


def test_crash_log_appends_the_traceback(tmp_path):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        path = write_crash_log(type(exc), exc, exc.__traceback__, tmp_path)
        write_crash_log(type(exc), exc, exc.__traceback__, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.count("RuntimeError: boom") == 2
    assert "Traceback" in text


def test_a_crash_log_never_grows_past_its_limit(tmp_path, monkeypatch):
    from govplanner.files import crash_log

    monkeypatch.setattr(crash_log, "MAX_LOG_BYTES", 2000)
    try:
        raise RuntimeError("boom\udcff")  # even text that cannot be encoded is written
    except RuntimeError as exc:
        for _ in range(20):
            path = write_crash_log(type(exc), exc, exc.__traceback__, tmp_path)
    assert path.stat().st_size <= 2000 + 1000
    assert (tmp_path / "govplanner.log.1").is_file()
    assert "boom" in path.read_text(encoding="utf-8")
