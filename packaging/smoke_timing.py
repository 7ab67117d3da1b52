"""Start-up timings for smoke_test.py: frozen bundle against the same code run from source."""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from smoke_support import Isolation

# Seconds one start takes, for a command line (the executable first).
Timer = Callable[[list], float]


def evict(folders: list[Path]) -> bool:
    """Ask the kernel to forget the cached pages of the files under ``folders`` only, so the
    next start reads them from disk. Nothing else on the machine is touched (no root, no
    system-wide cache drop); False where the system cannot do this (Windows)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None or not sys.platform.startswith("linux"):
        return False
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_symlink() or not path.is_file():
                continue
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
            finally:
                os.close(fd)
    return True


def program_files(exe: Path) -> list[Path]:
    """The files one program runs from: a bundle's folder, or a venv's (for a console script)."""
    folder = exe.resolve().parent
    if folder.name not in ("bin", "Scripts"):
        return [folder]
    venv = folder.parent
    interpreter = (venv / folder.name / "python").resolve()  # the venv's base Python
    base_lib = interpreter.parent.parent / "lib" / interpreter.name
    return [venv, *([base_lib] if base_lib.is_dir() else [])]


def process_timer(iso: Isolation) -> Timer:
    """Wall-clock seconds from start to exit, in the clean environment (no Python on PATH)."""

    def timer(cmd: list) -> float:
        run = iso.run_plain(cmd, iso.env, timeout=180)
        if run.rc != 0:
            raise SystemExit(f"timing run failed ({run.rc}): {' '.join(run.cmd)}\n{run.stderr}")
        return run.seconds

    return timer


def _medians(timer: Timer, cmds: list[list], runs: int, cold: bool) -> list[float]:
    """Median seconds per command; the commands take turns, so load spikes hit them alike."""
    times: list[list[float]] = [[] for _ in cmds]
    if not cold:
        for cmd in cmds:
            timer(cmd)  # warm-up
    for _ in range(runs):
        for index, cmd in enumerate(cmds):
            if cold:
                evict(program_files(Path(cmd[0])))
            times[index].append(timer(cmd))
    return [statistics.median(t) for t in times]


def timing_table(
    frozen: Path, source: Path | None, rows: dict[str, tuple[Timer, list]], runs: int
) -> str:
    """Median seconds per row, frozen vs from source, cold (if we can empty caches) and warm."""
    kinds = ["cold", "warm"] if evict([]) else ["warm"]
    cold_runs = min(runs, 3)
    exes = [frozen, source] if source else [frozen]
    names = ["frozen", "source"][: len(exes)]
    head = [f"{name} {kind}" for kind in kinds for name in names]
    lines = [f"{'start-up, seconds':<24}" + "".join(f"{h:>14}" for h in head)]
    for label, (timer, args) in rows.items():
        cells: list[float] = []
        for kind in kinds:
            cmds = [[exe, *args] for exe in exes]
            cells += _medians(timer, cmds, cold_runs if kind == "cold" else runs, kind == "cold")
        lines.append(f"{label:<24}" + "".join(f"{c:>14.2f}" for c in cells))
    legend = f"median of {runs} warm runs"
    if "cold" in kinds:
        legend += f", {cold_runs} cold runs (the program's own files evicted from the cache)"
    return "\n".join([*lines, f"({legend}; source = {source})" if source else f"({legend})"])
