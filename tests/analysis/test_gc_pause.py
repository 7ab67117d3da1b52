"""The analysis pauses Python's cyclic garbage collector only while it runs, then restores it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from govplanner.analysis import engine
from govplanner.analysis.engine import analyse
from tests.analysis.support import programme_board


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_the_collector_is_paused_during_the_rules_and_enabled_again_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.enable()
    seen: list[bool] = []
    real = engine.run_rules

    def spy(*args: object) -> object:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "run_rules", spy)
    analyse(programme_board().build())
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    analyse(programme_board().build())
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_the_collector_comes_back_when_the_analysis_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.enable()

    def broken(*args: object) -> object:
        raise RuntimeError("rule failed")

    monkeypatch.setattr(engine, "run_rules", broken)
    with pytest.raises(RuntimeError, match="rule failed"):
        analyse(programme_board().build())
    assert gc.isenabled()
