"""Older plan files are brought up to date by ordered, checked migration steps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govplanner.domain.errors import PlanFileError
from govplanner.domain.model import Plan
from govplanner.files import migrations, planfile
from govplanner.files.migrations import (
    CURRENT_SCHEMA_VERSION,
    FORMAT,
    MigrationError,
    looks_like_bare_plan,
    migrate,
)
from govplanner.files.planfile import load_plan
from tests.files.plans import small_plan


def test_version_zero_bare_plan_loads(tmp_path: Path) -> None:
    plan = small_plan()
    path = tmp_path / "old.govplan"
    path.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    assert load_plan(path) == plan


def test_v0_step_wraps_the_plan() -> None:
    doc = {"name": "x", "tiers": []}
    assert looks_like_bare_plan(doc)
    assert migrations.STEPS[0](doc) == {"format": FORMAT, "schema_version": 1, "plan": doc}


def test_wrapped_version_zero_is_relabelled(tmp_path: Path) -> None:
    plan = small_plan()
    doc = json.loads(planfile.plan_to_json(plan))
    doc["schema_version"] = 0
    path = tmp_path / "zero.govplan"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert load_plan(path) == plan


def test_current_version_is_untouched() -> None:
    doc = {"format": FORMAT, "schema_version": CURRENT_SCHEMA_VERSION, "plan": {}}
    assert migrate(doc, CURRENT_SCHEMA_VERSION) is doc


def _rename_purpose(doc: dict[str, Any]) -> dict[str, Any]:
    plan = dict(doc["plan"])
    plan["committees"] = [
        {**{k: v for k, v in c.items() if k != "remit"}, "purpose": c.get("remit", "")}
        for c in plan["committees"]
    ]
    return {**doc, "schema_version": CURRENT_SCHEMA_VERSION + 1, "plan": plan}


def test_steps_run_in_order_up_to_current() -> None:
    calls: list[int] = []

    def step(n: int) -> migrations.Step:
        def run(doc: dict[str, Any]) -> dict[str, Any]:
            calls.append(n)
            return {**doc, "schema_version": n + 1}

        return run

    steps = {0: step(0), 1: step(1), 2: step(2)}
    result = migrate({"schema_version": 0}, 0, steps=steps, current=3)
    assert calls == [0, 1, 2]
    assert result["schema_version"] == 3


def test_missing_step_is_an_error() -> None:
    with pytest.raises(MigrationError, match="too old"):
        migrate({}, 0, steps={}, current=1)


def test_step_that_forgets_the_version_is_an_error() -> None:
    with pytest.raises(MigrationError, match="did not complete"):
        migrate({}, 0, steps={0: lambda d: d}, current=1)


def test_a_registered_step_is_applied_on_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A future layout change: today's version calls the purpose 'remit'; the next renames it."""
    plan = small_plan()
    doc = json.loads(planfile.plan_to_json(plan))
    for committee in doc["plan"]["committees"]:
        committee["remit"] = committee.pop("purpose")
    path = tmp_path / "current.govplan"
    path.write_text(json.dumps(doc), encoding="utf-8")

    real_migrate = migrations.migrate
    future = CURRENT_SCHEMA_VERSION + 1

    def migrate_to_future(document: dict[str, Any], version: int) -> dict[str, Any]:
        steps = {**migrations.STEPS, CURRENT_SCHEMA_VERSION: _rename_purpose}
        return real_migrate(document, version, steps=steps, current=future)

    monkeypatch.setattr(planfile, "migrate", migrate_to_future)
    monkeypatch.setattr(planfile, "CURRENT_SCHEMA_VERSION", future)
    loaded = load_plan(path)
    assert [c.purpose for c in loaded.committees] == [c.purpose for c in plan.committees]


def _version_1_document(plan: Plan) -> dict[str, Any]:
    """A file as govplanner wrote it before plans had a term window and a vocabulary."""
    doc = json.loads(planfile.plan_to_json(plan))
    del doc["plan"]["term_warning_days"]
    del doc["plan"]["vocabulary"]
    doc["schema_version"] = 1
    return doc


def test_version_one_file_loads_with_the_new_settings_at_their_defaults(tmp_path: Path) -> None:
    plan = small_plan()
    path = tmp_path / "v1.govplan"
    path.write_text(json.dumps(_version_1_document(plan)), encoding="utf-8")
    loaded = load_plan(path)
    assert loaded == plan
    assert loaded.term_warning_days == 90
    assert loaded.vocabulary.committee == "committee"
    assert loaded.vocabulary.roles == "roles"


def test_v1_step_fills_in_the_settings_and_keeps_any_already_there() -> None:
    doc = _version_1_document(small_plan())
    doc["plan"]["term_warning_days"] = 30
    migrated = migrations.STEPS[1](doc)
    assert migrated["schema_version"] == 2
    assert migrated["plan"]["term_warning_days"] == 30
    assert migrated["plan"]["vocabulary"]["tiers"] == "tiers"
    assert "vocabulary" not in doc["plan"]  # the step does not change its input


def test_a_saved_file_is_labelled_with_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "plan.govplan"
    planfile.save_plan(small_plan(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == CURRENT_SCHEMA_VERSION == 4
    assert doc["plan"]["vocabulary"]["committees"] == "committees"


def test_unknown_old_version_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = json.loads(planfile.plan_to_json(small_plan()))
    doc["schema_version"] = 0
    path = tmp_path / "old.govplan"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(planfile, "migrate", lambda d, v: migrations.migrate(d, v, steps={}))
    with pytest.raises(PlanFileError, match="too old") as caught:
        load_plan(path)
    assert caught.value.where == "$.schema_version"
