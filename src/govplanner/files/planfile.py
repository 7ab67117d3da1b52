"""Reading and writing ``.govplan`` files: versioned, diff-friendly JSON, saved atomically.

A file is ``{"format": "govplanner-plan", "schema_version": 4, "plan": {...}}`` in UTF-8 with
two-space indentation and a trailing newline. Fields come in the model's order and maps in a
fixed order, so a small edit to a plan gives a small diff under version control.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, StrictInt, ValidationError

from govplanner.domain.enums import FUNCTIONS, LEVELS
from govplanner.domain.errors import ExportError, GovplannerError, PlanFileError, PlanIntegrityError
from govplanner.domain.integrity import check_plan
from govplanner.domain.model import Plan, Profile
from govplanner.files import text_safety
from govplanner.files.atomic import BACKUP_SUFFIX, atomic_write_bytes, backup_path
from govplanner.files.collector import collector_paused
from govplanner.files.json_errors import explain
from govplanner.files.migrations import (
    CURRENT_SCHEMA_VERSION,
    FORMAT,
    MigrationError,
    looks_like_bare_plan,
    migrate,
)
from govplanner.files.plan_text import MAX_DEPTH, parse_plan_text, too_deep

PLAN_SUFFIX = ".govplan"
MAX_FILE_BYTES = 200 * 1024 * 1024
_DOCUMENT_KEYS = {"format", "schema_version", "plan"}


class _PlanDocument(BaseModel):
    """The current file layout, for writing a file (built when first used: reading checks
    the layout by hand, and ``check`` never writes)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    format: Literal["govplanner-plan"]
    schema_version: StrictInt
    plan: Plan


# -- writing ---------------------------------------------------------------------------------


def _canonical_profile(plan: Plan) -> Profile:
    """The profile in level order, then the plan's stage order, then function order."""
    order = {stage.id: i for i, stage in enumerate(plan.stages)}
    result: Profile = {}
    for level in LEVELS:
        by_stage = plan.profile.get(level)
        if by_stage is None:
            continue
        stage_ids = sorted(by_stage, key=lambda s: (order.get(s, len(order)), s))
        result[level] = {
            s: {f: by_stage[s][f] for f in FUNCTIONS if f in by_stage[s]} for s in stage_ids
        }
    return result


def plan_to_json(plan: Plan) -> str:
    """The text of a ``.govplan`` file for ``plan``."""
    canonical = plan.model_copy(
        update={
            "profile": _canonical_profile(plan),
            "profession_synonyms": dict(sorted(plan.profession_synonyms.items())),
        }
    )
    document = _PlanDocument.model_construct(
        format="govplanner-plan", schema_version=CURRENT_SCHEMA_VERSION, plan=canonical
    )
    return document.model_dump_json(indent=2) + "\n"


def save_plan(plan: Plan, path: str | Path) -> None:
    """Save atomically, keeping the previous file as ``<name>.bak``.

    An inconsistent plan is refused (it could not be opened again) and nothing is written.
    """
    target = Path(path)
    try:
        check_plan(plan)
    except PlanIntegrityError as exc:
        raise PlanFileError(target, f"the plan was not saved because {exc}") from exc
    data = plan_to_json(plan).encode("utf-8")
    if text_safety.json_bytes_may_hold_unsafe(data):
        found = text_safety.find_in_model(plan)
        if found is not None:
            where, char = found
            raise PlanFileError(
                target,
                f"the plan was not saved because the {where} holds the control or "
                f"text-direction character {text_safety.describe(char)}; remove it first",
            )
    try:
        atomic_write_bytes(target, data, backup=True)
    except ExportError as exc:
        raise PlanFileError(target, str(exc)) from exc


# -- reading ---------------------------------------------------------------------------------


def load_plan(path: str | Path, retain: list[Any] | None = None) -> Plan:
    """Read, migrate, validate and integrity-check a plan file; every failure is PlanFileError.

    ``retain``: a list that keeps the parsed JSON instead of freeing it (a process about to
    end need not spend the time: ~45 ms at national scale).
    """
    source = Path(path)
    data = read_bounded(source, MAX_FILE_BYTES, PlanFileError)
    try:
        return plan_from_json(data, source, retain)
    except PlanFileError as exc:
        raise _with_backup_hint(exc) from None


