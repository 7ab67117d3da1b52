"""An export's target is never a file govplanner has open, whatever its name (issue 16)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from govplanner.files.atomic import atomic_write_text
from govplanner.files.lock import PlanLock, lock_path
from govplanner.files.output_safety import OutputPathError, check_output_file, export_writes


def test_a_file_open_for_editing_is_refused_whatever_its_name(tmp_path: Path) -> None:
    held = tmp_path / "shared.xlsx"
    held.write_bytes(b"a plan saved under another name")
    lock = PlanLock(held)
    lock.acquire()
    try:
        with pytest.raises(OutputPathError, match="is open in govplanner by"):
            check_output_file(held, [], what="register")
    finally:
        lock.release()
    assert check_output_file(held, [], what="register") == held.resolve()


def test_a_lock_on_another_computer_is_respected(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    owner = {"user": "sam", "host": "not-" + socket.gethostname(), "pid": 1,
             "opened_at": "2026-01-01T09:00:00"}  # fmt: skip
    lock_path(target).write_text(json.dumps(owner), encoding="utf-8")
    with pytest.raises(OutputPathError, match="sam on not-"):
        check_output_file(target, [], what="register")


def test_a_lock_left_by_an_ended_program_is_ignored(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    owner = {"user": "x", "host": socket.gethostname(), "pid": int(ended.stdout),
             "opened_at": "2026-01-01T09:00:00"}  # fmt: skip
    lock_path(target).write_text(json.dumps(owner), encoding="utf-8")
    assert check_output_file(target, [], what="register") == target.resolve()


def test_export_writes_keeps_a_bak_and_restores_the_rule_after(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    with export_writes():
        atomic_write_text(target, "new")
    assert (tmp_path / "report.txt.bak").read_text(encoding="utf-8") == "old"
    atomic_write_text(target, "newer")  # outside: an ordinary atomic write, no new .bak
    assert (tmp_path / "report.txt.bak").read_text(encoding="utf-8") == "old"
