"""Programme areas and the professions that deliver them, with the words people use for them.

The table is editable per plan; these are the defaults a new plan starts from (DOMAIN.md:
"Programme areas and professions"), with social work where social workers deliver care.
"""

from __future__ import annotations

DEFAULT_PROGRAMMES: dict[str, tuple[str, ...]] = {
    "Maternity": ("midwifery", "obstetrics"),
    "Mental health": ("psychiatry", "mental health nursing", "psychology", "social work"),
    "Learning disability": (
        "learning disability nursing",
        "psychiatry",
        "psychology",
        "social work",
    ),
    "Primary care": ("general practice", "practice nursing", "community pharmacy"),
    "Urgent and emergency care": ("emergency medicine", "paramedicine", "acute medicine"),
    "Community services": ("community nursing", "allied health professions", "social work"),
    "Place and neighbourhood": (
        "general practice",
        "community nursing",
        "allied health professions",
        "social work",
    ),
    "Children's services": ("paediatrics", "health visiting", "school nursing", "social work"),
    "Medicines": ("pharmacy",),
    "Cancer": ("oncology", "cancer nursing"),
    "Rehabilitation": ("allied health professions", "nursing"),
}

PROGRAMMES_BASIS = (
    "Default table: the study's programme areas with the professions that deliver them. Social "
    "work is listed where social workers deliver care alongside health professionals (mental "
    "health, learning disability, community services, place and neighbourhood working, "
    "children's services), because NHS England's guidance counts social workers among the care "
    "professions whose leaders should be heard. Edit it to match your system."
)

DEFAULT_PROFESSION_SYNONYMS: dict[str, str] = {
    "gp": "general practice",
    "general practitioner": "general practice",
    "family medicine": "general practice",
    "pharmacist": "pharmacy",
    "community pharmacist": "community pharmacy",
    "midwife": "midwifery",
    "obstetrician": "obstetrics",
    "psychiatrist": "psychiatry",
    "psychologist": "psychology",
    "mental health nurse": "mental health nursing",
    "rmn": "mental health nursing",
    "practice nurse": "practice nursing",
    "paramedic": "paramedicine",
    "ahp": "allied health professions",
    "allied health professional": "allied health professions",
    "physiotherapy": "allied health professions",
    "occupational therapy": "allied health professions",
    "district nursing": "community nursing",
    "community nurse": "community nursing",
    "oncologist": "oncology",
    "cancer nurse": "cancer nursing",
    "emergency physician": "emergency medicine",
    "a&e": "emergency medicine",
    "acute physician": "acute medicine",
    "nurse": "nursing",
    "social worker": "social work",
    "approved mental health professional": "social work",
    "amhp": "social work",
    "ld nurse": "learning disability nursing",
    "learning disability nurse": "learning disability nursing",
    "paediatrician": "paediatrics",
    "health visitor": "health visiting",
    "school nurse": "school nursing",
}
