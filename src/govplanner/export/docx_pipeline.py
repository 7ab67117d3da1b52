"""Write one document while the next is being made: the disk's wait overlaps the work.

An atomic write spends most of its time waiting for the disk (two fsyncs). :class:`WriteBehind`
runs each write on a thread of its own while the caller renders the next document, with at
most one write in flight, so the caller still decides after each file is written whether to
go on: ``wait()`` finishes the write in flight and reports it before the next one starts.
Each write is :func:`govplanner.files.atomic.atomic_write_bytes` in the caller's context (so
``backups_kept`` applies), exactly as if the caller had made it.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from govplanner.files.atomic import atomic_write_bytes


class WriteBehind:
    """At most one atomic write in flight; each file, once complete, joins ``written`` and is
    reported as ``progress(done, total)`` on the caller's thread, in order."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None = None) -> None:
        self.total = total
        self.progress = progress
        self.written: list[Path] = []
        self._thread: threading.Thread | None = None
        self._target: Path | None = None
        self._failure: BaseException | None = None

    def start(self, target: Path, data: bytes) -> None:
        """Begin writing ``data`` to ``target`` (after finishing the write before it)."""
        self.wait()
        context = contextvars.copy_context()

        def work() -> None:
            try:
                context.run(atomic_write_bytes, target, data)
            except BaseException as exc:  # handed to the caller's thread by wait()
                self._failure = exc

        self._target = target
        self._thread = threading.Thread(target=work, name="export-write", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Finish the write in flight, if any: report it, or raise what it raised."""
        thread, target = self._thread, self._target
        if thread is None or target is None:
            return
        thread.join()
        self._thread = self._target = None
        failure, self._failure = self._failure, None
        if failure is not None:
            raise failure
        self.written.append(target)
        if self.progress is not None:
            self.progress(len(self.written), self.total)

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is None:
            self.wait()
            return
        # Leaving on an error: the write in flight still finishes (never half a file), and
        # the first error is the one raised.
        thread = self._thread
        if thread is not None:
            thread.join()
            self._thread = self._target = None
