"""The bundled examples are end-to-end fixtures: they load, analyse sensibly and stay in step
with the script that builds them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from govplanner.analysis import analyse
from govplanner.domain.enums import Severity
from govplanner.files.planfile import load_plan
from govplanner.files.register_import import import_register

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PLANS = sorted(EXAMPLES.glob("*.govplan"))


def _builder_module():
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def test_every_example_the_script_builds_is_committed():
    assert {p.name for p in PLANS} == set(_builder_module().EXAMPLES)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_example_loads_and_analyses(path):
    plan = load_plan(path)
    analysis = analyse(plan)
    assert plan.committees
    assert plan.roles
    assert "illustrative" in plan.description or "fictional" in plan.description
    # Each example is there to show gaps being found: at least one warning or critical.
    assert any(f.severity is not Severity.INFO for f in analysis.findings)
    assert len(analysis.coverage) == len(plan.tiers)


def test_committed_plans_match_the_script_byte_for_byte(tmp_path):
    written = _builder_module().build(tmp_path)
    for path in written:
        if path.suffix == ".govplan":
            assert path.read_bytes() == (EXAMPLES / path.name).read_bytes(), (
                f"{path.name} is out of date: run python examples/build_examples.py"
            )


def test_register_example_imports_as_partnership_a():
    from_register = analyse(import_register(EXAMPLES / "register-example.xlsx"))
    from_plan = analyse(load_plan(EXAMPLES / "partnership-a.govplan"))

    def keys(a):
        return [(f.code, f.subject, f.function, f.stage, f.severity) for f in a.findings]

    assert keys(from_register) == keys(from_plan)
