"""Comparing two plans: matching by id then name, field changes, coverage verdicts, findings."""

from __future__ import annotations

import datetime as dt

from govplanner.analysis.compare import CellChange, compare_plans, match_items, scenario_of
from govplanner.analysis.result import CoverageCell
from govplanner.domain.enums import Function
from govplanner.domain.model import Committee, Plan
from govplanner.domain.names import new_id
from tests.builders import PlanBuilder

AS_OF = dt.date(2026, 1, 1)
ALL = ["analytical", "representation", "translation", "relational"]


def base() -> PlanBuilder:
    return (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("Mental Health Board", tier="programme", reports_to="ICB Board")
        .role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr A", sessions=2)
        .role("MH Lead", on=["Mental Health Board"], functions=["analytical"])
    )


def with_new_ids(plan: Plan) -> Plan:
    """The same plan as a register re-import would give it: every id new."""
    copy = plan.model_copy(deep=True)
    tiers = {t.id: new_id("tier") for t in copy.tiers}
    committees = {c.id: new_id("com") for c in copy.committees}
    people = {p.id: new_id("per") for p in copy.people}
    for t in copy.tiers:
        t.id = tiers[t.id]
    for c in copy.committees:
        c.id, c.tier_id = committees[c.id], tiers[c.tier_id]
        c.reports_to_id = committees.get(c.reports_to_id or "")
    for p in copy.people:
        p.id = people[p.id]
    for r in copy.roles:
        r.id = new_id("rol")
        r.committee_ids = [committees[c] for c in r.committee_ids]
        r.holder_id = people.get(r.holder_id or "")
    return copy


def test_identical_plans_have_no_changes() -> None:
    plan = base().build()
    comparison = compare_plans(plan, plan, as_of=AS_OF)
    assert comparison.is_same
    assert comparison.coverage_count("same") == len(comparison.coverage) == 2 * 4


def test_a_reimported_plan_with_new_ids_still_matches_by_name() -> None:
    plan = base().build()
    comparison = compare_plans(plan, with_new_ids(plan), as_of=AS_OF)
    assert comparison.is_same, comparison


def test_added_removed_and_changed_committees_with_fields_in_plain_words() -> None:
    before = base().committee("Old Group", tier="neighbourhood", reports_to="ICB Board").build()
    after = (
        base()
        .committee("New Group", tier="neighbourhood", reports_to="Mental Health Board")
        .build()
    )
    board = next(c for c in after.committees if c.name == "Mental Health Board")
    board.purpose = "Leads mental health"
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert [(c.status, c.name) for c in comparison.committees] == [
        ("added", "New Group"),
        ("removed", "Old Group"),
        ("changed", "Mental Health Board"),
    ]
    [changed] = [c for c in comparison.committees if c.status == "changed"]
    assert [(f.field, f.before, f.after) for f in changed.fields] == [
        ("Purpose", "(none)", "Leads mental health")
    ]
    assert comparison.count("committee", "added") == 1


def test_a_renamed_committee_matched_by_id_shows_its_old_name() -> None:
    before = base().build()
    after = before.model_copy(deep=True)
    after.committees[1].name = "Mental Health Programme Board"
    [change] = compare_plans(before, after, as_of=AS_OF).committees
    assert (change.status, change.name, change.before_name) == (
        "changed",
        "Mental Health Programme Board",
        "Mental Health Board",
    )
    assert change.fields[0].field == "Name"


def test_role_changes_name_the_holder_and_the_committees() -> None:
    before = base().build()
    after = with_new_ids(base().role("MH Lead 2", on=["ICB Board"]).build())
    mh = next(r for r in after.roles if r.title == "MH Lead")
    mh.holder_id = after.people[0].id
    mh.sessions_per_week = 1.5
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert [(c.status, c.name) for c in comparison.roles] == [
        ("added", "MH Lead 2"),
        ("changed", "MH Lead"),
    ]
    fields = {f.field: (f.before, f.after) for f in comparison.roles[1].fields}
    assert fields == {"Sessions per week": ("0", "1.5"), "Holder": ("vacant", "Dr A")}


