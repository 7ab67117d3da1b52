"""Registration lines: whole profession names and synonyms, never substrings (issue 17)."""

from __future__ import annotations

import pytest

from govplanner.export.registration import (
    GDC,
    GENERAL_LINE,
    GMC,
    GOC,
    GPHC,
    HCPC,
    NMC,
    NOT_REQUIRED_LINE,
    SWE,
    Regulator,
    is_care_profession,
    registration_text,
    regulator_of,
)


@pytest.mark.parametrize(
    ("profession", "regulator"),
    [
        # The cases issue 17 names: a substring test got every one of these wrong.
        ("Orthoptics", HCPC),
        ("orthoptist", HCPC),
        ("Independent prescriber", None),
        ("Medicines optimisation", None),
        # Each register by its whole names and synonyms.
        ("GP", GMC),
        ("General practice", GMC),
        ("acute medicine", GMC),
        ("Psychiatry", GMC),
        ("Trauma and orthopaedics", GMC),
        ("nursing", NMC),
        ("Mental health nursing", NMC),
        ("Midwife", NMC),
        ("Nursing associate", NMC),
        ("allied health professions", HCPC),
        ("AHP", HCPC),
        ("Paramedic", HCPC),
        ("Physiotherapy", HCPC),
        ("Speech & language therapy", HCPC),
        ("Clinical psychologist", HCPC),
        ("Practitioner psychologist", HCPC),
        ("Pharmacy", GPHC),
        ("Community pharmacist", GPHC),
        ("Pharmacy technician", GPHC),
        ("Dentistry", GDC),
        ("Dental nurse", GDC),  # not the NMC, though it ends in 'nurse'
        ("Optometrist", GOC),
        ("Dispensing optician", GOC),
        ("Social work", SWE),
        ("Children’s social worker", SWE),
        ("Adult social work", SWE),
        # Words that contain a profession's letters but are not that profession.
        ("Optics of care pathways", None),
        ("Pharmacology research", None),
        ("Medical devices procurement", None),
        ("Dental public health commissioning", None),
        ("Veterinary nurse", None),
        ("Adult social care", None),
        ("", None),
    ],
)
def test_professions_are_matched_by_whole_names(
    profession: str, regulator: Regulator | None
) -> None:
    assert regulator_of(profession) is regulator


def test_registration_names_the_regulator_or_says_nothing_wrong() -> None:
    assert registration_text("social work", clinical=True) == (
        "Current registration with Social Work England."
    )
    assert registration_text("GP", clinical=True) == (
        "Current registration with the General Medical Council (GMC), with a licence to practise."
    )
    for unknown in ("Independent prescriber", "Medicines optimisation", "", "Clinical lead"):
        line = registration_text(unknown, clinical=True)
        assert line == GENERAL_LINE
        # No list of examples that might leave out the holder's own register.
        assert "GMC" not in line
        assert "for example" not in line


def test_a_field_naming_several_professions_names_each_register() -> None:
    assert registration_text("Nursing or AHP", clinical=True) == (
        "Current registration with the Nursing and Midwifery Council (NMC) or the Health and "
        "Care Professions Council (HCPC), as fits the candidate's profession."
    )
    # One unknown part makes the whole line general rather than half right.
    assert registration_text("GP / independent prescriber", clinical=True) == GENERAL_LINE


def test_bracketed_words_are_read_when_the_rest_is_not_a_profession() -> None:
    assert regulator_of("Trauma (medical)") is None
    assert registration_text("Trauma (medical)", clinical=True).startswith(
        "Current registration with the General Medical Council"
    )


def test_the_plans_own_synonyms_are_used() -> None:
    synonyms = {"MSK": "physiotherapy"}
    assert regulator_of("MSK") is None
    assert regulator_of("msk", synonyms) is HCPC


def test_a_non_clinical_post_needs_no_registration_whatever_its_profession() -> None:
    assert registration_text("accountancy", clinical=False) == NOT_REQUIRED_LINE
    assert registration_text("nursing", clinical=False) == NOT_REQUIRED_LINE


def test_social_work_is_a_care_profession() -> None:
    assert is_care_profession("Social worker")
    assert not is_care_profession("nursing")
    assert not is_care_profession("Independent prescriber")
