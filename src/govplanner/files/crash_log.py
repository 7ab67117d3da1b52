"""Where unexpected errors are written, so the app never shows a raw traceback."""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path
from types import TracebackType

from govplanner import __version__

#: A log past this size is moved to ``govplanner.log.1`` (replacing the older one): a crash in
#: a loop must not fill the disk.
MAX_LOG_BYTES = 1024 * 1024


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(path.name + ".1"))
    except OSError:
        pass


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("govplanner", appauthor=False))


def write_crash_log(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_dir: Path | None = None,
) -> Path:
    """Append the error with its traceback to ``govplanner.log``; returns the log's path."""
    folder = log_dir or default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "govplanner.log"
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    header = (
        f"=== {stamp} govplanner {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n"
    )
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    _rotate(path)
    with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(header + text + "\n")
    return path
