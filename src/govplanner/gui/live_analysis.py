"""Keeps an up-to-date analysis of the open plan, recomputed shortly after edits settle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from govplanner.domain.document import Change, PlanDocument

if TYPE_CHECKING:
    from govplanner.analysis.incremental import IncrementalAnalysis
    from govplanner.analysis.result import Analysis
    from govplanner.domain.model import Plan

#: Edits closer together than this are analysed once (keeps typing smooth).
COALESCE_MS = 150

Analyser = Callable[["Plan"], "Analysis"]


class LiveAnalysis(QObject):
    """Listens to the document; emits ``updated(Analysis)`` after edits, coalesced."""

    updated = Signal(object)
    #: the analysis itself failed (a bug, not a finding): the message, for the status bar
    failed = Signal(str)

    def __init__(
        self,
        document: PlanDocument,
        parent: QObject | None = None,
        analyser: Analyser | None = None,
        delay_ms: int = COALESCE_MS,
    ) -> None:
        super().__init__(parent)
        self._document = document
        #: None: the incremental analysis (an edit re-judges only what it touches)
        self._analyser = analyser
        self._engine: IncrementalAnalysis | None = None
        self._pending: list[Change] = []  # edits since the last refresh, oldest first
        self._analysis: Analysis | None = None  # built on first use: start-up stays light
        self._revision = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self._unsubscribe = document.subscribe(self._changed)

    @property
    def analysis(self) -> Analysis:
        """The latest analysis (of the plan as it was at the last refresh; empty before)."""
        if self._analysis is None:
            from govplanner.analysis.result import Analysis

            self._analysis = Analysis(findings=(), coverage=(), coverage_by_stage=())
        return self._analysis

    @property
    def document(self) -> PlanDocument:
        return self._document

    def is_stale(self) -> bool:
        return self._revision != self._document.revision

    def _changed(self, change: Change) -> None:
        if not shiboken6.isValid(self._timer):  # the window that owned us is gone
            self._unsubscribe()
            return
        self._pending.append(change)
        # A whole new plan is analysed at once; edits wait for the typing to pause.
        if change.action == "reset":
            self._timer.start(0)
        else:
            self._timer.start()

    def clear(self) -> None:
        """Forget the analysis (no plan open): an empty one, without running the rules."""
        self._timer.stop()
        self._analysis = None
        self._engine = None
        self._pending.clear()
        self._revision = self._document.revision
        self.updated.emit(self.analysis)

    def refresh(self) -> Analysis:
        """Analyse now (cancelling any pending refresh) and emit ``updated``."""
        self._timer.stop()
        revision = self._document.revision
        try:
            analysis = self._analyse(self._document.plan)
        except Exception as exc:  # keep the last good analysis; the app must stay usable
            self._engine = None  # its indexes may be half updated: start afresh next time
            self.failed.emit(f"The plan could not be checked: {exc}")
            return self.analysis  # still of its own revision: is_stale() says so
        self._analysis, self._revision = analysis, revision
        self.updated.emit(analysis)
        return analysis

    def _analyse(self, plan: Plan) -> Analysis:
        """The given analyser's answer, or the incremental analysis brought up to date."""
        edits, self._pending = self._pending, []
        if self._analyser is not None:
            return self._analyser(plan)
        if self._engine is None or not edits:  # first, or asked again with no edit: afresh
            from govplanner.analysis.incremental import IncrementalAnalysis

            self._engine = IncrementalAnalysis(plan)
            return self._engine.analysis
        return self._engine.update(plan, edits, as_of=dt.date.today())

    def detach(self) -> None:
        """Stop listening to the document (the object can then be thrown away)."""
        self._timer.stop()
        self._unsubscribe()
