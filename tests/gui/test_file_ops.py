"""Import and export from the window, off the GUI thread; the background worker itself."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from govplanner.domain.errors import FileInUseError, GovplannerError
from govplanner.files.planfile import load_plan, save_plan
from govplanner.files.register_export import export_register
from govplanner.files.register_import import import_register
from govplanner.gui.file_ops import example_files
from govplanner.gui.main_window import MainWindow
from govplanner.gui.workers import BackgroundTask
from tests.gui.conftest import small_plan_builder


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "register.xlsx"
    export_register(small_plan_builder().build(), path)
    return path


def _errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    return shown


def test_import_register_opens_an_unsaved_plan(
    qtbot: Any, window: MainWindow, register: Path
) -> None:
    # Wait on the effect: a fast task may finish before a signal spy could connect.
    window.files.import_register_from(str(register))
    qtbot.waitUntil(lambda: window.plan_open, timeout=10_000)
    assert window.document.path is None
    assert {c.name for c in window.document.plan.committees} == {
        "ICB Board", "Quality Committee", "Mental Health Board", "Crisis Group"
    }  # fmt: skip
    assert "Imported 4 committees" in window.statusBar().currentMessage()


def test_bad_register_shows_the_cli_message(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(GovplannerError) as expected:
        import_register(bad)
    shown = _errors(monkeypatch)
    window.files.import_register_from(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [str(expected.value)]
    assert not window.plan_open


@pytest.mark.parametrize(
    ("method", "name"),
    [("export_register", "out.xlsx"), ("export_gap_report", "gaps.xlsx")],
)
def test_exports_write_their_file(
    qtbot: Any,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    name: str,
) -> None:
    plan_file = tmp_path / "p.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    window.files.open_path(str(plan_file))
    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    assert getattr(window.files, method)() is not None
    # Window-modal at once: nothing can edit the plan the worker is reading.
    progress = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert len(progress) == 1
    assert progress[0].windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: name in window.statusBar().currentMessage(), timeout=20_000)
    assert target.stat().st_size > 0


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "md"])
def test_role_descriptions_export_writes_one_file_per_clinical_role(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    plan_file = tmp_path / "p.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    window.files.open_path(str(plan_file))
    folder = tmp_path / "roles"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    # Through the menu: File ▸ Export ▸ Role descriptions offers every format.
    entries = {
        "docx": window.menu_actions.export_roles,
        "pdf": window.menu_actions.export_roles_pdf,
        "html": window.menu_actions.export_roles_html,
        "md": window.menu_actions.export_roles_md,
    }
    entries[fmt].trigger()
    qtbot.waitUntil(lambda: "Wrote 3 role" in window.statusBar().currentMessage(), timeout=20_000)
    written = sorted(folder.iterdir())
    assert len(written) == 3
    assert {p.suffix for p in written} == {f".{fmt}"}


def test_role_descriptions_pass_progress_and_cancel(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_plan(small_plan_builder().build(), None)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    seen: dict[str, Any] = {}

    def fake_export(plan: Any, folder: Path, **kwargs: Any) -> list[Path]:
        seen.update(kwargs)
        kwargs["progress"](1, 3)
        return []

    monkeypatch.setattr("govplanner.export.roles.export_role_descriptions", fake_export)
    window.files.export_role_descriptions("pdf")
    qtbot.waitUntil(lambda: "Wrote 0 role" in window.statusBar().currentMessage(), timeout=5000)
    assert seen["fmt"] == "pdf"
    assert callable(seen["cancel"])
    assert seen["cancel"]() is False


def test_cancelled_gap_report_writes_nothing_and_says_so(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_plan(small_plan_builder().build(), None)
    target = tmp_path / "gaps.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen: dict[str, Any] = {}

    def cancelled_export(plan: Any, analysis: Any, path: Any, **kwargs: Any) -> None:
        seen.update(kwargs)
        return None  # what export_gap_report returns when cancel() said stop

    monkeypatch.setattr("govplanner.export.gap_report.export_gap_report", cancelled_export)
    window.files.export_gap_report()
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.statusBar().currentMessage() == "Gap report cancelled: nothing written."
    assert set(seen) == {"progress", "cancel"}
    assert not target.exists()


def _modified(window: MainWindow, plan_file: Path) -> None:
    window.files.open_path(str(plan_file))
    model = window.committees.model
    model.setData(model.index(0, 0), "Renamed Board")


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (FileInUseError(Path("p.govplan")), "Close it there and try again."),
        (PermissionError(13, "Permission denied"), "Could not save p.govplan in "),
    ],
)
def test_failed_save_says_why_and_keeps_the_changes(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    expected: str,
) -> None:
    plan_file = tmp_path / "p.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    _modified(window, plan_file)

    def failing_save(plan: Any, path: Any) -> None:
        raise failure

    monkeypatch.setattr("govplanner.files.planfile.save_plan", failing_save)
    shown = _errors(monkeypatch)
    assert not window.files.save()
    assert len(shown) == 1
    assert expected in shown[0]
    assert "Nothing is lost: your changes are still open." in shown[0]
    assert window.isWindowModified()
    assert window.document.plan.committees[0].name == "Renamed Board"
    assert load_plan(plan_file).committees[0].name == "ICB Board"


def test_save_as_into_a_folder_that_cannot_exist_keeps_the_changes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = tmp_path / "p.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    _modified(window, plan_file)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    target = not_a_folder / "copy.govplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = _errors(monkeypatch)
    assert not window.files.save_as()
    assert len(shown) == 1
    assert "copy.govplan" in shown[0]
    assert window.isWindowModified()
    assert window.document.path == plan_file
    assert window.windowTitle() == "p.govplan[*] — govplanner"


def test_background_task_can_be_cancelled(qtbot: Any) -> None:
    started = threading.Event()
    steps: list[tuple[int, int]] = []

    def work(progress: Any, cancelled: Any) -> int:
        started.set()
        done = 0
        while not cancelled() and done < 10_000:
            done += 1
            progress(done, 10_000)
            threading.Event().wait(0.001)
        return done

    task = BackgroundTask(work)
    task.progressed.connect(lambda d, t: steps.append((d, t)))
    with qtbot.waitSignal(task.done, timeout=10_000) as blocker:
        task.start()
        assert started.wait(5)
        task.cancel()
    count, cancelled = blocker.args
    assert cancelled
    assert count < 10_000


def test_background_task_reports_errors(qtbot: Any) -> None:
    def work(progress: Any, cancelled: Any) -> None:
        raise GovplannerError("The file is locked.")

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert str(blocker.args[0]) == "The file is locked."


def test_examples_are_found_when_the_repository_has_them() -> None:
    repository = Path(__file__).resolve().parents[2] / "examples"
    expected = sorted(repository.glob("*.govplan"))
    assert example_files() == expected


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_diagram_export(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    plan_file = tmp_path / "p.govplan"
    save_plan(small_plan_builder().build(), plan_file)
    window.files.open_path(str(plan_file))
    target = tmp_path / "diagram"  # the extension is added when missing
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    getattr(window.menu_actions, f"diagram_{fmt}").trigger()
    written = tmp_path / f"diagram.{fmt}"
    assert written.stat().st_size > 0


def test_suggested_file_names_are_safe(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from govplanner.domain.presets import new_plan

    window.show_plan(new_plan("ics", "North/East: 2026?"), None)
    suggested: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _w, _t, name, _f: suggested.append(name) or ("", "")
    )
    assert not window.files.save_as()
    assert Path(suggested[0]).name == "North-East- 2026-.govplan"


def test_examples_open_as_unsaved_copies(window: MainWindow) -> None:
    examples = example_files()
    assert examples, "the repository ships example plans"
    window.welcome.examples.itemActivated.emit(window.welcome.examples.item(0))
    assert window.plan_open
    assert window.document.path is None
    assert window.document.plan.committees
    assert window.files.recent() == []
    assert "example" in window.statusBar().currentMessage()


def test_import_says_what_it_assumed_without_blocking(qtbot: Any, window: MainWindow) -> None:
    from govplanner.files.register_import import read_register

    register = Path(__file__).parents[2] / "examples" / "cluster-register.xlsx"
    notices = read_register(register).notices
    assert notices  # the example names no kinds: they are inferred from names
    window.files.import_register_from(str(register))
    qtbot.waitUntil(lambda: window.plan_open, timeout=10_000)
    box = window.files.notices_box
    assert box.isVisible()
    assert notices[0] in box.informativeText()
    box.accept()


def test_opening_a_plan_runs_no_garbage_collection(window: MainWindow, tmp_path: Path) -> None:
    """Read with the collector paused until the window freezes the plan: no collection walks
    the new plan's objects (at 50k seats the first three took ~0.6 s of the open)."""
    import gc

    from govplanner.analysis import analyse

    path = tmp_path / "plan.govplan"
    save_plan(load_plan(Path(__file__).parents[2] / "examples" / "ics-example.govplan"), path)
    collections: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(note)
    try:
        assert window.files.open_path(path, ask=False)
    finally:
        gc.callbacks.remove(note)
    assert collections == []
    assert gc.isenabled()
    assert window.live.analysis == analyse(window.document.plan)