def test_roles_with_the_same_title_are_told_apart_by_their_first_committee() -> None:
    def plan(holder_on_board: str) -> Plan:
        return with_new_ids(
            PlanBuilder()
            .committee("ICB Board", tier="system")
            .committee("Place Board", tier="place", reports_to="ICB Board")
            .role("Lead", on=["Place Board"], holder="Dr P")
            .role("Lead", on=["ICB Board"], holder=holder_on_board)
            .build()
        )

    comparison = compare_plans(plan("Dr P"), plan("Dr Q"), as_of=AS_OF)
    [change] = comparison.roles
    assert change.where == "ICB Board"
    assert [(f.field, f.before, f.after) for f in change.fields] == [("Holder", "Dr P", "Dr Q")]
    assert [(c.status, c.name) for c in comparison.people] == [("added", "Dr Q")]


def test_people_changes() -> None:
    before = base().person("Dr A", capacity=4, sources=["reputation"]).build()
    after = base().person("Dr A", capacity=6).build()
    [change] = compare_plans(before, after, as_of=AS_OF).people
    assert {f.field: (f.before, f.after) for f in change.fields} == {
        "Capacity (sessions a week)": ("4", "6"),
        "Sources of influence": ("Reputation", "not recorded"),
    }


def test_match_items_pairs_by_id_then_key_in_order() -> None:
    a1, a2, b1 = (Committee(name=n, tier_id="t") for n in ("A", "A", "B"))
    moved = Committee(id=b1.id, name="B renamed", tier_id="t")
    a3 = Committee(name="a", tier_id="t")
    pairs, removed, added = match_items(
        [a1, a2, b1], [moved, a3], lambda c, _after: c.name.casefold()
    )
    assert [(b.id, a.id) for b, a in pairs] == [(b1.id, moved.id), (a1.id, a3.id)]
    assert removed == [a2]
    assert added == []


# -- coverage ----------------------------------------------------------------------------------


def test_coverage_gain_when_a_vacant_provider_is_filled() -> None:
    before = base().build()
    after = base().build()
    next(r for r in after.roles if r.title == "MH Lead").holder_id = after.people[0].id
    comparison = compare_plans(before, after, as_of=AS_OF)
    cell = next(
        c
        for c in comparison.coverage
        if c.tier == "Programme" and c.function is Function.ANALYTICAL
    )
    assert cell.before == CoverageCell(1, 0, cell.before.required_ids, ())  # type: ignore[union-attr]
    assert (cell.after.covered, cell.verdict) == (1, "gain")  # type: ignore[union-attr]
    assert comparison.coverage_count("gain") == 1
    assert comparison.coverage_count("loss") == 0


def test_coverage_loss_and_tiers_matched_by_name() -> None:
    before = base().build()
    after = with_new_ids(base().build())
    next(r for r in after.roles if r.title == "Medical Director").holder_id = None
    comparison = compare_plans(before, after, as_of=AS_OF)
    losses = [(c.tier, c.function.value) for c in comparison.coverage if c.verdict == "loss"]
    # At the first stage an executive committee needs all four functions but representation
    # only as expected; each of them now has no filled provider.
    assert [t for t, _ in losses] == ["System"] * len(losses)
    assert len(losses) >= 2


def test_a_tier_only_in_one_plan_has_an_empty_side() -> None:
    before = base().committee("Group", tier="neighbourhood", reports_to="ICB Board").build()
    after = base().build()
    comparison = compare_plans(before, after, as_of=AS_OF)
    removed = [c for c in comparison.coverage if c.tier == "Neighbourhood"]
    assert len(removed) == 4
    assert all(c.after is None and c.before is not None for c in removed)


def test_verdict_follows_the_number_of_committees_lacking_cover() -> None:
    def change(before: tuple[int, int] | None, after: tuple[int, int] | None) -> str:
        def cell(pair: tuple[int, int] | None) -> CoverageCell | None:
            return None if pair is None else CoverageCell(*pair)

        return CellChange("T", Function.ANALYTICAL, cell(before), cell(after)).verdict

    assert change((3, 1), (3, 2)) == "gain"
    assert change((3, 3), (3, 2)) == "loss"
    assert change((2, 2), (3, 3)) == "same"
    assert change((2, 1), (3, 2)) == "gain"
    assert change((3, 2), (2, 1)) == "loss"  # one lost its cover, one lacking it was closed
    assert change((2, 1), (2, 1)) == "same"
    assert change(None, (1, 0)) == "loss"
    assert change((1, 0), None) == "gain"


