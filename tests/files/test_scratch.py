"""The workbook writers' scratch folder: removed at the end of every export, and a full garbage
collection (tens of milliseconds at national scale, the window waiting) only when a writer
stopped part-way and must be closed."""

from __future__ import annotations

import gc
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from govplanner.analysis import analyse
from govplanner.export.gap_report import export_gap_report
from govplanner.export.roles import export_role_descriptions
from govplanner.files.register_export import export_register
from govplanner.files.scratch import scratch_space
from tests.export.plans import partnership


@contextmanager
def full_collections() -> Iterator[list[int]]:
    """Count full (oldest generation) collections; automatic ones are paused meanwhile, so
    only a collection asked for in code is counted."""
    seen: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(1)

    was_enabled = gc.isenabled()
    gc.disable()
    gc.callbacks.append(watch)
    try:
        yield seen
    finally:
        gc.callbacks.remove(watch)
        if was_enabled:
            gc.enable()


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Python's "Exception ignored" reports (unraisable exceptions), recorded."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(repr(u.exc_value)))
    return seen


def _gap_report(out: Path) -> None:
    plan = partnership()
    export_gap_report(plan, analyse(plan), out / "gaps.xlsx")


def _cancelled_gap_report(out: Path) -> None:
    plan = partnership()
    assert export_gap_report(plan, analyse(plan), out / "gaps.xlsx", cancel=lambda: True) is None


def _register(out: Path) -> None:
    export_register(partnership(), out / "register.xlsx")


def _word_documents(out: Path) -> None:
    assert export_role_descriptions(partnership(), out / "roles", fmt="docx")


EXPORTS: dict[str, Callable[[Path], None]] = {
    "gap report": _gap_report,
    "cancelled gap report": _cancelled_gap_report,
    "register": _register,
    "Word documents": _word_documents,
}


@pytest.mark.parametrize("export", EXPORTS.values(), ids=list(EXPORTS))
def test_a_finished_export_needs_no_full_collection(
    export: Callable[[Path], None], tmp_path: Path
) -> None:
    with full_collections() as collections, scratch_space() as folder:
        export(tmp_path)
        assert folder.is_dir()
    assert collections == []
    assert not folder.exists()


def _half_written_workbook() -> None:
    """A write-only workbook abandoned mid-sheet: its temporary file and stream stay open."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Findings")
    for n in range(200):
        sheet.append([n, "a finding"])


def test_a_writer_abandoned_part_way_is_closed_quietly(tmp_path: Path, reports: list[str]) -> None:
    """A failure caught inside the block leaves a half-written sheet: it is collected (its
    stream closed) before the folder goes, without Python's "Exception ignored" reports."""
    with full_collections() as collections, scratch_space() as folder:
        _half_written_workbook()
        assert [p.name[:9] for p in folder.iterdir()] == ["openpyxl."]
    assert collections == [1]
    assert not folder.exists()
    gc.collect()  # nothing is left for a later collection to report either
    assert reports == []


def test_without_the_collection_the_abandoned_writer_would_report(reports: list[str]) -> None:
    """What the collection above prevents: the writer's streams, collected later in the
    ordinary way, print "Exception ignored" on the user's terminal."""
    with full_collections():
        _half_written_workbook()
    gc.collect()
    assert reports  # (so the previous test's empty list means something)


def test_a_failed_export_removes_its_files_and_reports_nothing(reports: list[str]) -> None:
    def fail(workbook: Any) -> None:
        sheet = workbook.create_sheet("Roles")
        sheet.append(["a role"])
        raise OSError("disk full")

    failing = pytest.raises(OSError, match="disk full")
    with failing, full_collections() as collections, scratch_space() as folder:
        fail(Workbook(write_only=True))
    assert collections == [1]
    assert not folder.exists()
    gc.collect()
    assert reports == []


def test_scratch_files_go_to_the_private_folder_and_a_saved_workbook_removes_them() -> None:
    with scratch_space() as folder:
        workbook = Workbook(write_only=True)
        workbook.create_sheet("Summary").append(["a row"])
        assert [p.name[:9] for p in folder.iterdir()] == ["openpyxl."]
        workbook.save(io.BytesIO())
        assert list(folder.iterdir()) == []
    assert not folder.exists()
