"""Professional groups: which group a clinical or care profession belongs to (principle 5)."""

from __future__ import annotations

from govplanner.analysis.rules.clinical import ProfessionMatcher

#: Professional groups, checked in order; a profession joins the first group one of whose
#: word stems it contains (after the plan's synonyms, e.g. "GP" -> "general practice").
PROFESSION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Midwifery", ("midwi",)),
    ("Nursing", ("nurs",)),
    ("Pharmacy", ("pharmac",)),
    ("Social care and social work", ("social work", "social care", "care manage")),
    ("Psychology", ("psycholog",)),
    ("Public health", ("public health",)),
    ("Dentistry", ("dent", "orthodont")),
    ("Optometry", ("optom", "ophthalmic optic")),
    ("Healthcare science", ("healthcare scien", "clinical scien", "biomedical", "audiolog")),
    ("Allied health professions", (
        "allied health", "paramedic", "physio", "occupational therap", "speech and language",
        "dietet", "dietit", "podiat", "radiograph", "orthopt", "osteopath", "prosthet",
        "orthot", "art therap", "music therap", "drama therap", "operating department",
    )),
    ("Medicine", (
        "medic", "general practice", "gp", "doctor", "physician", "surg", "psychiatr",
        "obstetric", "oncolog", "paediatr", "anaesth", "geriatr", "cardiolog", "radiolog",
        "patholog", "dermatolog", "neurolog", "gastro", "respiratory", "urolog", "haematolog",
    )),
)  # fmt: skip
#: The groups every system should hear from, as the guidance's range of professions suggests.
CORE_GROUPS = (
    "Medicine",
    "Nursing",
    "Midwifery",
    "Allied health professions",
    "Pharmacy",
    "Social care and social work",
)


def profession_group(profession: str, matcher: ProfessionMatcher | None = None) -> str | None:
    """The professional group of a profession ('RMN' -> 'Nursing'); None if unknown or blank."""
    text = (matcher.canonical(profession) if matcher else profession.strip().lower()).strip()
    if not text:
        return None
    for group, stems in PROFESSION_GROUPS:
        if any(_contains_word_start(text, stem) for stem in stems):
            return group
    return None


def _contains_word_start(text: str, stem: str) -> bool:
    """``stem`` appears at the start of a word of ``text`` ('gp' in 'gp lead', not 'mgpx')."""
    start = text.find(stem)
    while start >= 0:
        if start == 0 or not text[start - 1].isalnum():
            return True
        start = text.find(stem, start + 1)
    return False
