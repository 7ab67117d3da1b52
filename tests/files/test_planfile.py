"""Plan files: stable layout, atomic saves with backup, and errors that say file and JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from govplanner.domain.errors import PlanFileError
from govplanner.domain.model import Plan
from govplanner.files import planfile
from govplanner.files.planfile import load_plan, plan_from_json, plan_to_json, save_plan
from tests.files.plans import plans, small_plan


def _write(tmp_path: Path, text: str, name: str = "bad.govplan") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _doc(plan: Plan | None = None) -> dict[str, object]:
    return json.loads(plan_to_json(plan or small_plan()))  # type: ignore[no-any-return]


def _load_error(tmp_path: Path, doc: object) -> PlanFileError:
    path = _write(tmp_path, json.dumps(doc))
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    assert caught.value.path == path
    assert "bad.govplan" in str(caught.value)
    return caught.value


# -- layout ----------------------------------------------------------------------------------


def test_layout_is_wrapped_indented_and_ends_with_newline() -> None:
    text = plan_to_json(small_plan())
    assert text.startswith('{\n  "format": "govplanner-plan",\n  "schema_version": 4,\n')
    assert text.endswith("}\n")
    doc = json.loads(text)
    assert list(doc) == ["format", "schema_version", "plan"]
    assert list(doc["plan"])[:3] == ["name", "description", "tiers"]


def test_output_is_deterministic_whatever_the_dict_order() -> None:
    plan = small_plan()
    shuffled = plan.model_copy(
        update={
            "profile": dict(reversed(list(plan.profile.items()))),
            "profession_synonyms": dict(reversed(list(plan.profession_synonyms.items()))),
        }
    )
    assert plan_to_json(shuffled) == plan_to_json(plan)
    profile = json.loads(plan_to_json(plan))["plan"]["profile"]
    assert list(profile) == ["executive", "thematic", "project"]
    assert list(profile["executive"]) == [s.id for s in plan.stages]
    synonyms = json.loads(plan_to_json(plan))["plan"]["profession_synonyms"]
    assert list(synonyms) == sorted(synonyms)


def test_small_edit_gives_small_diff() -> None:
    plan = small_plan()
    before = plan_to_json(plan).splitlines()
    plan.committees[1].purpose = "Changed purpose"
    after = plan_to_json(plan).splitlines()
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1


def test_non_ascii_is_written_as_utf8(tmp_path: Path) -> None:
    plan = small_plan()
    plan.name = "Santé – plan"
    path = tmp_path / "p.govplan"
    save_plan(plan, path)
    assert "Santé – plan".encode() in path.read_bytes()


# -- save and load ---------------------------------------------------------------------------


def test_save_then_load_gives_equal_plan_and_keeps_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.govplan"
    first = small_plan()
    save_plan(first, path)
    second = first.model_copy(update={"name": "Renamed"})
    save_plan(second, path)
    assert load_plan(path) == second
    assert load_plan(tmp_path / "plan.govplan.bak") == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_round_trip(plan: Plan) -> None:
    assert plan_from_json(plan_to_json(plan)) == plan
    assert plan_from_json(plan_to_json(plan).encode("utf-8")) == plan


def test_inconsistent_plan_is_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "plan.govplan"
    save_plan(small_plan(), path)
    before = path.read_bytes()
    broken = small_plan()
    broken.committees[0].tier_id = "tier_missing"
    with pytest.raises(PlanFileError, match=r"not saved.*Partnership Board"):
        save_plan(broken, path)
    assert path.read_bytes() == before


def test_save_into_missing_folder_is_plan_file_error(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="Could not write"):
        save_plan(small_plan(), tmp_path / "nowhere" / "p.govplan")


def test_broken_file_error_points_to_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.govplan"
    save_plan(small_plan(), path)
    save_plan(small_plan(), path)
    path.write_text('{"format": "govplanner-plan", "schema', encoding="utf-8")
    with pytest.raises(PlanFileError, match=r"previous save is kept in plan\.govplan\.bak"):
        load_plan(path)
    assert load_plan(tmp_path / "plan.govplan.bak").name == "Example partnership"


# -- load errors -----------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match=r"missing\.govplan: the file does not exist"):
        load_plan(tmp_path / "missing.govplan")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="folder"):
        load_plan(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="empty"):
        load_plan(_write(tmp_path, ""))


def test_not_json_says_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as caught:
        load_plan(_write(tmp_path, '{\n  "format": "govplanner-plan",\n  oops\n}\n'))
    assert "not valid JSON" in caught.value.problem
    assert caught.value.where == "line 3, column 3"


def test_truncated_file(tmp_path: Path) -> None:
    text = plan_to_json(small_plan())
    with pytest.raises(PlanFileError, match="truncated") as caught:
        load_plan(_write(tmp_path, text[: len(text) // 2]))
    assert caught.value.where is not None
    assert caught.value.where.startswith("line ")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.govplan"
    path.write_bytes(b'{"format": "\xff\xfe"}')
    with pytest.raises(PlanFileError, match="not UTF-8"):
        load_plan(path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.govplan"
    path.write_bytes(b"\xef\xbb\xbf" + plan_to_json(small_plan()).encode())
    assert load_plan(path).name == "Example partnership"


def test_not_an_object(tmp_path: Path) -> None:
    error = _load_error(tmp_path, [1, 2, 3])
    assert "not a govplanner plan file" in error.problem
    assert error.where == "$"


def test_other_json_file(tmp_path: Path) -> None:
    error = _load_error(tmp_path, {"name": "package.json", "version": "1.0"})
    assert "not a govplanner plan file" in error.problem
    assert error.where == "$.format"


def test_newer_version_is_refused(tmp_path: Path) -> None:
    doc = _doc()
    doc["schema_version"] = 7
    error = _load_error(tmp_path, doc)
    assert "newer version of govplanner" in error.problem
    assert "update govplanner to open it" in error.problem
    assert error.where == "$.schema_version"


@pytest.mark.parametrize("version", ["1", None, 1.5, True, -1])
def test_bad_schema_version(tmp_path: Path, version: object) -> None:
    doc = _doc()
    doc["schema_version"] = version
    error = _load_error(tmp_path, doc)
    assert error.where == "$.schema_version"


def test_wrong_type_names_json_path_and_expectation(tmp_path: Path) -> None:
    doc = _doc()
    doc["plan"]["roles"][0]["sessions_per_week"] = "two"  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert error.where == "$.plan.roles[0].sessions_per_week"
    assert "expected a number" in error.problem
    assert "Medical Director" in error.problem
    assert "'two'" in error.problem


def test_missing_field_names_it(tmp_path: Path) -> None:
    doc = _doc()
    del doc["plan"]["committees"][2]["tier_id"]  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert error.where == "$.plan.committees[2].tier_id"
    assert "required field 'tier_id' is missing" in error.problem
    assert "Community MH Project" in error.problem


def test_unknown_level_in_tier(tmp_path: Path) -> None:
    doc = _doc()
    doc["plan"]["tiers"][1]["level"] = "regional"  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert error.where == "$.plan.tiers[1].level"
    assert "'executive', 'thematic' or 'project'" in error.problem


def test_unknown_field(tmp_path: Path) -> None:
    doc = _doc()
    doc["plan"]["people"][0]["shoe_size"] = 9  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert error.where == "$.plan.people[0].shoe_size"
    assert "not a field govplanner knows" in error.problem


def test_unknown_top_level_field(tmp_path: Path) -> None:
    doc = _doc()
    doc["extra"] = {}
    error = _load_error(tmp_path, doc)
    assert error.where == "$.extra"


def test_profile_key_error_path(tmp_path: Path) -> None:
    doc = _doc()
    plan = doc["plan"]
    assert isinstance(plan, dict)
    first_stage = next(iter(plan["profile"]["executive"]))
    plan["profile"]["executive"][first_stage]["analytical"] = "vital"
    error = _load_error(tmp_path, doc)
    assert error.where == f"$.plan.profile.executive.{first_stage}.analytical"


def test_huge_value_is_refused(tmp_path: Path) -> None:
    doc = _doc()
    doc["plan"]["committees"][0]["name"] = "x" * 5000  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert "too long (at most 200 characters)" in error.problem
    assert error.where == "$.plan.committees[0].name"


def test_dangling_reference_names_the_item(tmp_path: Path) -> None:
    doc = _doc()
    doc["plan"]["roles"][1]["holder_id"] = "per_nobody"  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert "inconsistent" in error.problem
    assert "GP Lead" in error.problem
    assert error.where == "$.plan"


def test_duplicate_committee_names_are_refused(tmp_path: Path) -> None:
    doc = _doc()
    doc["plan"]["committees"][1]["name"] = "partnership board"  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert "two committees called 'partnership board'" in error.problem


@pytest.mark.parametrize("depth", [100, 5000, 100_000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    doc = _doc()
    text = json.dumps(doc).replace(
        '"description": ""', '"description": ' + "[" * depth + "]" * depth, 1
    )
    path = _write(tmp_path, text)
    with pytest.raises(PlanFileError, match="nested more than 64 levels"):
        load_plan(path)


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.govplan"
    save_plan(small_plan(), path)
    monkeypatch.setattr(planfile, "MAX_FILE_BYTES", 100)
    with pytest.raises(PlanFileError, match="opens plan files of at most"):
        load_plan(path)


def test_loading_pauses_the_collector_and_always_restores_it(tmp_path, monkeypatch):
    import gc

    planfile_module = planfile
    seen = []
    real = planfile_module._plan_from_json

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    good = tmp_path / "good.govplan"
    planfile_module.save_plan(small_plan(), good)
    bad = tmp_path / "bad.govplan"
    bad.write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(planfile_module, "_plan_from_json", spy)
    planfile_module.load_plan(good)
    with pytest.raises(PlanFileError):
        planfile_module.load_plan(bad)
    assert seen == [False, False]
    assert gc.isenabled()


# -- hostile files (issue 16) ----------------------------------------------------------------


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(PlanFileError, match="not an ordinary file"):
        load_plan("/dev/zero")  # its size says 0 and it never ends


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "plan.govplan"
    os.mkfifo(fifo)
    with pytest.raises(PlanFileError, match="not an ordinary file"):
        load_plan(fifo)


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="is a folder"):
        load_plan(tmp_path)


def test_a_key_given_twice_is_an_error_not_last_one_wins(tmp_path: Path) -> None:
    text = plan_to_json(small_plan()).replace(
        '"name": "Example partnership",',
        '"name": "Example partnership",\n    "name": "Someone else\'s board",',
        1,
    )
    assert text.count("Someone else's board") == 1
    path = _write(tmp_path, text)
    with pytest.raises(PlanFileError, match="the key 'name' appears twice in one object"):
        load_plan(path)


def test_a_five_thousand_digit_number_is_one_clear_error(tmp_path: Path) -> None:
    doc = _doc()
    text = json.dumps(doc).replace('"schema_version": 4', '"schema_version": ' + "9" * 5000)
    with pytest.raises(PlanFileError, match="a number in the file is too long to read"):
        load_plan(_write(tmp_path, text))


@pytest.mark.parametrize(
    ("char", "shown"),
    [("\x1b", "U+001B (escape)"), ("\x07", "U+0007 (bell)"), ("\u202e", "U+202E"),
     ("\u2066", "U+2066"), ("\x85", "U+0085")],
)  # fmt: skip
def test_control_and_direction_characters_are_refused_naming_the_field(
    tmp_path: Path, char: str, shown: str
) -> None:
    doc = _doc()
    doc["plan"]["committees"][0]["name"] = f"Board{char}"  # type: ignore[index]
    error = _load_error(tmp_path, doc)
    assert shown in str(error)
    assert error.where == "$.plan.committees[0].name"


def test_tabs_and_line_breaks_in_notes_are_kept(tmp_path: Path) -> None:
    plan = small_plan()
    plan.description = "Line one\n\tLine two\r\n"
    path = tmp_path / "p.govplan"
    save_plan(plan, path)
    assert load_plan(path).description == "Line one\n\tLine two\r\n"


def test_a_plan_with_a_control_character_is_not_saved(tmp_path: Path) -> None:
    plan = small_plan()
    plan.roles[0].title = "Director\x1b[2J"
    path = tmp_path / "p.govplan"
    with pytest.raises(PlanFileError, match=r"role 'Director\?\[2J', title holds the control"):
        save_plan(plan, path)
    assert not path.exists()


def test_saving_through_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "plan.govplan"
    save_plan(small_plan(), real)
    link = tmp_path / "link.govplan"
    link.symlink_to(real)
    plan = small_plan()
    plan.name = "Changed through the link"
    save_plan(plan, link)
    assert link.is_symlink()
    assert load_plan(real).name == "Changed through the link"
    assert (shared / "plan.govplan.bak").is_file()
    assert not (tmp_path / "link.govplan.bak").exists()


def test_saving_the_same_plan_twice_keeps_the_older_backup(tmp_path: Path) -> None:
    path = tmp_path / "p.govplan"
    first = small_plan()
    save_plan(first, path)
    second = small_plan()
    second.name = "Second"
    save_plan(second, path)
    save_plan(second, path)  # nothing changed: the backup must still be the first save
    assert load_plan(planfile.backup_path(path)).name == first.name
    assert planfile.backup_path(path).read_bytes() != path.read_bytes()
