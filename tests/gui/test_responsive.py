"""Background work keeps the window responsive: no full collections and a short switch
interval while it runs, everything restored after; a big diagram is settled once built."""

from __future__ import annotations

import gc
import sys
import threading
from typing import Any

import pytest

from govplanner.gui import responsive
from govplanner.gui.workers import BackgroundTask


def test_full_collections_wait_and_the_lock_is_passed_quickly_until_the_last_work_ends() -> None:
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    with responsive.background_work():
        assert gc.get_threshold()[:2] == thresholds[:2]  # young collections go on
        assert gc.get_threshold()[2] == responsive.POSTPONED
        assert sys.getswitchinterval() == pytest.approx(responsive.SWITCH_INTERVAL)
        with responsive.background_work():  # a second task overlapping the first
            pass
        assert gc.get_threshold()[2] == responsive.POSTPONED  # the first still runs
    assert gc.get_threshold() == thresholds
    assert sys.getswitchinterval() == pytest.approx(interval)


def test_a_failing_piece_of_work_still_restores_everything() -> None:
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    with pytest.raises(RuntimeError), responsive.background_work():
        raise RuntimeError("the export failed")
    assert (gc.get_threshold(), sys.getswitchinterval()) == (thresholds, interval)


def test_a_background_task_runs_its_work_that_way(qtbot: Any) -> None:
    seen: list[tuple[int, str]] = []

    def work(_progress: Any, _cancelled: Any) -> str:
        seen.append((gc.get_threshold()[2], threading.current_thread().name))
        return "done"

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.done) as done:
        task.start()
    assert done.args == ["done", False]
    assert seen[0][0] == responsive.POSTPONED
    assert seen[0][1] != threading.main_thread().name
    assert gc.get_threshold()[2] != responsive.POSTPONED


def test_settling_moves_what_is_alive_out_of_the_collectors_sight() -> None:
    kept = [[n] for n in range(1000)]
    try:
        responsive.settle_long_lived()
        assert gc.get_freeze_count() >= len(kept)
        watched = {id(o) for o in gc.get_objects()}
        assert not any(id(k) in watched for k in kept)
    finally:
        gc.unfreeze()


def test_the_progress_dialog_is_up_before_the_work_starts(qtbot: Any) -> None:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from govplanner.gui.workers import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    visible: list[bool] = []

    def work(_progress: Any, _cancelled: Any) -> None:
        visible.append(any(d.isVisible() for d in parent.findChildren(QProgressDialog)))

    finished: list[bool] = []
    done = lambda *_a: finished.append(True)  # noqa: E731
    task = run_with_progress(parent, "T", "Working…", work, done, print)
    assert visible == []  # not started within the call
    qtbot.waitUntil(lambda: bool(finished))
    assert visible == [True]
    assert not task.cancelled
