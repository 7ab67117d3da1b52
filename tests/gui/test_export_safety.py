"""The app's exports are as safe as the command line's (issue 16): never over the open plan,
any plan or a plan open elsewhere; a replaced file is kept as .bak; a failed write leaves the
old file whole and no temporary files behind."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from govplanner.files.lock import lock_path
from govplanner.files.planfile import load_plan, save_plan
from govplanner.gui.main_window import MainWindow
from govplanner.gui.restructure.report_dialog import ReportDialog
from govplanner.gui.restructure.timeline_dialog import TimelineDialog
from govplanner.gui.workers import run_with_progress
from tests.gui.conftest import small_plan_builder
from tests.gui.planning.test_planning import AS_IS, EXAMPLES
from tests.gui.planning.test_planning import comparing as comparing
from tests.gui.planning.test_planning import files as files
from tests.gui.restructure.test_timeline import built

EXPORTS = ["export_register", "export_gap_report"]


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    return shown


def _choose(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


def _opened(window: MainWindow, folder: Path) -> Path:
    plan_file = folder / "p.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    assert window.files.open_path(str(plan_file))
    return plan_file


@pytest.mark.parametrize("method", EXPORTS)
def test_an_export_never_writes_over_the_open_plan(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    plan_file = _opened(window, tmp_path)
    before = plan_file.read_bytes()
    shown = _warnings(monkeypatch)
    _choose(monkeypatch, plan_file)
    assert getattr(window.files, method)() is None
    assert plan_file.read_bytes() == before
    assert len(shown) == 1
    assert "is the file the" in shown[0]
    assert "made from" in shown[0]


@pytest.mark.parametrize("method", EXPORTS)
def test_an_export_never_writes_over_another_plan(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    _opened(window, tmp_path)
    other = tmp_path / "other.govplan"
    save_plan(small_plan_builder().build(), other)
    before = other.read_bytes()
    shown = _warnings(monkeypatch)
    _choose(monkeypatch, other)
    assert getattr(window.files, method)() is None
    assert other.read_bytes() == before
    assert len(shown) == 1
    assert "is a plan file name" in shown[0]


@pytest.fixture
def held_elsewhere(tmp_path: Path) -> Any:
    """A plan under a name that does not say so ('shared.xlsx'), held open for editing by
    another process through govplanner's own lock."""
    held = tmp_path / "shared.xlsx"
    save_plan(small_plan_builder().build(), held)
    code = (
        "import sys; from govplanner.files.lock import PlanLock; "
        f"lock = PlanLock({str(held)!r}); lock.acquire(); print('held', flush=True); "
        "sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    yield held
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


@pytest.mark.parametrize("method", EXPORTS)
def test_an_export_honours_another_process_lock(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_elsewhere: Path,
    method: str,
) -> None:
    _opened(window, tmp_path)
    before = held_elsewhere.read_bytes()
    shown = _warnings(monkeypatch)
    _choose(monkeypatch, held_elsewhere)
    assert getattr(window.files, method)() is None
    assert held_elsewhere.read_bytes() == before
    assert len(shown) == 1
    assert "is open in govplanner by" in shown[0]


def test_a_lock_left_by_a_program_that_ended_does_not_block_an_export(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _opened(window, tmp_path)
    target = tmp_path / "register.xlsx"
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    owner = {"user": "x", "host": socket.gethostname(), "pid": int(ended.stdout),
             "opened_at": "2026-01-01T09:00:00"}  # fmt: skip
    lock_path(target).write_text(json.dumps(owner), encoding="utf-8")
    _choose(monkeypatch, target)
    assert window.files.export_register() is not None
    qtbot.waitUntil(lambda: "Wrote register.xlsx" in window.statusBar().currentMessage())
    assert target.stat().st_size > 0


@pytest.mark.parametrize("method", EXPORTS)
def test_replacing_a_file_keeps_the_old_one_as_bak(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    _opened(window, tmp_path)
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the earlier version")
    _choose(monkeypatch, target)
    assert getattr(window.files, method)() is not None
    qtbot.waitUntil(lambda: "Wrote out.xlsx" in window.statusBar().currentMessage(), timeout=20_000)
    assert (tmp_path / "out.xlsx.bak").read_bytes() == b"the earlier version"
    assert target.read_bytes()[:2] == b"PK"  # the new workbook
    assert "kept as out.xlsx.bak" in window.statusBar().currentMessage()


def test_a_failed_export_leaves_the_old_file_whole_and_no_temporary_files(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    _opened(window, tmp_path)
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the earlier version")
    before = set(os.listdir(tmp_path))

    def half_then_fail(_workbook: Any, stream: Any) -> None:
        stream.write(b"PK half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_fail)
    problems: list[str] = []
    monkeypatch.setattr(window.files, "error", lambda _t, exc: problems.append(str(exc)))
    _choose(monkeypatch, target)
    assert window.files.export_register() is not None
    qtbot.waitUntil(lambda: bool(problems), timeout=20_000)
    assert "No space left on device" in problems[0]
    assert target.read_bytes() == b"the earlier version"
    assert set(os.listdir(tmp_path)) == before  # no temporary file, no .bak


def test_the_diagram_export_keeps_what_it_replaces(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _opened(window, tmp_path)
    target = tmp_path / "d.png"
    target.write_bytes(b"the earlier picture")
    _choose(monkeypatch, target)
    window.menu_actions.diagram_png.trigger()
    assert (tmp_path / "d.png.bak").read_bytes() == b"the earlier picture"
    assert target.read_bytes()[:4] == b"\x89PNG"


# -- the Compare tab, the timeline and the restructure reports --------------------------------


def test_the_comparison_never_writes_over_the_plan_it_compares_with(
    comparing: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / AS_IS
    before = other.read_bytes()
    shown = _warnings(monkeypatch)
    _choose(monkeypatch, other)
    assert comparing.export_comparison() is None
    assert other.read_bytes() == before
    assert len(shown) == 1
    assert "made from" in shown[0]


def test_the_comparison_keeps_the_workbook_it_replaces(
    qtbot: Any,
    comparing: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "c.xlsx"
    target.write_bytes(b"last week's comparison")
    _choose(monkeypatch, target)
    task = comparing.export_comparison()
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    assert (tmp_path / "c.xlsx.bak").read_bytes() == b"last week's comparison"


def test_export_to_keeps_a_bak_on_its_own_thread(
    qtbot: Any,
    comparing: Any,
    tmp_path: Path,
) -> None:
    target = tmp_path / "c.xlsx"
    target.write_bytes(b"old")
    task = comparing.export_to(comparing.compare.comparison, str(target), None, run_with_progress)
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    assert (tmp_path / "c.xlsx.bak").read_bytes() == b"old"


def test_the_timeline_never_writes_over_one_of_its_plans(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "step.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    dialog = built(qtbot, [plan_file])
    before = plan_file.read_bytes()
    shown = _warnings(monkeypatch)
    _choose(monkeypatch, plan_file)
    assert dialog.ask_and_export() is None
    assert plan_file.read_bytes() == before
    assert len(shown) == 1
    assert "timeline" in shown[0]


def test_the_timeline_keeps_the_workbook_it_replaces(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "step.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    dialog: TimelineDialog = built(qtbot, [plan_file])
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"old timeline")
    _choose(monkeypatch, target)
    assert dialog.ask_and_export() == target
    assert (tmp_path / "t.xlsx.bak").read_bytes() == b"old timeline"


def test_a_report_is_never_saved_over_a_plan_open_elsewhere(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, held_elsewhere: Path, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    written: list[Path] = []
    writers = {"xlsx": ("Excel workbooks (*.xlsx)", written.append)}
    dialog = ReportDialog(parent, "Merge report", "intro", "text", writers, tmp_path / "r.xlsx")
    shown = _warnings(monkeypatch)
    assert dialog.save(held_elsewhere) is None
    assert written == []
    assert len(shown) == 1
    assert "is open in govplanner" in shown[0]


def test_a_report_keeps_the_file_it_replaces(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from govplanner.files.atomic import atomic_write_text

    parent = QWidget()
    qtbot.addWidget(parent)
    writers = {"txt": ("Text files (*.txt)", lambda p: atomic_write_text(p, "new report"))}
    dialog = ReportDialog(parent, "Merge report", "intro", "text", writers, tmp_path / "r.txt")
    target = tmp_path / "r.txt"
    target.write_text("old report", encoding="utf-8")
    assert dialog.save(target) == target
    assert (tmp_path / "r.txt.bak").read_text(encoding="utf-8") == "old report"
    assert target.read_text(encoding="utf-8") == "new report"


def test_open_plan_in_another_window_is_never_an_export_target(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    """Two windows of this process: the plan open in the second is refused to the first."""
    from govplanner.files.lock import PlanLock

    _opened(window, tmp_path)
    second = tmp_path / "second.data"
    save_plan(small_plan_builder().build(), second)
    lock = PlanLock(second)
    lock.acquire()
    try:
        shown = _warnings(monkeypatch)
        _choose(monkeypatch, second)
        assert window.files.export_register() is None
        assert "is open in govplanner" in shown[0]
    finally:
        lock.release()


def test_an_empty_folder_is_chosen_without_working_out_every_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At national scale naming 30,000 documents takes half a second on the window's thread:
    a folder with no document of the format has nothing to replace, so that work is skipped."""
    from govplanner.export import roles
    from govplanner.gui import export_prompts
    from govplanner.gui.export_prompts import choose_role_folder

    named: list[str] = []
    real = roles.planned_file_names
    monkeypatch.setattr(
        roles, "planned_file_names", lambda *a, **k: named.append("x") or real(*a, **k)
    )
    plan = load_plan(EXAMPLES / AS_IS)
    (tmp_path / "notes.txt").write_text("not a role description", encoding="utf-8")
    assert choose_role_folder(QWidget(), plan, "docx", tmp_path, "Roles", "t") == tmp_path
    assert named == []
    monkeypatch.setattr(export_prompts, "ask_about_existing", lambda *a: "replace")
    first = real(plan, "docx")[0]
    (tmp_path / first).write_bytes(b"a document of the same name")
    assert choose_role_folder(QWidget(), plan, "docx", tmp_path, "Roles", "t") == tmp_path
    assert named == ["x"]  # now it must look, and asks before replacing
