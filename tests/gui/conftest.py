"""Fixtures for GUI tests: a small plan in a document, with its undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from tests.builders import PlanBuilder


def small_plan_builder() -> PlanBuilder:
    return (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Quality Committee", tier="system", reports_to="ICB Board")
        .committee(
            "Mental Health Board",
            tier="programme",
            reports_to="ICB Board",
            programme="Mental health",
        )
        .committee("Crisis Group", tier="neighbourhood", reports_to="Mental Health Board")
        .role(
            "Medical Director",
            on=["ICB Board", "Quality Committee"],
            holder="Dr Ada",
            functions=["analytical", "translation"],
            sessions=2,
        )
        .role(
            "MH Lead",
            on=["Mental Health Board"],
            holder="Dr Ada",
            functions=["analytical"],
            profession="psychiatry",
            sessions=3,
        )
        .role("Crisis Lead", on=["Crisis Group"], functions=["representation"])
        .person("Dr Bea", capacity=2, sources=["reputation"])
    )


@pytest.fixture
def document() -> PlanDocument:
    return PlanDocument(small_plan_builder().build())


@pytest.fixture
def stack(qapp: object) -> QUndoStack:
    return QUndoStack()
