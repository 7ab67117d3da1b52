"""Asking before an export replaces documents already in a folder (replace, keep both, choose
another folder), checking a chosen export file as the command line does, and offering to open
the folder once the documents are written."""

from __future__ import annotations

from collections.abc import Iterable
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


def holds_any(folder: Path, suffix: str) -> bool:
    """Whether ``folder`` holds any file ending in ``suffix`` (ignoring case)."""
    try:
        return any(p.name.casefold().endswith(suffix) for p in folder.iterdir())
    except OSError:
        return False


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
    parent: QWidget,
    plan: Plan,
    fmt: str,
    folder: Path,
    stem: str,
    title: str,
    names: list[str] | None = None,
) -> Path | None:
    """The folder to write into once the user has said what to do about documents already
    there (None: cancelled, write nothing). ``names``: the export's file names, if already
    worked out (at national scale that takes half a second, so not on the window's thread)."""
    from govplanner.export.roles import planned_file_names

    while True:
        if not holds_any(folder, f".{fmt}"):
            return folder  # nothing to replace: no need to work out every file's name
        names = planned_file_names(plan, fmt) if names is None else names
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


def export_file(
    parent: QWidget,
    title: str,
    suggested: Path,
    file_filter: str,
    *,
    inputs: Iterable[Path | None],
    what: str,
) -> Path | None:
    """Ask where to write one export file (``suggested`` gives its extension) and check that
    it may be written there; None when cancelled or refused (after saying why).

    The save dialog itself asks before replacing a file; the replaced file is then kept as
    ``.bak`` by :func:`govplanner.files.output_safety.export_writes`.
    """
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not chosen:
        return None
    return checked_output(parent, Path(chosen), inputs=inputs, what=what, suffix=suggested.suffix)


def checked_output(
    parent: QWidget,
    path: Path,
    *,
    inputs: Iterable[Path | None],
    what: str,
    suffix: str = "",
) -> Path | None:
    """``path`` (with ``suffix`` added when it lacks it) if an export of ``what`` may write
    it: never the plans it is made from, a plan file, a plan open for editing here or
    elsewhere, a folder or a device. Otherwise say why in a message box and return None."""
    from govplanner.domain.errors import GovplannerError
    from govplanner.files.output_safety import check_output_file

    sources = [Path(p) for p in inputs if p is not None]
    try:
        check_output_file(path, sources, what=what)  # as typed: a plan is named as such
        if suffix and path.suffix.lower() != suffix.lower():
            path = path.with_name(path.name + suffix)
        return check_output_file(path, sources, what=what)
    except GovplannerError as exc:
        QMessageBox.warning(parent, f"Cannot write the {what} there", str(exc))
        return None


def replaced_note(target: Path, replacing: bool) -> str:
    """' The file it replaced is kept as NAME.bak.' when an export replaced a file."""
    from govplanner.files.atomic import backup_path

    kept = backup_path(target)
    return f" The file it replaced is kept as {kept.name}." if replacing and kept.exists() else ""


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