# -- findings ----------------------------------------------------------------------------------


def test_findings_opened_and_closed_match_by_code_subject_function_and_stage() -> None:
    before = base().build()
    after = with_new_ids(base().build())
    next(r for r in after.roles if r.title == "MH Lead").holder_id = after.people[0].id
    after.roles.append(after.roles[0].model_copy(update={"id": "rol_x", "seats": []}))
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert {(f.code, f.subject) for f in comparison.closed} >= {("GAP002", "Mental Health Board")}
    assert ("STR003", "Medical Director") in {(f.code, f.subject) for f in comparison.opened}
    assert not {f.key for f in comparison.opened} & {f.key for f in comparison.closed}


def test_both_plans_are_judged_on_the_same_date() -> None:
    before = base().build()
    after = base().build()
    after.roles[0].term_end = dt.date(2026, 2, 1)
    early = compare_plans(before, after, as_of=dt.date(2025, 1, 1))
    late = compare_plans(before, after, as_of=dt.date(2026, 1, 15))
    assert early.opened == ()
    assert [f.code for f in late.opened] == ["TRM001"]
    assert late.as_of == dt.date(2026, 1, 15)


def test_a_scenario_is_an_independent_copy_that_compares_by_id() -> None:
    plan = base().build()
    scenario = scenario_of(plan)
    assert scenario.name == f"{plan.name} (scenario)"
    assert scenario_of(plan, "Option B").name == "Option B"
    scenario.committees[1].name = "Renamed Board"
    assert plan.committees[1].name == "Mental Health Board"
    [change] = compare_plans(plan, scenario, as_of=AS_OF).committees
    assert (change.status, change.before_name) == ("changed", "Mental Health Board")
    gains = compare_plans(plan, plan, as_of=AS_OF).cells("gain")
    assert gains == ()


def test_plans_with_different_words_compare_field_by_field() -> None:
    from govplanner.domain.vocabulary import Vocabulary

    before = base().build()
    after = before.model_copy(deep=True)
    after.vocabulary = Vocabulary(
        committee="forum", committees="forums", tier="level", tiers="levels"
    )
    after.committees[1].tier_id = after.tiers[0].id  # the MH board moves up a tier
    comparison = compare_plans(before, after, as_of=AS_OF)
    [change] = comparison.committees
    assert change.status == "changed"
    # Labelled in the after plan's words, with the before value from the before plan.
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("Level", "Programme", "System")
    ]


def test_fewer_covered_with_as_many_lacking_is_a_loss_only_when_a_committee_lost_cover() -> None:
    def verdict(lost: tuple[str, ...] | None) -> str:
        return CellChange(
            "T", Function.ANALYTICAL, CoverageCell(3, 2), CoverageCell(2, 1), lost
        ).verdict

    assert verdict(None) == "loss"  # compared by counts alone, as before
    assert verdict(()) == "same"  # two covered committees merged (or a covered one closed)
    assert verdict(("Place Board",)) == "loss"
    more = CellChange("T", Function.ANALYTICAL, CoverageCell(2, 1), CoverageCell(3, 1), ())
    assert more.verdict == "loss"  # one more committee lacking is always a loss


def test_a_finding_accepted_in_the_after_plan_is_accepted_not_closed() -> None:
    from govplanner.analysis.engine import analyse
    from govplanner.domain.model import AcceptedFinding

    before = base().build()
    after = before.model_copy(deep=True)
    gap = next(f for f in analyse(before, as_of=AS_OF).open_findings if f.code == "GAP002")
    after.accepted.append(AcceptedFinding(key=gap.key, rationale="Recruiting in spring."))
    comparison = compare_plans(before, after, as_of=AS_OF)
    assert [(f.code, f.subject) for f in comparison.accepted] == [(gap.code, gap.subject)]
    assert comparison.closed == comparison.opened == ()
    assert not comparison.is_same
    # The other way round, the finding is open again: opened.
    back = compare_plans(after, before, as_of=AS_OF)
    assert [(f.code, f.subject) for f in back.opened] == [(gap.code, gap.subject)]
    assert back.accepted == ()
