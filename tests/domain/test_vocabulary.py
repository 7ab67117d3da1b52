"""A plan's own words for committee, tier and role, and where they show up."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from govplanner.analysis.engine import analyse
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import DEFAULT_WORDS, Vocabulary, capitalise, words
from tests.builders import PlanBuilder


def test_defaults_are_the_framework_words() -> None:
    w = words(Plan())
    assert w is DEFAULT_WORDS
    assert (w.committee, w.committees, w.tier, w.tiers, w.role, w.roles) == (
        "committee",
        "committees",
        "tier",
        "tiers",
        "role",
        "roles",
    )


def test_every_form_is_available() -> None:
    plan = Plan(vocabulary=Vocabulary(committee="forum", committees="forums", role="post"))
    w = words(plan)
    assert w.committee == "forum"
    assert w.cap("committees") == "Forums"
    assert w.cap("role") == "Post"
    assert w.roles == "roles"  # not renamed
    forms = w.as_dict()
    assert forms["Committee"] == "Forum"
    assert forms["tiers"] == "tiers"
    assert len(forms) == 12


def test_capitalise_keeps_the_rest_of_the_word() -> None:
    assert capitalise("ICS forum") == "ICS forum"
    assert capitalise("level") == "Level"
    assert capitalise("") == ""


def test_words_are_trimmed_and_must_not_be_empty() -> None:
    assert Vocabulary(tier="  level ").tier == "level"
    with pytest.raises(ValidationError):
        Vocabulary(tier="   ")


def test_findings_use_the_plan_words() -> None:
    plan = (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Place Forum", tier="place")
        .role("Spare Lead", functions=["relational"])
        .build()
    )
    plan.vocabulary = Vocabulary(
        committee="forum", committees="forums", tier="level", tiers="levels", role="post"
    )
    messages = {f.code: (f.message, f.remedy) for f in analyse(plan).findings}
    assert messages["STR003"][0].startswith("The post Spare Lead (vacant) sits on no forum")
    assert "Place level, thematic level" in messages["STR005"][0]
    assert "usually one in the level above" in messages["STR005"][1]
    assert "Add a clinical post to Place Forum" in messages["CLN001"][1]


def test_article_follows_the_word() -> None:
    plan = (
        PlanBuilder()
        .committee("Upper", tier="place")
        .committee("Lower", tier="system", reports_to="Upper")
        .build()
    )
    plan.vocabulary = Vocabulary(committee="assembly", committees="assemblies")
    [str002] = [f for f in analyse(plan).findings if f.code == "STR002"]
    assert "report to an assembly at its own level" in str002.remedy
