"""Atomic writes leave the target as the complete old file or the complete new one."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from govplanner.domain.errors import ExportError, FileInUseError
from govplanner.files import atomic
from govplanner.files.atomic import (
    atomic_write_bytes,
    atomic_write_text,
    atomic_write_with,
    atomic_writer,
    backup_path,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_new_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert _leftovers(tmp_path) == []


def test_replaces_existing_and_keeps_backup(tmp_path: Path) -> None:
    target = tmp_path / "plan.govplan"
    atomic_write_text(target, "old\n", backup=True)
    assert not backup_path(target).exists()  # nothing to back up the first time
    atomic_write_text(target, "new\n", backup=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / "plan.govplan.bak").read_text(encoding="utf-8") == "old\n"
    atomic_write_text(target, "newer\n", backup=True)
    assert (tmp_path / "plan.govplan.bak").read_text(encoding="utf-8") == "new\n"
    assert _leftovers(tmp_path) == []


def test_without_backup_no_bak_file(tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    atomic_write_bytes(target, b"1")
    atomic_write_bytes(target, b"2")
    assert not backup_path(target).exists()


def test_error_in_writer_leaves_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def boom(stream: object) -> None:
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        atomic_write_with(target, boom, backup=True)
    assert target.read_bytes() == b"old"
    assert not backup_path(target).exists()
    assert _leftovers(tmp_path) == []


def test_partial_write_then_error_leaves_target(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def write_half() -> None:
        with atomic_writer(target, "w") as stream:
            stream.write("half of the new")
            raise ValueError("half done")

    with pytest.raises(ValueError, match="half"):
        write_half()
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_text_mode_keeps_newlines_and_utf8(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    with atomic_writer(target, "w") as stream:
        stream.write("Café\nline two\n")
    assert target.read_bytes() == "Café\nline two\n".encode()


def test_rejects_unsupported_mode(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="modes"), atomic_writer(tmp_path / "x", "a"):
        pass


def test_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Could not write"):
        atomic_write_bytes(tmp_path / "no" / "such" / "file.txt", b"x")


def test_windows_permission_error_means_file_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "_is_windows", lambda: True)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(FileInUseError, match="Close it there and try again"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_windows_transient_lock_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.govplan"
    target.write_bytes(b"old")
    real_replace = os.replace
    failures = [PermissionError(13, "Permission denied")] * 2

    def flaky(src: str, dst: str) -> None:
        if failures and Path(dst) == target:
            raise failures.pop()
        real_replace(src, dst)

    monkeypatch.setattr(atomic, "_is_windows", lambda: True)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(atomic.os, "replace", flaky)
    atomic_write_bytes(target, b"new", backup=True)
    assert target.read_bytes() == b"new"
    assert backup_path(target).read_bytes() == b"old"
    assert failures == []


def test_posix_permission_error_is_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "_is_windows", lambda: False)
    monkeypatch.setattr(atomic.os, "replace", denied)
    with pytest.raises(ExportError, match="Permission denied"):
        atomic_write_bytes(tmp_path / "x.txt", b"new")
    assert _leftovers(tmp_path) == []


def test_backup_falls_back_to_copy_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    target = tmp_path / "p.govplan"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "link", no_links)
    atomic_write_bytes(target, b"new", backup=True)
    assert backup_path(target).read_bytes() == b"old"
    assert target.read_bytes() == b"new"


def test_temp_files_left_by_a_crash_are_swept_when_old(tmp_path: Path) -> None:
    target = tmp_path / "plan.govplan"
    old = tmp_path / ".plan.govplan.0a1b2c3d.tmp"
    old_bak = tmp_path / ".plan.govplan.bak.0a1b2c3d.tmp"
    fresh = tmp_path / ".plan.govplan.deadbeef.tmp"
    unrelated = tmp_path / ".other.govplan.0a1b2c3d.tmp"
    for path in (old, old_bak, fresh, unrelated):
        path.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    for path in (old, old_bak, unrelated):
        os.utime(path, (two_hours_ago, two_hours_ago))
    atomic_write_bytes(target, b"new")
    assert not old.exists()
    assert not old_bak.exists()
    assert fresh.exists()  # may belong to a save still in progress
    assert unrelated.exists()


def test_keeps_file_permissions(tmp_path: Path) -> None:
    target = tmp_path / "p.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o640


_CHILD = textwrap.dedent(
    """
    import json, sys
    from govplanner.files.atomic import atomic_write_text
    target = sys.argv[1]
    versions = [json.dumps({"v": v, "pad": "x" * 400_000}) for v in ("old", "new")]
    atomic_write_text(target, versions[0], backup=True)
    print("ready", flush=True)
    i = 1
    while True:
        atomic_write_text(target, versions[i % 2], backup=True)
        i += 1
    """
)


def _complete_version(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pad"] == "x" * 400_000
    return str(data["v"])


def test_sigkill_during_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.govplan"
    rng = random.Random(20261126)
    seen: set[str] = set()
    for _ in range(25):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(target)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        seen.add(_complete_version(target))
        assert _complete_version(backup_path(target)) in {"old", "new"}
    # The kills landed at different points of the save cycle.
    assert seen == {"old", "new"}
