"""A small mixed-integer model builder and its solve by HiGHS (``highspy``).

Rows and columns are collected in plain lists and handed to HiGHS in one ``passModel`` call
(row-wise sparse arrays), so building a model is one linear pass whatever its size.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from highspy import Highs
    from highspy.highs import HighsCallbackEvent

INF = float("inf")


@dataclass
class Model:
    """Columns (bounds, cost, integrality) and rows (lower <= a.x <= upper)."""

    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    cost: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)
    #: a constant added to the objective (so gaps are relative to the real harm)
    offset: float = 0.0

    def column(
        self, lower: float, upper: float, cost: float = 0.0, *, integer: bool = False
    ) -> int:
        self.lower.append(lower)
        self.upper.append(upper)
        self.cost.append(cost)
        self.integer.append(integer)
        return len(self.lower) - 1

    def row(
        self, columns: Sequence[int], values: Sequence[float], lower: float, upper: float
    ) -> int:
        self.index.extend(columns)
        self.value.extend(values)
        self.starts.append(len(self.index))
        self.row_lower.append(lower)
        self.row_upper.append(upper)
        return len(self.row_lower) - 1

    @property
    def columns(self) -> int:
        return len(self.lower)

    @property
    def rows(self) -> int:
        return len(self.row_lower)

    @property
    def nonzeros(self) -> int:
        return len(self.index)


@dataclass(frozen=True)
class Solution:
    """What HiGHS said: its status, the values found (if any), the bound and the gap."""

    status: str  # "optimal", "feasible" (stopped early with a solution), "infeasible", "none"
    values: tuple[float, ...]
    objective: float | None
    bound: float | None
    #: relative optimality gap (0 when proven optimal; None when no solution was found)
    gap: float | None
    seconds: float
    detail: str  # HiGHS's own words for its status

    @property
    def found(self) -> bool:
        return self.status in ("optimal", "feasible")


class Cancelled(Exception):  # noqa: N818 - a state the caller asked for, not a failure
    """The solve was stopped by the caller (the app's Cancel)."""


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS prints a banner on the C-level stdout when its first instance is made."""
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
        saved = os.dup(fd)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), fd)
            try:
                yield
            finally:
                os.dup2(saved, fd)
    finally:
        os.close(saved)


_MAKE_LOCK = threading.Lock()


#: Models with more columns than this are solved in a child process that is stopped at the
#: time limit: HiGHS 1.16 does not look at its clock (or its interrupt callback) during
#: root cut separation, which on a national plan can run for minutes past the limit.
ISOLATE_COLUMNS = 20_000
#: Sets that threshold (a whole number of columns; 0 isolates every solve with a time limit),
#: so the packaged app's smoke test can prove the child process starts from the frozen app.
ISOLATE_ENV = "GOVPLANNER_SOLVE_ISOLATE_COLUMNS"
#: Seconds the child may run past the time limit before it is stopped.
GRACE = 2.0
#: The hidden first argument that makes ``govplanner`` (cli.main) the solver's child process.
CHILD_FLAG = "--solve-child"


def isolate_columns() -> int:
    """Models with more columns than this are solved in a child process."""
    text = os.environ.get(ISOLATE_ENV, "").strip()
    try:
        return max(0, int(text)) if text else ISOLATE_COLUMNS
    except ValueError:
        return ISOLATE_COLUMNS


def _highs(model: Model, time_limit: float | None, relative_gap: float) -> Highs:
    """A HiGHS instance holding the model, with this module's options."""
    import highspy
    import numpy as np

    with _MAKE_LOCK, _quiet_stdout():
        highs = highspy.Highs()  # type: ignore[no-untyped-call]  # highspy's own stub
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", relative_gap)
    highs.setOptionValue("mip_abs_gap", 1e-7)
    # Symmetry detection can run for minutes on a national plan without checking the time
    # limit (HiGHS 1.16); these models gain nothing from it.
    highs.setOptionValue("mip_detect_symmetry", False)
    highs.setOptionValue("threads", 1)
    # Sessions come in small steps (0.1 or more): a budget missed by a hundredth of a session
    # must count as missed, so feasibility is judged far finer than HiGHS's default 1e-6.
    highs.setOptionValue("mip_feasibility_tolerance", 1e-9)
    highs.setOptionValue("primal_feasibility_tolerance", 1e-9)
    if time_limit is not None:
        highs.setOptionValue("time_limit", float(time_limit))
    lp = highspy.HighsLp()
    lp.num_col_ = model.columns
    lp.num_row_ = model.rows
    lp.col_cost_ = np.asarray(model.cost, dtype=np.float64)
    lp.offset_ = model.offset
    lp.col_lower_ = np.asarray(model.lower, dtype=np.float64)
    lp.col_upper_ = np.asarray(model.upper, dtype=np.float64)
    lp.row_lower_ = np.asarray([-highspy.kHighsInf if v == -INF else v for v in model.row_lower])
    lp.row_upper_ = np.asarray([highspy.kHighsInf if v == INF else v for v in model.row_upper])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = model.columns
    lp.a_matrix_.num_row_ = model.rows
    lp.a_matrix_.start_ = np.asarray(model.starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.asarray(model.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.asarray(model.value, dtype=np.float64)
    kinds = highspy.HighsVarType
    lp.integrality_ = [kinds.kInteger if i else kinds.kContinuous for i in model.integer]
    highs.passModel(lp)
    return highs


def solve(
    model: Model,
    *,
    time_limit: float | None = None,
    relative_gap: float = 0.0,
    cancelled: Callable[[], bool] | None = None,
    isolate: bool | None = None,
) -> Solution:
    """Minimise ``cost . x`` over the model; ``relative_gap`` 0 asks for proven optimality.

    ``isolate`` (default: for large models with a time limit) solves in a child process
    stopped at the time limit, keeping the best solution it had reported.
    """
    if model.columns == 0:  # nothing to choose: HiGHS calls this an empty model
        fits = all(lo <= 0.0 <= up for lo, up in zip(model.row_lower, model.row_upper, strict=True))
        if not fits:
            return Solution("infeasible", (), None, None, None, 0.0, "Infeasible")
        return Solution("optimal", (), model.offset, model.offset, 0.0, 0.0, "Nothing to choose")
    if isolate is None:
        isolate = time_limit is not None and model.columns > isolate_columns()
    if isolate:
        return _solve_isolated(model, time_limit, relative_gap, cancelled)
    highs = _highs(model, time_limit, relative_gap)
    if cancelled is not None:
        _watch(highs, cancelled)
    started = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - started
    if cancelled is not None and cancelled():
        raise Cancelled
    return _solution(highs, seconds)


_MAGIC = b"GPSOLVE1"


def _send(stream: Any, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_MAGIC + len(data).to_bytes(8, "little") + data)
    stream.flush()


def child_main() -> None:
    """The child process: read the job from stdin, report each better solution, then the end.

    Messages go to stdout framed by a marker and a length, so anything a library prints
    there is skipped by the reader.
    """
    # A windowed launcher may have no sys.stdin or sys.stdout even when given pipes.
    source = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb", closefd=False)
    out = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb", closefd=False)
    model, time_limit, relative_gap = pickle.loads(source.read())
    highs = _highs(model, time_limit, relative_gap)

    def improved(event: HighsCallbackEvent) -> None:
        data = event.data_out
        values = tuple(float(v) for v in data.mip_solution)
        _send(out, ("improved", values, float(data.objective_function_value),
                    float(data.mip_dual_bound)))  # fmt: skip

    highs.cbMipImprovingSolution += improved
    started = time.perf_counter()
    highs.run()
    _send(out, ("done", _solution(highs, time.perf_counter() - started)))


def _reader(stream: Any, messages: queue.Queue[object]) -> None:
    """Parse framed messages from the child's stdout until it closes."""
    buffer = b""
    while True:
        chunk = stream.read1(1 << 20) if hasattr(stream, "read1") else stream.read(1 << 16)
        if not chunk:
            break
        buffer += chunk
        while True:
            start = buffer.find(_MAGIC)
            if start < 0 or len(buffer) < start + len(_MAGIC) + 8:
                break
            size = int.from_bytes(buffer[start + len(_MAGIC) : start + len(_MAGIC) + 8], "little")
            end = start + len(_MAGIC) + 8 + size
            if len(buffer) < end:
                break
            messages.put(pickle.loads(buffer[start + len(_MAGIC) + 8 : end]))
            buffer = buffer[end:]
    messages.put(None)


_CHILD = "from govplanner.restructure.solver import child_main; child_main()"


def child_command() -> list[str]:
    """How to start the child: Python with ``-c``, or in the frozen (PyInstaller) app, where
    ``sys.executable`` is govplanner itself, the app with its hidden ``--solve-child``.

    The windowed app starts its console twin (govplanner-cli) when it is beside it, whose
    standard streams are always there; its window is never shown (CREATE_NO_WINDOW).
    """
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-c", _CHILD]
    exe = Path(sys.executable)
    twin = exe.with_name("govplanner-cli" + exe.suffix)
    return [str(twin if twin.is_file() else exe), CHILD_FLAG]


def _collect(
    messages: queue.Queue[object], deadline: float | None, cancelled: Callable[[], bool] | None
) -> tuple[Solution | None, tuple[Any, ...] | None]:
    """Wait for the child's answer until the deadline: (its solution, or its best so far)."""
    best: tuple[Any, ...] | None = None
    while deadline is None or time.perf_counter() <= deadline:
        if cancelled is not None and cancelled():
            raise Cancelled
        try:
            message = messages.get(timeout=0.1)
        except queue.Empty:
            continue
        if message is None:  # the child ended without an answer
            break
        assert isinstance(message, tuple)
        if message[0] == "done":
            return message[1], best
        best = message[1:]
    return None, best


def _solve_isolated(
    model: Model,
    time_limit: float | None,
    relative_gap: float,
    cancelled: Callable[[], bool] | None,
) -> Solution:
    import subprocess

    started = time.perf_counter()
    process = subprocess.Popen(
        child_command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
    messages: queue.Queue[object] = queue.Queue()
    reader = threading.Thread(target=_reader, args=(process.stdout, messages), daemon=True)
    reader.start()
    try:
        assert process.stdin is not None
        process.stdin.write(pickle.dumps((model, time_limit, relative_gap)))
        process.stdin.close()
        deadline = None if time_limit is None else started + time_limit + GRACE
        done, best = _collect(messages, deadline, cancelled)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        reader.join(10)
        if process.stdout is not None:
            process.stdout.close()
    if done is not None:
        return done
    return _best_so_far(best, time.perf_counter() - started, time_limit)


def _best_so_far(
    best: tuple[Any, ...] | None, seconds: float, time_limit: float | None
) -> Solution:
    """The child stopped (at the time limit, or early) without its final answer."""
    early = time_limit is None or seconds < time_limit + GRACE
    why = "The optimiser's process ended early" if early else "Stopped at the time limit"
    if best is None:
        return Solution("none", (), None, None, None, seconds, why)
    values, objective, bound = best
    gap = abs(objective - bound) / max(abs(objective), 1e-9)
    detail = f"{why} (bound as of the last solution found)"
    return Solution("feasible", values, objective, bound, gap, seconds, detail)


def _watch(highs: Highs, cancelled: Callable[[], bool]) -> None:
    """Stop the solve from HiGHS's MIP callback once ``cancelled()`` turns true."""

    def check(event: HighsCallbackEvent) -> None:
        if cancelled():
            event.interrupt()

    highs.cbMipInterrupt += check


def _solution(highs: Highs, seconds: float) -> Solution:
    import highspy

    status = highs.getModelStatus()
    detail = str(highs.modelStatusToString(status))
    s = highspy.HighsModelStatus
    info = highs.getInfo()
    has_solution = info.primal_solution_status == highspy.kSolutionStatusFeasible
    if status == s.kInfeasible:
        return Solution("infeasible", (), None, None, None, seconds, detail)
    if not has_solution:
        return Solution("none", (), None, None, None, seconds, detail)
    values = tuple(float(v) for v in highs.getSolution().col_value)
    objective = float(info.objective_function_value)
    if status == s.kOptimal:
        return Solution("optimal", values, objective, objective, 0.0, seconds, detail)
    bound, gap = float(info.mip_dual_bound), float(info.mip_gap)
    return Solution("feasible", values, objective, bound, gap, seconds, detail)
