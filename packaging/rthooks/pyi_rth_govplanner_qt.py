"""Runtime hook: point Qt at the bundle's plugins without importing Qt when the program starts.

It replaces PyInstaller's stock PySide6 hook, which imports PySide6.QtCore (and so loads the Qt
and ICU libraries) in every run, adding 0.05-0.1 s and ~12 MB to command-line runs that never
touch Qt. PySide6 registers its own qt.conf (pointing at the Qt folder next to it) when the app
first imports it, so only the search paths the stock hook sets are needed here.

It also gives programs the app starts (a browser or office suite opening an exported file) the
library path the user had, not the bundle's: their own libraries must not be swapped for ours.
"""

import os
import sys


def _point_qt_at_bundle() -> None:
    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by PyInstaller's bootloader
    qt_dir = (
        os.path.join(base, "PySide6")
        if sys.platform == "win32"
        else os.path.join(base, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")
    if sys.platform == "win32":  # lets Qt find DLLs collected next to the bundle's Python
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


def _restore_library_path() -> None:
    # The dynamic loader read LD_LIBRARY_PATH when this process started, so changing it now only
    # affects child processes. PyInstaller keeps the user's value in LD_LIBRARY_PATH_ORIG.
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original


_point_qt_at_bundle()
if sys.platform.startswith("linux"):
    _restore_library_path()
del _point_qt_at_bundle, _restore_library_path
