"""Retired roles with the same title are told apart in a proposal's record and text."""

from __future__ import annotations

from govplanner.restructure.rationale import Retirement, subjects


def _gone(
    title: str, where: str = "", committees: str = "", holder: str | None = None
) -> Retirement:
    return Retirement("id", title, 1.0, holder, (), where, committees)


def test_a_title_used_once_is_left_alone() -> None:
    assert subjects([_gone("Chief Nurse", "North ICB")]) == ["Chief Nurse"]


def test_like_titles_are_told_apart_first_by_organisation_then_committee_holder_number() -> None:
    gone = [
        _gone("Lead", "North ICB", "Board"),
        _gone("Lead", "South ICB", "Board"),
        _gone("Rep", "North ICB", "Forum A"),
        _gone("Rep", "North ICB", "Forum B"),
        _gone("GP", "North ICB", "Forum", "Dr A"),
        _gone("GP", "North ICB", "Forum"),
        _gone("Nurse", "North ICB", "Forum"),
        _gone("Nurse", "North ICB", "Forum"),
    ]
    assert subjects(gone) == [
        "Lead (North ICB)",
        "Lead (South ICB)",
        "Rep (North ICB; on Forum A)",
        "Rep (North ICB; on Forum B)",
        "GP (North ICB; on Forum; Dr A)",
        "GP (North ICB; on Forum; vacant)",
        "Nurse (North ICB; on Forum; vacant; 1 of 2)",
        "Nurse (North ICB; on Forum; vacant; 2 of 2)",
    ]
