"""Keeping the window responsive while a national-scale plan is open and work runs behind it.

The window's thread needs Python's interpreter lock for every slot, paint and model call, so
it stops whenever another thread holds the lock for long:

- a full garbage collection walks every tracked object while holding it, whichever thread
  starts it (~0.15 s with a 50,000-seat plan's views in memory);
- a busy worker thread gives the lock up only when asked, after the switch interval (5 ms
  by default); a repaint making hundreds of small Python calls waits that long for each.

So background work (:func:`background_work`) runs with full collections postponed and a short
switch interval, both restored when the last such work ends; and what a big view has just
built to keep (:func:`settle_long_lived`) is moved out of the collector's sight, as the open
plan is (the main window freezes it after opening and lets everything go on the next plan).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: the oldest generation's threshold while background work runs: never reached in practice
POSTPONED = 1_000_000_000
#: seconds a busy thread may keep the interpreter lock once the window's thread asks for it
SWITCH_INTERVAL = 0.0005

_lock = threading.Lock()
_running = [0]  # background tasks inside background_work
_saved: list[tuple[tuple[int, int, int], float]] = []


@contextmanager
def background_work() -> Iterator[None]:
    """Run a block of background work (on any thread) without stalling the window.

    Young collections go on as usual; full ones wait until the last such block ends, and
    what is then left is collected in the ordinary way (an export frees nearly everything it
    makes as it goes, so that is little).
    """
    with _lock:
        _running[0] += 1
        if _running[0] == 1:
            young, middle, oldest = gc.get_threshold()
            _saved.append(((young, middle, oldest), sys.getswitchinterval()))
            gc.set_threshold(young, middle, POSTPONED)
            sys.setswitchinterval(min(SWITCH_INTERVAL, sys.getswitchinterval()))
    try:
        yield
    finally:
        with _lock:
            _running[0] -= 1
            if _running[0] == 0:
                thresholds, interval = _saved.pop()
                gc.set_threshold(*thresholds)
                sys.setswitchinterval(interval)


def settle_long_lived() -> None:
    """Move every object alive now out of the collector's sight (``gc.freeze``).

    Call it just after building something that lives as long as the open plan or until its
    next rebuild. Frozen objects are still freed as soon as nothing refers to them; only
    reference cycles among them wait until the main window unfreezes on the next plan.
    """
    gc.freeze()
