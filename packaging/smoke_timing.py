"""Start-up timings for smoke_test.py: frozen bundle against the same code run from source."""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from smoke_support import Isolation

DROP_CACHES = Path("/proc/sys/vm/drop_caches")
# Seconds one start takes, for a command line (the executable first).
Timer = Callable[[list], float]


def drop_caches() -> bool:
    """Empty the page cache so the next start reads from disk (root on Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        os.sync()
        DROP_CACHES.write_text("3\n")
    except OSError:
        return False
    return True


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
                drop_caches()
            times[index].append(timer(cmd))
    return [statistics.median(t) for t in times]


def timing_table(
    frozen: Path, source: Path | None, rows: dict[str, tuple[Timer, list]], runs: int
) -> str:
    """Median seconds per row, frozen vs from source, cold (if we can empty caches) and warm."""
    kinds = ["cold", "warm"] if drop_caches() else ["warm"]
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
        legend += f", {cold_runs} cold runs (page cache dropped before each)"
    return "\n".join([*lines, f"({legend}; source = {source})" if source else f"({legend})"])
