"""Timing helpers and result rows: medians of interleaved runs, ratios, verdicts, the table."""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

#: A run that takes longer than this is repeated fewer times (keeps the whole run short).
SLOW_RUN_S = 2.0
#: Quick runs are repeated until they add up to about this long (at most MAX_REPEAT times),
#: so a median of millisecond runs is not at the mercy of one busy moment.
QUICK_TOTAL_S = 0.5
MAX_REPEAT = 25


def _repeats(first: float, repeat: int) -> int:
    """How many timed runs, given how long the warm-up took."""
    if first > SLOW_RUN_S:
        return min(repeat, 3)
    wanted = math.ceil(QUICK_TOTAL_S / max(first, 1e-6))
    return max(repeat, min(MAX_REPEAT, wanted))


class NotAvailable(Exception):  # noqa: N818 - a state, not an error: the target is not built yet
    """The code a benchmark measures does not exist yet (or cannot run here)."""


@dataclass
class Row:
    """One line of the results table."""

    name: str
    size: str
    seconds: float | None
    baseline: float | None = None
    target: str = ""
    limit: float | None = None  # ratio limit, or absolute seconds when there is no baseline
    seats: int = 0
    note: str = ""
    runs: int = 0
    unit: str = "s"  # "s" for times, "MB" for memory

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.baseline:
            return None
        return self.seconds / self.baseline

    @property
    def verdict(self) -> str:
        if self.seconds is None:
            return "N/A"
        if self.limit is None:
            return "info"
        value = self.ratio if self.baseline is not None else self.seconds
        if value is None:
            return "N/A"
        return "PASS" if value <= self.limit else "FAIL"


def _once(fn: Callable[[], object], setup: Callable[[], object] | None) -> float:
    if setup is not None:
        setup()
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(
    fn: Callable[[], object],
    repeat: int,
    *,
    setup: Callable[[], object] | None = None,
    warmup: bool = True,
) -> list[float]:
    """Times of ``repeat`` runs of ``fn`` (``setup`` runs untimed before each)."""
    if warmup:
        repeat = _repeats(_once(fn, setup), repeat)
    return [_once(fn, setup) for _ in range(max(1, repeat))]


def measure_pair(
    fn: Callable[[], object],
    baseline: Callable[[], object],
    repeat: int,
    *,
    setup: Callable[[], object] | None = None,
    warmup: bool = True,
) -> tuple[list[float], list[float]]:
    """Interleaved runs of ``fn`` and ``baseline``, so machine noise hits both alike."""
    if warmup:
        repeat = _repeats(max(_once(fn, setup), _once(baseline, setup)), repeat)
    ours, theirs = [], []
    for _ in range(max(1, repeat)):
        ours.append(_once(fn, setup))
        theirs.append(_once(baseline, setup))
    return ours, theirs


def median(times: list[float]) -> float:
    return statistics.median(times)


def fmt_value(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "—"
    if unit != "s":
        return f"{value:,.0f} {unit}"
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def progress_line(r: Row) -> str:
    """One row as a line of text, printed as soon as it is measured."""
    if r.seconds is None:
        return f"  {r.name} @ {r.size}: {r.note}"
    against = "" if r.baseline is None else f" vs baseline {fmt_value(r.baseline, r.unit)}"
    ratio = "" if r.ratio is None else f" = {r.ratio:.2f}×"
    target = f" (target {r.target})" if r.target else ""
    return (
        f"  {r.name} @ {r.size}: {fmt_value(r.seconds, r.unit)}{against}{ratio}{target} "
        f"→ {r.verdict}"
    )


def render_table(rows: list[Row]) -> str:
    """The results as a Markdown table (readable in a terminal too)."""
    header = (
        "benchmark", "size", "govplanner", "baseline", "ratio", "target", "result", "runs", "note"
    )  # fmt: skip
    lines = [header]
    for r in rows:
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}×"
        lines.append(
            (
                r.name,
                r.size,
                fmt_value(r.seconds, r.unit),
                fmt_value(r.baseline, r.unit),
                ratio,
                r.target,
                r.verdict,
                str(r.runs or ""),
                r.note,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def _growth(group: list[Row], baseline: bool = False) -> float | None:
    """Per-seat cost at the largest size over that at the smallest."""
    values = [r.baseline if baseline else r.seconds for r in (group[0], group[-1])]
    if values[0] is None or values[1] is None or not values[0]:
        return None
    return (values[1] / group[-1].seats) / (values[0] / group[0].seats)


def scaling_lines(rows: list[Row], limit: float = 1.5) -> list[str]:
    """Per-seat cost at each size, and whether the largest size costs ≤ ``limit``× per seat.

    Where the baseline's own per-seat cost grows too (a busy or memory-bound machine), a
    growth no worse than the baseline's (within ``limit``) counts as linear, and says so.
    """
    by_name: dict[str, list[Row]] = {}
    for r in rows:
        if r.seats and r.seconds is not None:
            by_name.setdefault(r.name, []).append(r)
    out = []
    for name, group in by_name.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda r: r.seats)
        growth, base = _growth(group), _growth(group, baseline=True)
        if growth is None:
            continue
        if growth <= limit:
            verdict = "linear"
        elif base is not None and growth <= limit * base:
            verdict = f"linear relative to its baseline (whose per-seat cost grew {base:.2f}×)"
        else:
            verdict = "WORSE THAN LINEAR"
        parts = ", ".join(f"{r.seats:,}: {fmt_value((r.seconds or 0) / r.seats)}" for r in group)
        out.append(
            f"- {name}: per seat {parts} → largest/smallest {growth:.2f}×"
            f"{'' if base is None else f' (baseline {base:.2f}×)'}: {verdict}"
        )
    return out
