"""Messages that fit the screen and say what to do: long problem lists scroll with their
buttons in view, places inside a plan file go to Details, a workbook or a text file opened as
a plan says what it is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from govplanner.domain.errors import RegisterError
from govplanner.files.planfile import save_plan
from govplanner.files.register_problems import RegisterImportError
from govplanner.gui.main_window import MainWindow
from govplanner.gui.messages import ProblemDialog, file_kind, open_problem, split_paths
from tests.gui.conftest import small_plan_builder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _problem_dialog(window: MainWindow) -> ProblemDialog:
    found = [d for d in window.findChildren(ProblemDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def _button(dialog: ProblemDialog, text: str) -> QPushButton:
    (button,) = [b for b in dialog.buttons.buttons() if b.text() == text]
    return button


def test_json_paths_are_taken_out_of_the_text() -> None:
    text = "x.govplan: expected a number; found 'lots' at $.plan.roles[0].sessions_per_week"
    main, paths = split_paths(text)
    assert main == "x.govplan: expected a number; found 'lots'"
    assert paths == ["$.plan.roles[0].sessions_per_week"]
    assert split_paths("costs $5 a session") == ("costs $5 a session", [])


def test_file_kind_reads_the_first_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.govplan").write_text('\ufeff  {"format": "govplan"}', encoding="utf-8")
    (tmp_path / "b.govplan").write_bytes(b"PK\x03\x04rest of a zip")
    (tmp_path / "c.govplan").write_text("Committee,Tier\nBoard,system\n", encoding="utf-8")
    kinds = [file_kind(tmp_path / n) for n in ("a.govplan", "b.govplan", "c.govplan", "d")]
    assert kinds == ["json", "workbook", "other", "missing"]


def test_a_workbook_opened_as_a_plan_offers_import_register(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    workbook = tmp_path / "register.xlsx"
    shutil.copy(EXAMPLES / "cluster-register.xlsx", workbook)
    assert not window.files.open_path(str(workbook))
    dialog = _problem_dialog(window)
    text = dialog.heading.text()
    assert "register.xlsx is an Excel workbook" in text
    assert "use File ▸ Import register…" in text
    assert "UTF-8" not in text  # the reader's reason is only in Details
    assert "UTF-8" in dialog.details.toPlainText()
    _button(dialog, "&Import register…").click()
    qtbot.waitUntil(lambda: window.plan_open, timeout=20_000)
    assert window.document.path is None


def test_a_text_file_opened_as_a_plan_says_it_is_not_one(
    window: MainWindow, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Committee list for the board\n", encoding="utf-8")
    assert not window.files.open_path(str(notes))
    dialog = _problem_dialog(window)
    assert dialog.heading.text().startswith("notes.txt is not a govplanner plan.")
    assert "truncated" not in dialog.heading.text()
    assert not [b for b in dialog.buttons.buttons() if "Import" in b.text()]
    dialog.close()


def test_a_place_inside_a_plan_goes_to_details(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "odd.govplan"
    save_plan(small_plan_builder().build(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["plan"]["roles"][0]["sessions_per_week"] = "lots"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not window.files.open_path(str(path))
    dialog = _problem_dialog(window)
    assert "$" not in dialog.heading.text()
    assert "'lots'" in dialog.heading.text()
    assert "Medical Director" in dialog.heading.text()
    assert not dialog.details.isVisible()
    assert dialog.details_button.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert "$.plan.roles[0].sessions_per_week" in dialog.details.toPlainText()


def test_open_problem_keeps_a_plain_message_for_a_broken_plan(tmp_path: Path) -> None:
    from govplanner.domain.errors import PlanFileError

    path = tmp_path / "cut.govplan"
    path.write_text('{"format": "govplan", "plan": {', encoding="utf-8")
    exc = PlanFileError(path, "the file ends too early", "line 1, column 30")
    assert open_problem(path, exc) == ("json", str(exc), "")


def _sixty_problems(path: Path) -> RegisterImportError:
    errors = [
        RegisterError(path, f"'Board {n}' is not a tier of this plan", sheet="Committees",
                      row=n + 2, column="Tier", value=f"Tier {n}")
        for n in range(60)
    ]  # fmt: skip
    return RegisterImportError(path, errors, stopped=True)


def test_a_long_problem_list_scrolls_and_keeps_its_buttons_on_screen(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: boxes.append("box"))
    window.files.error("Import register", _sixty_problems(tmp_path / "big.xlsx"))
    assert boxes == []  # not a message box as tall as the list
    dialog = _problem_dialog(window)
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == "big.xlsx has 60 problems:"
    assert dialog.problems.count() == 61  # every problem, then "(stopped after 60 problems)"
    assert dialog.problems.item(60).text() == "(stopped after 60 problems)"
    free = (dialog.screen() or QApplication.primaryScreen()).availableGeometry()
    assert dialog.frameGeometry().height() <= free.height()
    assert dialog.frameGeometry().width() <= free.width()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isVisible()
    bottom = ok.mapTo(dialog, ok.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
    assert dialog.problems.verticalScrollBar().maximum() > 0  # the list scrolls instead


def test_a_short_message_stays_a_plain_message_box(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    exc = RegisterError(tmp_path / "r.xlsx", "no Committees sheet")
    window.files.error("Import register", exc)
    assert shown == [str(exc)]
    assert window.findChildren(ProblemDialog) == []


def test_copy_puts_every_problem_on_the_clipboard(qtbot: Any, tmp_path: Path) -> None:
    dialog = ProblemDialog(None, "Problems", str(_sixty_problems(tmp_path / "big.xlsx")))
    qtbot.addWidget(dialog)
    _button(dialog, "&Copy").click()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "big.xlsx has 60 problems:"
    assert len(copied) == 62
