"""The example plans survive a trip through the register workbook: the same plan, every field."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from govplanner.analysis import analyse
from govplanner.domain.model import Plan
from govplanner.files.planfile import load_plan, plan_from_json, plan_to_json
from govplanner.files.register_export import export_register
from govplanner.files.register_import import import_register
from tests.files.test_register_export import equivalent, findings

_EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _builders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_examples", _EXAMPLES / "build_examples.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_examples", module)
    spec.loader.exec_module(module)
    return module


_MODULE = _builders()
_MAKERS: dict[str, Callable[[], Plan]] = dict(_MODULE.EXAMPLES)


@pytest.mark.parametrize("file_name", sorted(_MAKERS))
def test_example_round_trips_through_the_register(tmp_path: Path, file_name: str) -> None:
    plan = _MAKERS[file_name]()
    path = tmp_path / "register.xlsx"
    assert export_register(plan, path) == []
    back = import_register(path)
    assert back == plan
    assert findings(back) == findings(plan)


_SHIPPED = sorted(p.name for p in _EXAMPLES.glob("*.govplan"))


@pytest.mark.parametrize("file_name", _SHIPPED)
def test_shipped_example_file_round_trips_through_the_register(
    tmp_path: Path, file_name: str
) -> None:
    """Every examples/*.govplan as shipped: export, import, the same plan (issue 13)."""
    plan = load_plan(_EXAMPLES / file_name)
    path = tmp_path / "register.xlsx"
    assert export_register(plan, path) == []
    back = import_register(path)
    assert back == plan
    assert analyse(back) == analyse(plan)


@pytest.mark.parametrize("file_name", sorted(_MAKERS))
def test_example_round_trips_through_a_plan_file(file_name: str) -> None:
    plan = _MAKERS[file_name]()
    assert plan_from_json(plan_to_json(plan)) == plan


def test_shipped_register_example_imports_as_partnership_a() -> None:
    shipped = _EXAMPLES / "register-example.xlsx"
    assert shipped.exists(), "run python examples/build_examples.py to create it"
    plan = import_register(shipped)
    assert equivalent(plan) == equivalent(_MODULE.partnership_a())
    assert findings(plan) == findings(_MODULE.partnership_a())
