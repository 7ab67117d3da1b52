"""The governance diagram widget: a read-only view of the plan, zoomable and keyboard-driven."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from govplanner.analysis.result import Analysis
from govplanner.domain.document import Change, PlanDocument
from govplanner.gui.diagram import export
from govplanner.gui.diagram.follow import Pending
from govplanner.gui.diagram.items import CommitteeBox
from govplanner.gui.diagram.navigation import neighbour
from govplanner.gui.diagram.scene import DiagramScene
from govplanner.gui.diagram.theme import Theme
from govplanner.gui.responsive import settle_long_lived

ZOOM_STEP = 1.25
MIN_ZOOM = 0.0005
MAX_ZOOM = 4.0
FOCUS_WIDTH = 3.0  # pixels of the focus frame
#: a diagram with this many cards is kept out of full garbage collections once built
SETTLE_CARDS = 500
#: below this fitted zoom even the cards' outlines are specks: open at actual size instead
#: Below this zoom a fitted diagram's text is under half the body size (and below DETAIL_LOD
#: not drawn at all): a plan that big opens at actual size instead, Ctrl+0 still fits it.
MIN_FIT_ZOOM = 0.5


class DiagramView(QGraphicsView):
    """Committees in tier bands with their lines, coloured by their worst open finding.

    Accountable lines are solid with an arrow, advisory lines dashed; committees in common are
    framed together; a legend above the bands says so. It fits the plan when first shown (and
    keeps fitting on resize until the user zooms).

    It mirrors ``document`` (rebuilt or patched after changes, coalesced to once per event-loop
    turn) and ``live_analysis`` (its ``updated(Analysis)`` signal and ``analysis`` property),
    and never changes the document.
    """

    committee_activated = Signal(str)

    def __init__(
        self, document: PlanDocument, live_analysis: QObject, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.diagram = DiagramScene(self)
        self.setScene(self.diagram)
        self._analysis: Analysis | None = getattr(live_analysis, "analysis", None)
        is_stale = getattr(live_analysis, "is_stale", None)
        if callable(is_stale) and is_stale():
            self._analysis = None  # not analysed yet: show "Not checked", not "No issues"
        self._pending = Pending(document, self.diagram.seat_counts)
        self._analysis_due = False  # an analysis arrived while hidden: applied when shown
        self._fitted = False
        self._auto_fit = True
        self._asked_fit = False  # Ctrl+0: keep the whole diagram in view, however small
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._sync_if_shown)
        self._setup_view()
        self._make_actions()
        unsubscribe = document.subscribe(self._on_change, self._before_change)
        self.destroyed.connect(lambda *_: unsubscribe())
        live_analysis.updated.connect(self._on_analysis)  # type: ignore[attr-defined]
        self.diagram.selectionChanged.connect(self._describe)
        self.sync()

    def _setup_view(self) -> None:
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Governance diagram")
        self.setToolTip("")
        self._apply_palette()

    # -- keeping up with the document ------------------------------------------------------------

    def _before_change(self, change: Change) -> None:
        if shiboken6.isValid(self):
            self._pending.before(change)

    def _on_change(self, change: Change) -> None:
        if not shiboken6.isValid(self):
            return
        if change.action == "reset":
            self._analysis = None  # a different plan: its findings are not known yet
            self._fitted, self._auto_fit = False, True  # fit the new plan when shown
            self._asked_fit = False
        if self._pending.after(change):
            self._timer.start()

    def _on_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        self._analysis_due = True
        if self.isVisible() and not self._pending.rebuild:
            self._apply_analysis()

    def _apply_analysis(self) -> None:
        self._analysis_due = False
        self.diagram.apply_analysis(self._analysis)
        self._describe()

    def _sync_if_shown(self) -> None:
        """The diagram is one tab of many: while hidden, edits wait for it to be shown (a
        national plan's cards are thousands; no edit should pay for an unseen diagram)."""
        if self.isVisible():
            self.sync()

    def is_behind(self) -> bool:
        """Whether the scene still lacks changes or an analysis (it catches up when shown)."""
        pending = self._pending
        return (
            pending.rebuild or pending.texts != set() or bool(pending.seats) or self._analysis_due
        )

    def sync(self) -> None:
        """Bring the scene up to date now (normally done on the next event-loop turn, or when
        the view is shown)."""
        self._timer.stop()
        plan, pending = self.document.plan, self._pending
        if pending.rebuild:
            selected = self.selected_committee_id()
            self.diagram.rebuild(plan, self._analysis)
            if selected in self.diagram.boxes:
                self.diagram.boxes[selected].setSelected(True)
            self._analysis_due = False  # the rebuild coloured the cards
            if len(self.diagram.boxes) >= SETTLE_CARDS:
                settle_long_lived()  # thousands of cards and lines: out of the collector's way
        else:
            if pending.texts is None or pending.texts:
                self.diagram.refresh_text(plan, pending.texts)
            if pending.seats:
                self.diagram.refresh_seats(plan, pending.seats)
        pending.clear()
        if self._analysis_due:
            self._analysis_due = False
            self.diagram.apply_analysis(self._analysis)
        self._describe()
        if self.isVisible() and not self._fitted:
            self._fitted = True
            self._initial_zoom()

    # -- selection -------------------------------------------------------------------------------

    def selected_committee_id(self) -> str | None:
        box = self.diagram.box_at_selection()
        return box.committee_id if box is not None else None

    def select_committee(self, committee_id: str) -> bool:
        """Select that committee's box and centre it; False if it is not in the diagram."""
        if self.is_behind():
            self.sync()
        box = self.diagram.boxes.get(committee_id)
        if box is None:
            return False
        self._select(box)
        return True

    def _select(self, box: CommitteeBox) -> None:
        self.diagram.clearSelection()
        box.setSelected(True)
        self.centerOn(box)

    def _describe(self) -> None:
        whats_this, description = self.diagram.describe(analysed=self._analysis is not None)
        self.setWhatsThis(whats_this)
        self.setAccessibleDescription(description)

    # -- zoom ------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom by ``factor`` (the user's zoom: the view stops following resizes)."""
        self._auto_fit = self._asked_fit = False
        self._scale_to(self.zoom * factor)

    def _scale_to(self, zoom: float) -> None:
        target = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.scale(target / self.zoom, target / self.zoom)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.zoom_by(1 / self.zoom)

    def zoom_to_fit(self) -> None:
        """Show the whole diagram (never larger than actual size), and keep it fitted."""
        self._fit()
        self._auto_fit = self._asked_fit = True

    def _fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1:
            self._scale_to(1.0)
        self.centerOn(self.sceneRect().center())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.is_behind():
            self.sync()
        if not self._fitted:
            self._fitted = True
            self._initial_zoom()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit and self._fitted:
            # Fitting can hide the scroll bars, which resizes the view: a fit the user asked
            # for stays a fit, not the opening zoom's actual size for a large plan.
            self._fit() if self._asked_fit else self._initial_zoom()

    def _initial_zoom(self) -> None:
        """Fit the whole diagram; a plan too big to read when fitted opens at actual size at
        the top left instead (Ctrl+0 still fits it)."""
        self._fit()
        if self.zoom < MIN_FIT_ZOOM:
            self._scale_to(1.0)
            corner = self.sceneRect().topLeft()
            half = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
            self.centerOn(corner + half)
            self._auto_fit = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
        else:
            super().wheelEvent(event)

    # -- keyboard and mouse ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._zoom_key(event):
            event.accept()
            return
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            current = self.diagram.box_at_selection()
            target = neighbour(self.diagram, current, key)
            if target is not None:
                self._select(target)
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            selected = self.selected_committee_id()
            if selected is not None:
                self.committee_activated.emit(selected)
            event.accept()
        else:
            super().keyPressEvent(event)

    def _zoom_key(self, event: QKeyEvent) -> bool:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            ctrl and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
        ):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (
            ctrl and event.key() == Qt.Key.Key_Minus
        ):
            self.zoom_out()
        elif ctrl and event.key() == Qt.Key.Key_0:
            self.zoom_to_fit()
        else:
            return False
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, CommitteeBox):
                self.diagram.clearSelection()
                item.setSelected(True)
                self.committee_activated.emit(item.committee_id)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """A frame in the highlight colour round the visible area while the view has focus
        (the view's own, so it never reaches an export)."""
        super().drawForeground(painter, rect)
        if self.hasFocus():
            painter.save()
            painter.resetTransform()  # viewport pixels
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = FOCUS_WIDTH / 2
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(inset, inset, -inset, -inset))
            painter.restore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.FontChange:
            self.diagram.set_fonts(self.font())
            self._pending.rebuild = True  # larger text needs larger cards
            self._timer.start()

    def _apply_palette(self) -> None:
        self.diagram.set_theme(Theme.from_palette(self.palette()))

    # -- actions and context menu ----------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(
            text: str, slot: Callable[[], object], key: QKeySequence | None = None
        ) -> QAction:
            made = QAction(text, self)
            made.triggered.connect(slot)
            if key is not None:
                made.setShortcut(key)
                made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            return made

        self.zoom_in_action = action("Zoom &in", self.zoom_in, QKeySequence("Ctrl+="))
        self.zoom_out_action = action("Zoom &out", self.zoom_out, QKeySequence("Ctrl+-"))
        self.fit_action = action("&Fit whole diagram", self.zoom_to_fit, QKeySequence("Ctrl+0"))
        self.actual_size_action = action("&Actual size", self.reset_zoom)
        self.export_png_action = action("Export diagram as &PNG…", lambda: self.ask_export("png"))
        self.export_svg_action = action("Export diagram as &SVG…", lambda: self.ask_export("svg"))

    def diagram_actions(self) -> list[QAction]:
        """Zoom and export actions, for the main window's menus and this view's context menu."""
        return [
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.actual_size_action,
            self.export_png_action,
            self.export_svg_action,
        ]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        actions = self.diagram_actions()
        menu.addActions(actions[:4])
        menu.addSeparator()
        menu.addActions(actions[4:])
        menu.exec(event.globalPos())

    def ask_export(self, kind: str) -> Path | None:
        """Ask where to save the diagram as ``kind`` ("png" or "svg"), write it, report errors."""
        stem = self.document.path.stem if self.document.path else "diagram"
        write = self.export_png if kind == "png" else self.export_svg
        return export.ask_and_write(self, kind, stem, write)

    # -- export ----------------------------------------------------------------------------------

    def export_png(self, path: str | Path) -> None:
        """Write the whole diagram to ``path`` as PNG (raises ExportError on failure)."""
        self.sync()
        export.export_png(self.diagram, path)

    def export_svg(self, path: str | Path) -> None:
        """Write the whole diagram to ``path`` as SVG (raises ExportError on failure)."""
        self.sync()
        export.export_svg(self.diagram, path)
