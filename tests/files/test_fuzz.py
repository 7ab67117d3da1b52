"""Fuzzing: mutated plan files and registers load, or fail with the product's own error.

A bounded number of examples runs with the tests; set GOVPLANNER_FUZZ_EXAMPLES (e.g. 5000) for
a longer run on demand.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from govplanner.domain.errors import PlanFileError, RegisterError
from govplanner.domain.model import Plan
from govplanner.files.planfile import load_plan, plan_from_json, plan_to_json
from govplanner.files.register_export import export_register
from govplanner.files.register_import import import_register
from tests.files.plans import small_plan

_EXAMPLES = int(os.environ.get("GOVPLANNER_FUZZ_EXAMPLES", "60"))
_FUZZ = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_TEXT = plan_to_json(small_plan()).encode("utf-8")

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


def _loads_or_fails_cleanly(data: bytes) -> None:
    outcome: object
    try:
        outcome = plan_from_json(data, "fuzz.govplan")
    except PlanFileError as exc:
        outcome = exc
    assert isinstance(outcome, Plan) or "fuzz.govplan" in str(outcome)


@_FUZZ
@given(st.data())
def test_byte_mutations_of_a_plan_file(data: st.DataObject) -> None:
    text = bytearray(_TEXT)
    for _ in range(data.draw(st.integers(1, 5))):
        position = data.draw(st.integers(0, len(text) - 1))
        action = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if action == "flip":
            text[position] = data.draw(st.integers(0, 255))
        elif action == "delete":
            del text[position]
        elif action == "insert":
            text[position:position] = data.draw(st.binary(min_size=1, max_size=4))
        else:
            del text[position:]
        if not text:
            break
    _loads_or_fails_cleanly(bytes(text))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@_FUZZ
@given(st.data())
def test_structure_mutations_of_a_plan_file(data: st.DataObject) -> None:
    document = json.loads(_TEXT)
    paths = [p for p in _paths(document) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()):
            parent[path[-1]] = data.draw(_JSON)
        elif isinstance(parent, dict):
            parent.pop(path[-1], None)
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
    _loads_or_fails_cleanly(json.dumps(document).encode("utf-8"))


_CELL = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(-5, 200),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.sampled_from(["=1+1", "#N/A", "yes", "analytical", "Partnership Board", "2025-04-01"]),
    st.dates(),
)


@_FUZZ
@given(st.data())
def test_cell_mutations_of_a_register(tmp_path_factory: Any, data: st.DataObject) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.xlsx"
    export_register(small_plan(), path)
    workbook = load_workbook(path)
    for _ in range(data.draw(st.integers(1, 6))):
        sheet = workbook[data.draw(st.sampled_from(workbook.sheetnames))]
        row = data.draw(st.integers(1, sheet.max_row + 1))
        column = data.draw(st.integers(1, sheet.max_column + 1))
        sheet.cell(row=row, column=column).value = data.draw(_CELL)
    workbook.save(path)
    _imports_or_fails_cleanly(path)


_CLUSTER = Path(__file__).resolve().parents[2] / "examples" / "cluster-example.govplan"


@_FUZZ
@given(st.data())
def test_cell_mutations_of_a_v2_register(tmp_path_factory: Any, data: st.DataObject) -> None:
    """Every v2 sheet and column (ids, kinds, lines, memberships, settings, acceptances)."""
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.xlsx"
    export_register(load_plan(_CLUSTER), path)
    workbook = load_workbook(path)
    for _ in range(data.draw(st.integers(1, 6))):
        sheet = workbook[data.draw(st.sampled_from(workbook.sheetnames))]
        row = data.draw(st.integers(1, min(sheet.max_row + 1, 12)))
        column = data.draw(st.integers(1, sheet.max_column + 1))
        sheet.cell(row=row, column=column).value = data.draw(_CELL)
    workbook.save(path)
    _imports_or_fails_cleanly(path)


@_FUZZ
@given(st.data())
def test_byte_mutations_of_a_register_part(tmp_path_factory: Any, data: st.DataObject) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.xlsx"
    export_register(small_plan(), path)
    with zipfile.ZipFile(path) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(entries)))
    part = bytearray(entries[name])
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, max(len(part) - 1, 0)))
        part[position : position + 1] = data.draw(st.binary(max_size=3))
    entries[name] = bytes(part)
    with zipfile.ZipFile(path, "w") as archive:
        for entry, content in entries.items():
            archive.writestr(entry, content)
    _imports_or_fails_cleanly(path)


def _imports_or_fails_cleanly(path: Path) -> None:
    outcome: object
    try:
        outcome = import_register(path)
    except RegisterError as exc:
        outcome = exc
    assert isinstance(outcome, Plan) or "fuzz.xlsx" in str(outcome)
