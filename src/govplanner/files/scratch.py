"""A private scratch folder for the temporary files a workbook writer makes, swept next time.

openpyxl's streaming writer puts one temporary file per sheet in the system's temporary
folder and removes them only when the process exits normally; a killed or failed export
leaves them there for good. Inside :func:`scratch_space` they go to a folder of this
process's own (``govplanner-<pid>-<random>``), which is removed when the block ends, and
folders left by processes that no longer run are removed the next time an export starts.

A writer that stopped part-way (the export failed, or its failure was caught inside the
block) still holds open streams; they are closed by collecting it, quietly, before the folder
goes. Only then: a full collection walks every object the open plan holds (tens of
milliseconds at national scale, with the window's thread waiting), and a writer that finished
has closed and removed its own files, so a folder left empty has nothing to collect.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import shutil
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from govplanner.files.lock import process_alive

_PREFIX = "govplanner-"
_NAME = re.compile(rf"^{re.escape(_PREFIX)}(\d+)-[0-9a-z_]+$")
_guard = threading.Lock()


def sweep_scratch(parent: str | Path | None = None) -> int:
    """Remove scratch folders of processes that no longer run; return how many went."""
    root = Path(parent or tempfile.gettempdir())
    removed = 0
    try:
        entries = list(root.iterdir())
    except OSError:
        return 0
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or process_alive(int(match.group(1))) or not entry.is_dir():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed += 1
    return removed


@contextlib.contextmanager
def scratch_space() -> Iterator[Path]:
    """Temporary files made in this block go to a private folder, removed at its end.

    A writer that stopped part-way is collected here, with Python's "Exception ignored"
    reports about its half-closed streams suppressed: the failure itself has been reported.
    It is known by the files it left in the folder (or by the block failing).
    """
    with _guard:
        sweep_scratch()
        folder = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-"))
        previous = tempfile.tempdir
        tempfile.tempdir = str(folder)
    failure: BaseException | None = None
    try:
        yield folder
    except BaseException as exc:
        failure = exc
        raise
    finally:
        with _guard:
            tempfile.tempdir = previous
        if failure is not None or _holds_files(folder):
            _collect_quietly(failure)
        shutil.rmtree(folder, ignore_errors=True)


def _holds_files(folder: Path) -> bool:
    """Whether anything is left in ``folder`` (a finished writer removes its own files)."""
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except OSError:
        return True  # cannot tell: collect, as before


def _collect_quietly(failure: BaseException | None) -> None:
    """Free what a failed writer left (its frames hold it) without Python's reports."""

    def ignore(_unraisable: Any) -> None:
        pass

    hook = sys.unraisablehook
    sys.unraisablehook = ignore
    try:
        if failure is not None:
            traceback.clear_frames(failure.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook
