"""Which UK regulator registers a profession: a table of whole names and synonyms.

A role description names the register a candidate must be on. Professions are matched as
whole names, never by substring: "Orthoptics" is not optics, "Independent prescriber" is not
dentistry and "Medicines optimisation" is not medicine. A profession that is not in the table
(a qualification, a job or a field rather than a registered profession) gets a general line
that is true whatever the candidate's profession is, rather than a wrong regulator.

How a profession is read: lower-cased, "&" read as "and", punctuation dropped, then looked up
whole; failing that, the plan's own profession synonyms are tried, then the last two words and
the last word as a *head* (so "mental health nursing" is nursing and "community pharmacy" is
pharmacy), heads being only the words that name a profession on their own. Several
professions ("nursing or AHP", "GP / pharmacist") are read one by one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Regulator:
    name: str
    short: str
    #: what the register line adds, such as a doctor's licence to practise
    extra: str = ""
    #: a social care register rather than a health one (for "care professional" wording)
    care: bool = False
    article: str = "the "

    @property
    def text(self) -> str:
        short = f" ({self.short})" if self.short else ""
        return f"{self.article}{self.name}{short}"


GMC = Regulator("General Medical Council", "GMC", ", with a licence to practise")
NMC = Regulator("Nursing and Midwifery Council", "NMC")
HCPC = Regulator("Health and Care Professions Council", "HCPC")
GPHC = Regulator("General Pharmaceutical Council", "GPhC")
GDC = Regulator("General Dental Council", "GDC")
GOC = Regulator("General Optical Council", "GOC")
GOSC = Regulator("General Osteopathic Council", "GOsC")
GCC = Regulator("General Chiropractic Council", "GCC")
SWE = Regulator("Social Work England", "", care=True, article="")

_TABLE: dict[Regulator, tuple[str, ...]] = {
    GMC: (
        "medicine", "medical", "doctor", "doctors", "physician", "general practice",
        "general practitioner", "gp", "gps", "family medicine", "psychiatry", "psychiatrist",
        "obstetrics", "obstetrician", "obstetrics and gynaecology", "gynaecology",
        "gynaecologist", "oncology", "oncologist", "clinical oncology", "medical oncology",
        "surgery", "surgeon", "general surgery", "anaesthetics", "anaesthesia", "anaesthetist",
        "paediatrics", "paediatrician", "cardiology", "cardiologist", "geriatrics",
        "geriatrician", "geriatric medicine", "radiology", "radiologist", "pathology",
        "pathologist", "histopathology", "dermatology", "neurology", "neurologist",
        "gastroenterology", "rheumatology", "haematology", "haematologist", "nephrology",
        "urology", "orthopaedics", "trauma and orthopaedics", "ophthalmology",
        "ophthalmologist", "intensive care", "critical care medicine", "public health medicine",
        "palliative medicine", "respiratory medicine", "endocrinology", "diabetology",
        "microbiology", "medical microbiology", "ent", "otolaryngology", "neonatology",
        "neonatologist", "old age psychiatry",
    ),
    NMC: (
        "nursing", "nurse", "nurses", "registered nurse", "rgn", "rmn", "midwifery", "midwife",
        "midwives", "nursing associate", "health visiting", "health visitor",
        "specialist community public health nursing", "advanced nurse practitioner", "anp",
        "nurse consultant",
    ),
    HCPC: (
        "allied health professions", "allied health profession", "allied health professional",
        "allied health professionals", "allied health", "ahp", "ahps", "physiotherapy",
        "physiotherapist", "physio", "occupational therapy", "occupational therapist", "ot",
        "paramedic", "paramedics", "paramedicine", "paramedic science",
        "speech and language therapy", "speech and language therapist", "salt", "dietetics",
        "dietitian", "dietician", "nutrition and dietetics", "podiatry", "podiatrist",
        "chiropody", "chiropodist", "radiography", "radiographer", "diagnostic radiography",
        "therapeutic radiography", "orthoptics", "orthoptist", "prosthetics and orthotics",
        "prosthetist", "orthotist", "operating department practice",
        "operating department practitioner", "odp", "art therapy", "art therapist",
        "music therapy", "music therapist", "drama therapy", "dramatherapy", "arts therapies",
        "biomedical science", "biomedical scientist", "clinical science", "clinical scientist",
        "hearing aid dispenser", "psychology", "psychologist", "practitioner psychology",
        "practitioner psychologist", "clinical psychology", "clinical psychologist",
        "counselling psychology", "health psychology", "forensic psychology",
        "educational psychology",
    ),
    GPHC: (
        "pharmacy", "pharmacist", "pharmacists", "community pharmacy", "community pharmacist",
        "clinical pharmacy", "clinical pharmacist", "hospital pharmacy", "pharmacy technician",
        "pharmacy technicians", "pharmaceutical",
    ),
    GDC: (
        "dentistry", "dentist", "dentists", "dental", "dental surgeon", "dental surgery",
        "general dental practice", "community dentistry", "dental nurse", "dental nursing",
        "dental hygienist", "dental hygiene", "dental therapist", "dental therapy",
        "dental technician", "clinical dental technician", "orthodontics", "orthodontist",
    ),
    GOC: (
        "optometry", "optometrist", "optometrists", "optician", "opticians",
        "dispensing optician", "ophthalmic optician", "optical", "eye health optometry",
    ),
    GOSC: ("osteopathy", "osteopath"),
    GCC: ("chiropractic", "chiropractor"),
    SWE: (
        "social work", "social worker", "social workers", "registered social worker",
        "adult social work", "childrens social work", "mental health social work",
        "approved social worker",
    ),
}  # fmt: skip

#: The words that name a profession on their own at the end of a longer name
#: ("mental health nursing", "community pharmacy", "adult social work").
_HEADS: dict[str, Regulator] = {
    "nursing": NMC, "nurse": NMC, "midwifery": NMC, "midwife": NMC,
    "medicine": GMC, "surgery": GMC, "psychiatry": GMC, "physician": GMC, "paediatrics": GMC,
    "pharmacy": GPHC, "pharmacist": GPHC,
    "physiotherapy": HCPC, "physiotherapist": HCPC, "psychology": HCPC, "psychologist": HCPC,
    "radiography": HCPC, "radiographer": HCPC, "paramedic": HCPC,
    "dentistry": GDC, "dentist": GDC,
    "optometry": GOC, "optometrist": GOC,
    "social work": SWE, "social worker": SWE,
}  # fmt: skip
#: Names whose head word would mislead: another register, or no professional register.
_NOT_BY_HEAD: dict[str, Regulator | None] = {
    "dental nurse": GDC, "dental nursing": GDC, "veterinary nurse": None,
    "veterinary nursing": None, "veterinary medicine": None, "veterinary surgery": None,
    "sports medicine": GMC,
}  # fmt: skip

_BY_NAME: dict[str, Regulator] = {name: reg for reg, names in _TABLE.items() for name in names}
_SPLIT = re.compile(r"\s*(?:/|;|,|\bor\b|\+)\s*")
_PARENS = re.compile(r"\(([^)]*)\)")
_APOSTROPHES = re.compile(r"['’]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def profession_key(text: str) -> str:
    """'Children’s Social Work' -> 'childrens social work'; 'A&E' -> 'a and e'."""
    text = _APOSTROPHES.sub("", text.casefold().replace("&", " and "))
    return " ".join(_NON_WORD.sub(" ", text).split())


def regulator_of(profession: str, synonyms: Mapping[str, str] | None = None) -> Regulator | None:
    """The regulator whose register covers one profession, or None when none is known.

    ``synonyms`` are the plan's profession synonyms (written word -> the name it stands for).
    """
    key = profession_key(profession)
    if not key:
        return None
    found = _lookup(key)
    if found is not None or key in _NOT_BY_HEAD:
        return found
    for written, meant in (synonyms or {}).items():
        if profession_key(written) == key:
            return _lookup(profession_key(meant))
    return None


def _lookup(key: str) -> Regulator | None:
    if key in _NOT_BY_HEAD:
        return _NOT_BY_HEAD[key]
    if key in _BY_NAME:
        return _BY_NAME[key]
    words = key.split()
    for size in (2, 1):
        if len(words) > size:
            head = " ".join(words[-size:])
            tail_key = " ".join(words[-size - 1 :])
            if tail_key in _NOT_BY_HEAD:
                return _NOT_BY_HEAD[tail_key]
            if head in _HEADS:
                return _HEADS[head]
    return None


def regulators_of(
    profession: str, synonyms: Mapping[str, str] | None = None
) -> list[Regulator] | None:
    """Every regulator a profession field names, in order; None if any part is unknown.

    "Trauma (medical)" is read as its words outside the brackets, then the words inside.
    """
    found: list[Regulator] = []
    for part in _SPLIT.split(profession):
        if not part.strip():
            continue
        regulator = regulator_of(part, synonyms)
        if regulator is None:
            inner = _PARENS.findall(part)
            regulator = regulator_of(_PARENS.sub(" ", part), synonyms) or next(
                (r for text in inner if (r := regulator_of(text, synonyms))), None
            )
        if regulator is None:
            return None
        if regulator not in found:
            found.append(regulator)
    return found or None


GENERAL_LINE = (
    "Current registration with the UK professional regulator for the candidate's health or "
    "care profession."
)
NOT_REQUIRED_LINE = (
    "Not required: this post does not call for registration with a health or care "
    "professional regulator."
)


def registration_text(
    profession: str, *, clinical: bool, synonyms: Mapping[str, str] | None = None
) -> str:
    """The registration a candidate for the post must hold, in one sentence.

    A non-clinical post needs none. A clinical post whose profession the table knows names its
    regulator (or each, for a field naming several professions); otherwise the general line.
    """
    if not clinical:
        return NOT_REQUIRED_LINE
    regulators = regulators_of(profession, synonyms)
    if not regulators:
        return GENERAL_LINE
    if len(regulators) == 1:
        only = regulators[0]
        return f"Current registration with {only.text}{only.extra}."
    names = [r.text for r in regulators]
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    return f"Current registration with {listed}, as fits the candidate's profession."


def is_care_profession(profession: str, synonyms: Mapping[str, str] | None = None) -> bool:
    """True when the profession is registered as social care (social work), not health."""
    regulators = regulators_of(profession, synonyms) or []
    return bool(regulators) and all(r.care for r in regulators)
