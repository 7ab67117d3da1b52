"""The default programme table counts social work where social workers deliver care (issue 13)."""

from __future__ import annotations

import pytest

from govplanner.analysis import analyse
from govplanner.domain.catalogue import DEFAULT_PROGRAMMES, PROGRAMMES_BASIS
from tests.builders import PlanBuilder


@pytest.mark.parametrize(
    "area",
    ["Community services", "Mental health", "Learning disability", "Place and neighbourhood",
     "Children's services"],
)  # fmt: skip
def test_a_social_worker_satisfies_pro001_where_social_work_delivers(area: str) -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .committee("Partnership", tier="place", reports_to="Board", programme=area)
        .role("Director of Adult Social Services", on=["Partnership"], profession="social worker",
              functions=["representation"], holder="Sam")
        .build()
    )  # fmt: skip
    assert not [f for f in analyse(plan).findings if f.code == "PRO001"]


def test_social_work_is_not_added_where_it_does_not_deliver() -> None:
    assert "social work" not in DEFAULT_PROGRAMMES["Maternity"]
    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .committee("LMNS", tier="programme", reports_to="Board", programme="Maternity")
        .role("Social Care Lead", on=["LMNS"], profession="social work",
              functions=["representation"], holder="Sam")
        .build()
    )  # fmt: skip
    assert [f.subject for f in analyse(plan).findings if f.code == "PRO001"] == ["LMNS"]


def test_the_basis_of_the_table_is_stated() -> None:
    assert "social work" in PROGRAMMES_BASIS.casefold()
    assert "Edit it" in PROGRAMMES_BASIS
