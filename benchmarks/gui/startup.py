"""Process start to first painted window: ``python -m benchmarks.gui.startup bare|app T0``.

``T0`` is the parent's ``time.time()`` just before it started this process, so interpreter
start-up and imports count. ``bare`` shows a QMainWindow holding one label; ``app`` runs
govplanner's own composition root (``govplanner.gui.app.main``) unchanged. Both stop at the
first paint.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from benchmarks.gui import common


def _first_paint_quits(app: Any) -> Any:
    """An application-wide filter: at the first paint of a main window, report and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    start = float(sys.argv[2])

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            first = not self.done and event.type() == QEvent.Type.Paint
            if first and isinstance(watched, QMainWindow):
                self.done = True
                QTimer.singleShot(0, self.finish)
            return False

        def finish(self) -> None:
            common.report(
                seconds=time.time() - start,
                rss_mb=common.peak_rss_mb(),
                modules=common.heavy_modules(),
            )
            app.quit()

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    return watcher


def bare() -> int:
    """An empty main window with one line of text (any real window draws text, and the first
    text drawn loads the font database, which is part of the unavoidable start-up)."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    watcher = _first_paint_quits(app)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    window.resize(1440, 900)
    window.show()
    app.exec()
    return 0 if watcher.done else 1


def govplanner_app() -> int:
    from govplanner.gui import app as gui_app

    # The composition root reuses an existing application, so this one is made first, the
    # same way, to install the first-paint filter before the window is built.
    application = gui_app._application()
    watcher = _first_paint_quits(application)
    gui_app.main()
    return 0 if watcher.done else 1


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else govplanner_app())