def read_bounded(
    source: Path,
    limit: int,
    error: Callable[[Path, str], GovplannerError],
    what: str = "plan files",
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is ``error``.

    Devices and pipes are refused before reading (their size says 0, and ``/dev/zero`` never
    ends), and the read itself stops past the limit, whatever the size said.
    """
    megabytes = f"{limit / (1024 * 1024):g} MB"
    try:
        _refuse_special(source, os.stat(source).st_mode, error)  # before open: a pipe blocks
        with open(source, "rb") as handle:
            _refuse_special(source, os.fstat(handle.fileno()).st_mode, error)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(source, "the file does not exist") from None
    except IsADirectoryError:
        raise error(source, "this is a folder, not a file") from None
    except OSError as exc:
        raise error(source, f"the file cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise error(
            source, f"the file is too large; govplanner opens {what} of at most {megabytes}"
        )
    return data


def _refuse_special(source: Path, mode: int, error: Callable[[Path, str], GovplannerError]) -> None:
    if stat.S_ISDIR(mode):
        raise error(source, "this is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise error(source, "this is not an ordinary file (a device or a pipe)")


def _with_backup_hint(exc: PlanFileError) -> PlanFileError:
    """Point the user at the previous save when the file itself cannot be used."""
    backup = backup_path(exc.path)
    if exc.path.name.endswith(BACKUP_SUFFIX) or not backup.is_file():
        return exc
    hint = f"; the previous save is kept in {backup.name}"
    return PlanFileError(exc.path, exc.problem + hint, exc.where)


def plan_from_json(
    text: str | bytes, path: str | Path = "plan.govplan", retain: list[Any] | None = None
) -> Plan:
    """Parse the text of a plan file; ``path`` only names the file in errors."""
    with collector_paused():
        return _plan_from_json(text, Path(path), [] if retain is None else retain)


def _plan_from_json(text: str | bytes, source: Path, retain: list[Any]) -> Plan:
    if len(text) > MAX_FILE_BYTES:
        raise PlanFileError(source, "the file is too large to be a plan")
    parsed = parse_plan_text(text, source)
    retain.append(parsed)
    _refuse_unsafe_text(text, parsed, source)
    plan = _fast_load(parsed)
    if plan is None:
        plan = _slow_load(parsed, source)
    _check_integrity(plan, source)
    return plan


def _fast_load(document: Any) -> Plan | None:
    """An up-to-date, valid document's plan in one step; None for anything else.

    It validates the objects the parse just made (faster than pydantic parsing the text
    again). An older file is not tried: it would be validated twice, here and after its
    migration.
    """
    if not (
        isinstance(document, dict)
        and document.keys() == _DOCUMENT_KEYS
        and document["format"] == FORMAT
        and type(document["schema_version"]) is int  # not 4.0, not True
        and document["schema_version"] == CURRENT_SCHEMA_VERSION
    ):
        return None
    try:
        return Plan.model_validate(document["plan"])
    except (ValidationError, ValueError, RecursionError):
        return None


def _refuse_unsafe_text(text: str | bytes, parsed: Any, source: Path) -> None:
    if not text_safety.json_bytes_may_hold_unsafe(
        text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    ):
        return
    found = text_safety.find_in_json(parsed)
    if found is not None:
        where, char = found
        raise PlanFileError(
            source,
            f"the text holds the control or text-direction character "
            f"{text_safety.describe(char)}, which a plan may not hold; remove it in a text editor",
            where,
        )


def _slow_load(document: Any, source: Path) -> Plan:
    """Older versions and broken files: go step by step to say exactly what is wrong."""
    plan_data = _current_document(document, source)["plan"]
    try:
        return Plan.model_validate(plan_data)
    except ValidationError as exc:
        if _deeper_than(plan_data, MAX_DEPTH - 1):
            raise too_deep(source) from None
        problem, where = explain(exc, plan_data, root="$.plan")
        raise PlanFileError(source, problem, where) from None
    except RecursionError:
        raise too_deep(source) from None


def _current_document(document: Any, source: Path) -> dict[str, Any]:
    """Check the wrapper and version, and migrate an older document to the current version."""
    not_ours = "this is not a govplanner plan file"
    if not isinstance(document, dict):
        raise PlanFileError(source, f"{not_ours} (it does not hold a JSON object)", "$")
    if looks_like_bare_plan(document):
        version = 0
    else:
        if document.get("format") != FORMAT:
            raise PlanFileError(source, f'{not_ours} (no "format": "{FORMAT}")', "$.format")
        version = _schema_version(document, source)
    try:
        current = migrate(document, version)
    except MigrationError as exc:
        raise PlanFileError(source, str(exc), "$.schema_version") from None
    unknown = sorted(set(current) - {"format", "schema_version", "plan"})
    if unknown:
        raise PlanFileError(
            source, f"'{unknown[0]}' is not a field govplanner knows here", f"$.{unknown[0]}"
        )
    if "plan" not in current:
        raise PlanFileError(source, "the file holds no plan", "$.plan")
    return current


def _schema_version(document: dict[str, Any], source: Path) -> int:
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise PlanFileError(
            source,
            f"the schema version should be a whole number; found {version!r}",
            "$.schema_version",
        )
    if version > CURRENT_SCHEMA_VERSION:
        raise PlanFileError(
            source,
            f"the file was made by a newer version of govplanner (schema version {version}; "
            f"this version reads up to {CURRENT_SCHEMA_VERSION}); update govplanner to open it",
            "$.schema_version",
        )
    return version


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` nests more than ``limit`` levels (iterative: no recursion limit)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _check_integrity(plan: Plan, source: Path) -> None:
    try:
        check_plan(plan)
    except PlanIntegrityError as exc:
        raise PlanFileError(source, f"the plan is inconsistent: {exc}", "$.plan") from None
