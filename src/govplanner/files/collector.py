"""Python's cyclic garbage collector paused while large, garbage-free structures are built.

Opening a plan, reading a register or analysing a national plan make hundreds of thousands of
objects and almost no garbage; each batch of allocations would otherwise start a collection
that walks every object made so far (pausing it opens a 50,000-seat plan about a third faster
and reads its register in about half the time).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector; the caller's setting is restored, also on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
