"""Exports from the window waste no work (issue 17): they use the window's live analysis when
it is of the plan as it is now, and name the role descriptions off the window's thread."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

import govplanner.analysis
from govplanner.analysis import analyse
from govplanner.export.gap_report import export_gap_report
from govplanner.export.roles import export_role_descriptions
from govplanner.files.planfile import load_plan
from govplanner.gui import commands
from govplanner.gui import export_ops as ops
from govplanner.gui import export_prompts as prompts
from govplanner.gui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ics-example.govplan"


@pytest.fixture
def opened(window: MainWindow) -> MainWindow:
    """The example plan open, one filled role vacated (new gaps), the live analysis current."""
    window.show_plan(load_plan(EXAMPLE), None)
    document = window.document
    role = next(r for r in document.plan.roles if r.holder_id is not None)
    commands.execute(
        window.undo_stack, commands.update_item(document, "role", role.id, holder_id=None)
    )
    window.live.refresh()
    return window


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every full analysis run from now on (exports call ``govplanner.analysis.analyse``)."""
    calls: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return analyse(*args, **kwargs)

    monkeypatch.setattr(govplanner.analysis, "analyse", counted)
    return calls


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}
    finally:
        book.close()


def _gap_report(qtbot: Any, window: MainWindow, target: Path) -> None:
    window.files._export_target = lambda *_a: target  # type: ignore[method-assign]
    task = window.files.export_gap_report()
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass


def _fresh_report(window: MainWindow, target: Path) -> dict[str, list[tuple[Any, ...]]]:
    plan = window.document.plan
    export_gap_report(plan, analyse(plan), target)
    return _cells(target)


def _fill_a_vacancy(window: MainWindow) -> None:
    """An edit on the undo stack (the live analysis waits for typing to pause)."""
    document = window.document
    role = next(r for r in document.plan.roles if r.holder_id is None)
    edit = commands.update_item(document, "role", role.id, holder_id=document.plan.people[0].id)
    commands.execute(window.undo_stack, edit)


def _analysed_afresh(qtbot: Any, window: MainWindow, tmp_path: Path, analyses: list[int]) -> None:
    _gap_report(qtbot, window, tmp_path / "gaps.xlsx")
    assert analyses == [1]
    assert _cells(tmp_path / "gaps.xlsx") == _fresh_report(window, tmp_path / "fresh.xlsx")


def test_a_gap_report_uses_the_live_analysis_when_it_is_current(
    qtbot: Any, opened: MainWindow, tmp_path: Path, analyses: list[int]
) -> None:
    _gap_report(qtbot, opened, tmp_path / "gaps.xlsx")
    assert analyses == []
    assert _cells(tmp_path / "gaps.xlsx") == _fresh_report(opened, tmp_path / "fresh.xlsx")


def test_an_edit_not_yet_analysed_makes_the_gap_report_analyse_afresh(
    qtbot: Any, opened: MainWindow, tmp_path: Path, analyses: list[int]
) -> None:
    _fill_a_vacancy(opened)
    _analysed_afresh(qtbot, opened, tmp_path, analyses)


