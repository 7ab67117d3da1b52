"""Asking before an export replaces documents already in a folder (replace, keep both, choose
another folder), and offering to open the folder once the documents are written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from govplanner.domain.model import Plan

Answer = Literal["replace", "keep", "choose", "cancel"]
#: File names listed in the question before "and n more".
SHOWN = 6


def existing_documents(folder: Path, names: list[str]) -> list[str]:
    """Those of ``names`` already in ``folder`` (compared as Windows does, ignoring case)."""
    try:
        present = {p.name.casefold() for p in folder.iterdir()}
    except OSError:
        return []
    return [n for n in names if n.casefold() in present]


def free_subfolder(folder: Path, stem: str) -> Path:
    """A folder inside ``folder`` that does not exist yet: 'stem', else 'stem 2', 'stem 3'…"""
    candidate, n = folder / stem, 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem} {n}"
    return candidate


def existing_question(existing: list[str], total: int, folder: Path, stem: str) -> str:
    """'2 of the 5 documents are already in …: a.docx, b.docx. …' with counts that read right."""
    some = "The document is" if total == 1 else f"{len(existing)} of the {total} documents are"
    if total > 1 and len(existing) == total:
        some = f"All {total} documents are"
    listed = ", ".join(existing[:SHOWN])
    more = f" and {len(existing) - SHOWN} more" if len(existing) > SHOWN else ""
    return (
        f"{some} already in {folder} ({listed}{more}). Any changes made to them there, in "
        f"Word for example, would be lost if they are replaced.\n\nReplace them, keep both "
        f"(the new documents go into a new folder, '{free_subfolder(folder, stem).name}', "
        "inside this one), or choose another folder?"
    )


def ask_about_existing(
    parent: QWidget, existing: list[str], total: int, folder: Path, stem: str
) -> Answer:
    """Ask what to do about documents of the same names; Cancel writes nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Documents already there")
    box.setText(existing_question(existing, total, folder, stem))
    replace = box.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep both", QMessageBox.ButtonRole.AcceptRole)
    choose = box.addButton("&Choose another folder…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    answers: dict[object, Answer] = {replace: "replace", keep: "keep", choose: "choose"}
    return answers.get(clicked, "cancel")


def choose_role_folder(
    parent: QWidget, plan: Plan, fmt: str, folder: Path, stem: str, title: str
) -> Path | None:
    """The folder to write into once the user has said what to do about documents already
    there (None: cancelled, write nothing)."""
    from govplanner.export.roles import planned_file_names

    names = planned_file_names(plan, fmt)
    while True:
        existing = existing_documents(folder, names)
        if not existing:
            return folder
        answer = ask_about_existing(parent, existing, len(names), folder, stem)
        if answer == "replace":
            return folder
        if answer == "keep":
            return free_subfolder(folder, stem)
        if answer == "cancel":
            return None
        chosen = QFileDialog.getExistingDirectory(parent, title, str(folder.parent))
        if not chosen:
            return None
        folder = Path(chosen)


def offer_to_open(parent: QWidget, folder: Path, text: str) -> QMessageBox:
    """Say what was written, with a button that opens the folder (not blocking the window)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Export finished")
    box.setText(text)
    opener = box.addButton("&Open folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    opener.clicked.connect(lambda: open_folder(folder))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_folder(folder: Path) -> bool:
    """Show the folder in the file manager (Explorer on Windows)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
