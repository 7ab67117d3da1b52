"""File names for exported documents: safe on Windows, limited in length, unique."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplanner.export.filenames import MAX_STEM, safe_stem, unique_file_names

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Medical Director", "Medical Director"),
        ("A&E Lead: Urgent/Emergency?", "A&E Lead- Urgent-Emergency-"),
        ('GP "Lead" <North>|South*', "GP -Lead- -North--South-"),
        ("  spaced   out  ", "spaced out"),
        ("Lead...", "Lead"),
        ("tab\tand\nnewline", "tab-and-newline"),
    ],
)
def test_safe_stem_replaces_forbidden_characters(title: str, expected: str) -> None:
    assert safe_stem(title) == expected


@pytest.mark.parametrize("reserved", ["CON", "con", "Nul", "PRN", "AUX", "COM1", "lpt9", "nul.tar"])
def test_reserved_device_names_are_changed(reserved: str) -> None:
    stem = safe_stem(reserved)
    assert stem.split(".")[0].casefold() != reserved.split(".")[0].casefold()
    assert reserved in stem


def test_empty_or_punctuation_only_titles_get_a_fallback() -> None:
    assert safe_stem("???") == "document"
    assert safe_stem("") == "document"


def test_long_titles_are_cut_without_trailing_space_or_dot() -> None:
    stem = safe_stem("Lead " * 40)
    assert len(stem) <= MAX_STEM
    assert not stem.endswith((" ", "."))


def test_repeated_titles_are_told_apart_by_committee_then_counter() -> None:
    names = unique_file_names(
        [
            ("Clinical Lead", ["Maternity Board"]),
            ("Clinical Lead", ["Urgent Care Board"]),
            ("clinical lead", ["Maternity Board"]),
            ("Medical Director", ["ICB Board"]),
            ("GP Representative", []),
            ("GP Representative", []),
        ],
        "docx",
    )
    assert names == [
        "Clinical Lead - Maternity Board.docx",
        "Clinical Lead - Urgent Care Board.docx",
        "clinical lead - Maternity Board (2).docx",
        "Medical Director.docx",
        "GP Representative.docx",
        "GP Representative (2).docx",
    ]
    assert len({n.casefold() for n in names}) == len(names)


def test_every_generated_name_is_windows_safe_and_unique() -> None:
    titles = ["CON", "A/B", "x" * 300, "Lead?", "Lead?", "Lead?", "nul", "NUL"]
    names = unique_file_names([(t, ["Board: North"]) for t in titles], "pdf")
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert not WINDOWS_FORBIDDEN & set(name)
        assert len(name) <= MAX_STEM + len(".pdf")
        assert name.split(".")[0].casefold() not in {"con", "nul"}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=300), st.lists(st.text(max_size=60), max_size=2)),
        max_size=25,
    )
)
def test_any_titles_give_safe_unique_names(items: list[tuple[str, list[str]]]) -> None:
    names = unique_file_names(items, "docx")
    assert len(names) == len(items)
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        stem = name.removesuffix(".docx")
        assert stem
        assert len(stem) <= MAX_STEM
        assert not WINDOWS_FORBIDDEN & set(stem)
        assert all(ord(ch) >= 32 and ch != "\x7f" for ch in stem)
        assert not stem.endswith((" ", "."))
        assert stem.split(".")[0].strip().casefold() not in RESERVED


def test_text_direction_and_invisible_characters_never_reach_a_file_name() -> None:
    from govplanner.export.filenames import safe_stem

    spoof = "Medical Director\u202ecod.exe"  # shows as "Medical Directorexe.doc"
    assert safe_stem(spoof) == "Medical Directorcod.exe"
    assert safe_stem("A\u2066B\u2069C\u200bD\x85E") == "ABCD-E"
