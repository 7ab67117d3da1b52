"""Autosave and crash recovery: copies of unsaved work in the user's application-data folder.

The app writes the open plan here every few minutes while it has unsaved changes, never over
the user's own file. A clean close removes the copy; a copy left by a process that no longer
runs is offered for recovery at the next start.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from govplanner.domain.errors import GovplannerError, PlanFileError
from govplanner.domain.model import Plan
from govplanner.files.atomic import atomic_write_text, sweep_folder_temps
from govplanner.files.lock import process_alive
from govplanner.files.planfile import load_plan, plan_to_json, read_bounded

_MAX_META_BYTES = 64 * 1024
#: A temporary file this old in the recovery folder is from an autosave that was killed (one
#: takes well under a second), not one another window is writing now.
_TEMP_GRACE_SECONDS = 300


def default_recovery_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("govplanner", appauthor=False)) / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """One autosaved copy: where it is, what it was, when it was written."""

    plan_file: Path
    original_path: Path | None
    plan_name: str
    saved_at: str
    pid: int
    host: str

    def load(self) -> Plan:
        return load_plan(self.plan_file)

    def describe(self) -> str:
        source = self.original_path.name if self.original_path else "an unsaved plan"
        return f"'{self.plan_name}' ({source}), autosaved {self.saved_at.replace('T', ' ')[:16]}"


class RecoveryStore:
    """The folder of autosaved copies for this user."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_recovery_dir()
        self.skipped: list[str] = []  # copies the last pending() could not use, and why

    def key_for(self, original_path: Path | None, session: str) -> str:
        """A file-name-safe key: one per document per session."""
        source = str(original_path.resolve()) if original_path else "untitled"
        return hashlib.sha256(f"{source}|{session}".encode()).hexdigest()[:20]

    def write(self, key: str, plan: Plan, original_path: Path | None) -> Path:
        """Autosave ``plan`` under ``key`` (atomically: a crash mid-write keeps the last copy)."""
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / f"{key}.govplan"
        atomic_write_text(target, plan_to_json(plan))
        meta = {
            "original_path": str(original_path) if original_path else None,
            "plan_name": plan.name,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        atomic_write_text(self.root / f"{key}.json", json.dumps(meta, indent=2))
        return target

    def discard(self, key: str) -> None:
        for suffix in (".govplan", ".json"):
            (self.root / f"{key}{suffix}").unlink(missing_ok=True)

    def discard_entry(self, entry: RecoveryEntry) -> None:
        self.discard(entry.plan_file.stem)

    def pending(self) -> list[RecoveryEntry]:
        """Copies left behind by sessions that ended without closing cleanly, newest first.

        Each copy is read on its own: one whose description cannot be used is skipped and
        named in :attr:`skipped`, never stopping the others. Temporary files of autosaves
        killed part-way are removed here, at the next start.
        """
        self.skipped = []
        if not self.root.is_dir():
            return []
        sweep_folder_temps(self.root, older_than=_TEMP_GRACE_SECONDS)
        found = []
        host = socket.gethostname()
        for meta_file in sorted(self.root.glob("*.json")):
            entry = self._read(meta_file)
            if isinstance(entry, str):
                self.skipped.append(f"{meta_file.name}: {entry}")
                continue
            if entry is None:
                continue
            if entry.host == host and process_alive(entry.pid) and entry.pid != 0:
                continue  # another running window's live autosave, not a crash
            found.append(entry)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def _read(self, meta_file: Path) -> RecoveryEntry | str | None:
        """The entry, a sentence saying why it cannot be used, or None for a lone
        description whose copy is gone (a discard interrupted half-way)."""
        plan_file = meta_file.with_suffix(".govplan")
        if not plan_file.is_file():
            return None
        try:
            raw = read_bounded(meta_file, _MAX_META_BYTES, PlanFileError, "descriptions")
            meta = json.loads(raw.decode("utf-8"))
        except PlanFileError as exc:
            return exc.problem
        except (ValueError, RecursionError):
            return "the description is not valid JSON"
        if not isinstance(meta, dict):
            return "the description is not a JSON object"
        pid, original = meta.get("pid"), meta.get("original_path")
        if isinstance(pid, bool) or not isinstance(pid, int) or not 0 <= pid < 2**31:
            return f"the process number {str(pid)[:20]!r} is not usable"
        texts = [meta.get(k) for k in ("saved_at", "host")]
        if not all(isinstance(t, str) for t in texts) or not isinstance(
            original, (str, type(None))
        ):
            return "the description lacks the time, computer or original file"
        name = meta.get("plan_name")
        return RecoveryEntry(
            plan_file=plan_file,
            original_path=Path(original) if original else None,
            plan_name=name[:200] if isinstance(name, str) else "Untitled plan",
            saved_at=str(meta["saved_at"])[:40],
            pid=pid,
            host=str(meta["host"])[:200],
        )


class RecoveryError(GovplannerError):
    """An autosaved copy that could not be read back."""
