"""The analysis gives exactly the recorded results on the examples and two synthetic plans.

The fixtures were rendered from the analysis before it was optimised for national scale; any
change to a finding, its wording, its order or a coverage figure shows up here. Regenerate them
with ``python -m tests.analysis.snapshot`` only when a change to the results is intended.
"""

from __future__ import annotations

import json

import pytest

from govplanner.analysis import analyse, build_context
from tests.analysis.snapshot import AS_OF, FIXTURES, dump, render, snapshots

PLANS = snapshots()


@pytest.mark.parametrize("name", sorted(PLANS))
def test_analysis_matches_the_recorded_snapshot(name: str) -> None:
    expected = (FIXTURES / f"{name}.json").read_text(encoding="utf-8")
    assert dump(PLANS[name]) == expected


@pytest.mark.parametrize("name", ["synthetic-edited", "ics-example"])
def test_a_prebuilt_context_gives_the_same_snapshot(name: str) -> None:
    plan = PLANS[name]
    result = analyse(plan, build_context(plan, AS_OF), as_of=AS_OF)
    expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    assert render(result) == expected


def test_the_edited_plan_exercises_every_kind_of_subject_and_acceptance() -> None:
    rendered = render(analyse(PLANS["synthetic-edited"], as_of=AS_OF))
    kinds = {f["subject_kind"] for f in rendered["findings"]}
    assert kinds == {"committee", "role", "person"}
    assert any(f["accepted"] and f["rationale"] for f in rendered["findings"])
    assert rendered["summary"]["accepted"] > 0