def test_a_live_analysis_whose_refresh_failed_is_not_used(
    qtbot: Any,
    opened: MainWindow,
    tmp_path: Path,
    analyses: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failed refresh keeps the last good analysis, of the plan before the edit."""
    _fill_a_vacancy(opened)

    def broken(_plan: Any) -> Any:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(opened.live, "_analyse", broken)
    opened.live.refresh()
    assert opened.live.is_stale()  # it says so itself, and the export does not use it
    _analysed_afresh(qtbot, opened, tmp_path, analyses)


def test_a_live_analysis_of_yesterday_is_not_used(
    qtbot: Any,
    opened: MainWindow,
    tmp_path: Path,
    analyses: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Left open overnight: term ends must be judged against today, so analyse afresh."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    clock = SimpleNamespace(date=SimpleNamespace(today=lambda: tomorrow))
    monkeypatch.setattr(ops, "dt", clock)
    _gap_report(qtbot, opened, tmp_path / "gaps.xlsx")
    assert analyses == [1]


def _role_export(qtbot: Any, window: MainWindow, fmt: str = "md") -> list[Any]:
    task = window.files.export_role_descriptions(fmt)
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30_000) as ended:
        pass
    return list(ended.args)


def test_role_descriptions_use_the_live_analysis_when_it_is_current(
    qtbot: Any,
    opened: MainWindow,
    tmp_path: Path,
    analyses: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "a"))
    (folder, written), cancelled = _role_export(qtbot, opened)
    assert folder == tmp_path / "a"
    assert analyses == []
    assert not cancelled
    fresh = export_role_descriptions(opened.document.plan, tmp_path / "b", fmt="md")
    assert [p.name for p in written] == [p.name for p in fresh]
    assert [p.read_bytes() for p in written] == [p.read_bytes() for p in fresh]


def test_the_documents_are_named_in_the_background_and_asked_about_before_writing(
    qtbot: Any, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Naming every document takes half a second at national scale: not on the window's
    thread. The question still comes first, on the window's thread, with nothing written."""
    from govplanner.export import roles

    plan = opened.document.plan
    names = roles.planned_file_names(plan, "md")
    (tmp_path / names[0]).write_text("edited in Word", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    naming: list[bool] = []
    real = roles.planned_file_names

    def named(*args: Any, **kwargs: Any) -> list[str]:
        naming.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(roles, "planned_file_names", named)
    asked: list[tuple[list[str], bool, list[str]]] = []

    def ask(_parent: Any, existing: list[str], *_a: Any) -> str:
        on_window = threading.current_thread() is threading.main_thread()
        asked.append((existing, on_window, sorted(p.name for p in tmp_path.iterdir())))
        return "replace"

    monkeypatch.setattr(prompts, "ask_about_existing", ask)
    (folder, written), _cancelled = _role_export(qtbot, opened)
    assert naming == [False]
    assert asked == [([names[0]], True, [names[0]])]
    assert folder == tmp_path
    assert [p.name for p in written] == names
    assert (tmp_path / names[0]).read_text(encoding="utf-8") != "edited in Word"


def test_cancel_while_the_documents_are_named_writes_nothing_and_says_so(
    qtbot: Any, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govplanner.export import roles

    (tmp_path / "Someone else's.md").write_text("not ours", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    asked: list[object] = []

    def ask(*args: Any) -> str:
        asked.append(args)
        return "replace"

    monkeypatch.setattr(prompts, "ask_about_existing", ask)
    tasks: list[Any] = []
    real = roles.planned_file_names

    def cancelled_meanwhile(*args: Any, **kwargs: Any) -> list[str]:
        tasks[0].cancel()  # as the progress dialog's Cancel does
        return real(*args, **kwargs)

    monkeypatch.setattr(roles, "planned_file_names", cancelled_meanwhile)
    task = opened.files.export_role_descriptions("md")
    assert task is not None
    tasks.append(task)
    with qtbot.waitSignal(task.done, timeout=30_000) as ended:
        pass
    assert ended.args == [None, True]
    assert asked == []
    assert [p.name for p in tmp_path.iterdir()] == ["Someone else's.md"]
    message = opened.statusBar().currentMessage()
    assert message == "Role descriptions cancelled: nothing written."


def test_the_progress_dialog_says_the_folder_is_checked_first(
    qtbot: Any, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    (tmp_path / "Notes.md").write_text("not a role description", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    task = opened.files.export_role_descriptions("md")
    assert task is not None
    shown = [d for d in opened.findChildren(QProgressDialog) if d.isVisible()]
    assert [d.labelText() for d in shown] == [
        "Checking the folder, then writing the role descriptions…"
    ]
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
