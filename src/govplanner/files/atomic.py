"""Atomic file writes: the target is always either the complete old file or the complete new one."""

from __future__ import annotations

import contextlib
import contextvars
import filecmp
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from govplanner.domain.errors import ExportError, FileInUseError

BACKUP_SUFFIX = ".bak"
_TEMP_SUFFIX = ".tmp"
_WINDOWS_RETRIES = 5
_STALE_SECONDS = 3600
#: Set inside :func:`backups_kept`: every atomic write that replaces a file keeps a ``.bak``.
_KEEP_BACKUPS: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "govplanner_keep_backups", default=False
)


@contextlib.contextmanager
def backups_kept() -> Iterator[None]:
    """Within this block every atomic write that replaces a file first keeps ``<name>.bak``.

    Exports use it, so replacing an earlier export (or any file the user named) never loses
    the file that was there.
    """
    token = _KEEP_BACKUPS.set(True)
    try:
        yield
    finally:
        _KEEP_BACKUPS.reset(token)


def resolved_target(path: str | Path) -> Path:
    """``path`` with symbolic links followed, so a save through a link changes the file it
    points to instead of replacing the link with a copy."""
    return Path(os.path.realpath(path))


def _is_windows() -> bool:
    # A function (not a constant) so tests can exercise the Windows branch on any system.
    return sys.platform == "win32"


def backup_path(path: str | Path) -> Path:
    """Where the previous version of ``path`` is kept, e.g. ``plan.govplan.bak``."""
    target = Path(path)
    return target.with_name(target.name + BACKUP_SUFFIX)


def atomic_write_bytes(path: str | Path, data: bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write_with`)."""
    atomic_write_with(path, lambda stream: stream.write(data), backup=backup)


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> None:
    """Write ``text`` as UTF-8 with the line endings as given, atomically."""
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def atomic_write_with(
    path: str | Path, write: Callable[[IO[bytes]], object], *, backup: bool = False
) -> None:
    """Call ``write`` with a binary file that replaces ``path`` only once it is complete.

    The data goes to a temporary file in the same folder, is flushed and fsynced, and then
    ``os.replace`` swaps it in (atomic on POSIX and on NTFS). With ``backup=True`` the old file
    is first hard-linked (or copied) to ``<name>.bak``, so the target itself is never missing.
    On any error the temporary file is removed and the target is left as it was.
    """
    with atomic_writer(path, "wb", backup=backup) as stream:
        write(stream)


@contextlib.contextmanager
def atomic_writer(
    path: str | Path, mode: str = "wb", *, backup: bool = False, encoding: str = "utf-8"
) -> Iterator[IO[Any]]:
    """Context manager yielding a file (``"wb"`` or ``"w"``) that atomically replaces ``path``.

    Text mode writes UTF-8 and does not translate line endings, so files are the same on
    every system. If the block raises, nothing changes on disk.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_writer supports modes 'wb' and 'w', not {mode!r}")
    target = resolved_target(path)
    _refuse_special(target)
    backup = backup or _KEEP_BACKUPS.get()
    temp = _create_temp(target)
    try:
        with _open_temp(temp, mode, encoding) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temp)
        if backup and not _unchanged(target, temp):
            _keep_backup(target)
        _replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise _write_error(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    _fsync_folder(target.parent)
    _sweep_stale_temps(target)


def _refuse_special(target: Path) -> None:
    """Only ordinary files are replaced: never a device, a pipe or a folder."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new file
    if stat.S_ISDIR(mode):
        raise ExportError(f"{target} is a folder, not a file.")
    if not stat.S_ISREG(mode):
        raise ExportError(f"{target} is not an ordinary file (a device or a pipe).")


def _unchanged(target: Path, temp: Path) -> bool:
    """Whether the new file is byte for byte the old one (then the old ``.bak`` is kept, so
    it never ends up equal to the file it backs up)."""
    try:
        return filecmp.cmp(target, temp, shallow=False)
    except OSError:
        return False


def sweep_temps(target: str | Path, *, older_than: float = _STALE_SECONDS) -> None:
    """Remove temporary files interrupted saves of ``target`` left (``older_than`` seconds old;
    0 when the caller holds the plan's lock, so no other save of it can be running)."""
    _sweep_stale_temps(Path(target), older_than)


_ANY_TEMP = re.compile(rf"^\..+\.[0-9a-f]{{8}}{re.escape(_TEMP_SUFFIX)}$")


def sweep_folder_temps(folder: str | Path, *, older_than: float) -> int:
    """Remove every temporary file this module names in ``folder`` that is ``older_than``
    seconds old (a write killed part-way); return how many were removed."""
    removed = 0
    cutoff = time.time() - older_than
    try:
        candidates = [p for p in Path(folder).iterdir() if _ANY_TEMP.match(p.name)]
    except OSError:
        return 0
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if candidate.is_file() and candidate.stat().st_mtime <= cutoff:
                candidate.unlink()
                removed += 1
    return removed


def _sweep_stale_temps(target: Path, older_than: float = _STALE_SECONDS) -> None:
    """Remove temporary files an interrupted save of ``target`` left behind (over an hour old).

    Only names this module makes are touched: ``.<name>.<8 hex>.tmp`` and the backup's.
    """
    pattern = re.compile(
        rf"^\.{re.escape(target.name)}(?:{re.escape(BACKUP_SUFFIX)})?\.[0-9a-f]{{8}}"
        rf"{re.escape(_TEMP_SUFFIX)}$"
    )
    cutoff = time.time() - older_than
    try:
        candidates = [p for p in target.parent.iterdir() if pattern.match(p.name)]
    except OSError:
        return
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if candidate.stat().st_mtime <= cutoff:
                candidate.unlink()


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()


def _create_temp(target: Path) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}")
        try:
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _write_error(target, exc) from exc
        os.close(fd)
        return temp
    raise ExportError(f"Could not create a temporary file next to {target.name}.")


@contextlib.contextmanager
def _open_temp(temp: Path, mode: str, encoding: str) -> Iterator[IO[Any]]:
    try:
        if mode == "w":
            stream: IO[Any] = open(temp, "w", encoding=encoding, newline="")  # noqa: SIM115
        else:
            stream = open(temp, "wb")  # noqa: SIM115
    except OSError as exc:
        raise _write_error(temp, exc) from exc
    with stream:
        yield stream


def _copy_mode(target: Path, temp: Path) -> None:
    # Keep the permissions the user gave the file; a fresh file gets the usual umask default.
    with contextlib.suppress(OSError):
        shutil.copymode(target, temp)


def _keep_backup(target: Path) -> None:
    """Make ``<name>.bak`` the current file without ever moving the current file away."""
    if not target.exists():
        return
    bak = backup_path(target)
    staging = target.with_name(f".{bak.name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}")
    try:
        try:
            os.link(target, staging)
        except OSError:
            shutil.copy2(target, staging)
        _replace(staging, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def _replace(source: Path, target: Path) -> None:
    # On Windows a virus scanner or indexer may hold the target for a moment: retry briefly
    # before concluding that another program (Excel, Word) has it open.
    attempts = _WINDOWS_RETRIES if _is_windows() else 1
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if not _is_windows():
                raise _write_error(target, exc) from exc
            if attempt == attempts - 1:
                raise FileInUseError(target) from exc
            time.sleep(0.05 * (attempt + 1))
        except OSError as exc:
            raise _write_error(target, exc) from exc


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders this way.
    if _is_windows():
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error(path: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    return ExportError(f"Could not write {path.name} in {path.parent}: {reason}.")
