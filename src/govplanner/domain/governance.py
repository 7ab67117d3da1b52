"""Real governance structures as data: committee kinds, organisation types, memberships.

DOMAIN.md v2 (normative). Each kind says what a committee of that kind requires by default
and whether it needs a clinical voice; each vocabulary lists the plain words users write for
its values in registers, so import, forms and reports all read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govplanner.domain.enums import (
    FUNCTIONS,
    CommitteeKind,
    Function,
    LineKind,
    Membership,
    OrganisationType,
    Rule,
)
from govplanner.domain.names import name_key


@dataclass(frozen=True)
class KindInfo:
    kind: CommitteeKind
    #: the default rule for every function
    rule: Rule
    #: CLN001 and PRO001 apply (a clinical or care professional voice is expected there)
    needs_clinical_voice: bool
    #: what such a committee does, in a phrase that follows "a committee that ..."
    does: str
    examples: str


KIND_INFO: dict[CommitteeKind, KindInfo] = {
    CommitteeKind.DECISION: KindInfo(
        CommitteeKind.DECISION,
        Rule.PROFILE,
        True,
        "takes decisions or leads change for the system",
        "board, executive, programme board, place partnership, ICP, project group",
    ),
    CommitteeKind.CLINICAL_FORUM: KindInfo(
        CommitteeKind.CLINICAL_FORUM,
        Rule.PROFILE,
        True,
        "brings clinical and care professional leaders together to advise and lead",
        "clinical senate, clinical and care professional assembly, clinical executive group",
    ),
    CommitteeKind.ASSURANCE: KindInfo(
        CommitteeKind.ASSURANCE,
        Rule.OPTIONAL,
        False,
        "gives the board assurance on how the organisation is run",
        "audit, remuneration, finance and investment, risk, people, capital",
    ),
    CommitteeKind.ADVISORY: KindInfo(
        CommitteeKind.ADVISORY,
        Rule.OPTIONAL,
        False,
        "gives advice without taking delegated decisions",
        "public involvement, expert reference group",
    ),
}

KIND_BASIS = (
    "govplanner's defaults: decision-making committees and clinical forums follow the "
    "requirement profile for their level and stage. Assurance committees (audit, remuneration "
    "and the like) are set up by law and by design without clinicians, so they need no "
    "clinical leadership function. Advisory groups take no delegated decisions, so every "
    "function is optional there. Change any of these to suit your system."
)


def default_kind_rules() -> dict[CommitteeKind, dict[Function, Rule]]:
    """Every kind's default rule for every function, written out in full."""
    return {kind: dict.fromkeys(FUNCTIONS, info.rule) for kind, info in KIND_INFO.items()}


# -- Inferring a kind from a committee's name (DOMAIN.md: register import) ---------------------

#: In order: the first list with a whole-word match decides.
_KIND_WORDS: tuple[tuple[CommitteeKind, tuple[str, ...]], ...] = (
    (
        CommitteeKind.ASSURANCE,
        ("audit", "remuneration", "finance", "investment", "risk", "capital"),
    ),
    (CommitteeKind.ADVISORY, ("advisory", "involvement", "reference group")),
    (CommitteeKind.CLINICAL_FORUM, ("senate", "assembly", "professional forum")),
)
_KIND_PATTERNS = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE))
    for kind, words in _KIND_WORDS
)


def infer_kind(committee_name: str) -> CommitteeKind:
    """The kind a committee's name suggests, by whole words regardless of case."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(committee_name):
            return kind
    return CommitteeKind.DECISION


# -- The words users write for each value ------------------------------------------------------

KIND_SYNONYMS: dict[str, CommitteeKind] = {
    "decision": CommitteeKind.DECISION,
    "decision-making": CommitteeKind.DECISION,
    "decision making": CommitteeKind.DECISION,
    "statutory": CommitteeKind.DECISION,
    "board": CommitteeKind.DECISION,
    "programme board": CommitteeKind.DECISION,
    "partnership": CommitteeKind.DECISION,
    "delivery": CommitteeKind.DECISION,
    "clinical_forum": CommitteeKind.CLINICAL_FORUM,
    "clinical forum": CommitteeKind.CLINICAL_FORUM,
    "clinical senate": CommitteeKind.CLINICAL_FORUM,
    "senate": CommitteeKind.CLINICAL_FORUM,
    "assembly": CommitteeKind.CLINICAL_FORUM,
    "professional forum": CommitteeKind.CLINICAL_FORUM,
    "clinical": CommitteeKind.CLINICAL_FORUM,
    "assurance": CommitteeKind.ASSURANCE,
    "audit": CommitteeKind.ASSURANCE,
    "remuneration": CommitteeKind.ASSURANCE,
    "assurance committee": CommitteeKind.ASSURANCE,
    "advisory": CommitteeKind.ADVISORY,
    "advisory group": CommitteeKind.ADVISORY,
    "advisory committee": CommitteeKind.ADVISORY,
    "reference group": CommitteeKind.ADVISORY,
    "involvement": CommitteeKind.ADVISORY,
}

ORGANISATION_SYNONYMS: dict[str, OrganisationType] = {
    "icb": OrganisationType.ICB,
    "integrated care board": OrganisationType.ICB,
    "trust": OrganisationType.TRUST,
    "nhs trust": OrganisationType.TRUST,
    "foundation trust": OrganisationType.TRUST,
    "nhs foundation trust": OrganisationType.TRUST,
    "ft": OrganisationType.TRUST,
    "local_authority": OrganisationType.LOCAL_AUTHORITY,
    "local authority": OrganisationType.LOCAL_AUTHORITY,
    "council": OrganisationType.LOCAL_AUTHORITY,
    "county council": OrganisationType.LOCAL_AUTHORITY,
    "city council": OrganisationType.LOCAL_AUTHORITY,
    "borough council": OrganisationType.LOCAL_AUTHORITY,
    "unitary authority": OrganisationType.LOCAL_AUTHORITY,
    "la": OrganisationType.LOCAL_AUTHORITY,
    "primary_care": OrganisationType.PRIMARY_CARE,
    "primary care": OrganisationType.PRIMARY_CARE,
    "pcn": OrganisationType.PRIMARY_CARE,
    "primary care network": OrganisationType.PRIMARY_CARE,
    "gp federation": OrganisationType.PRIMARY_CARE,
    "federation": OrganisationType.PRIMARY_CARE,
    "practice": OrganisationType.PRIMARY_CARE,
    "gp practice": OrganisationType.PRIMARY_CARE,
    "provider_collaborative": OrganisationType.PROVIDER_COLLABORATIVE,
    "provider collaborative": OrganisationType.PROVIDER_COLLABORATIVE,
    "collaborative": OrganisationType.PROVIDER_COLLABORATIVE,
    "vcfse": OrganisationType.VCFSE,
    "voluntary": OrganisationType.VCFSE,
    "voluntary sector": OrganisationType.VCFSE,
    "charity": OrganisationType.VCFSE,
    "social enterprise": OrganisationType.VCFSE,
    "healthwatch": OrganisationType.HEALTHWATCH,
    "other": OrganisationType.OTHER,
}

MEMBERSHIP_SYNONYMS: dict[str, Membership] = {
    "member": Membership.MEMBER,
    "voting member": Membership.MEMBER,
    "voting": Membership.MEMBER,
    "participant": Membership.PARTICIPANT,
    "non-voting": Membership.PARTICIPANT,
    "non voting": Membership.PARTICIPANT,
    "non-voting member": Membership.PARTICIPANT,
    "non-voting participant": Membership.PARTICIPANT,
    "attendee": Membership.ATTENDEE,
    "in attendance": Membership.ATTENDEE,
    "attending": Membership.ATTENDEE,
    "observer": Membership.ATTENDEE,
    "deputy": Membership.DEPUTY,
    "substitute": Membership.DEPUTY,
}

LINE_SYNONYMS: dict[str, LineKind] = {
    "accountable": LineKind.ACCOUNTABLE,
    "accountable to": LineKind.ACCOUNTABLE,
    "reports to": LineKind.ACCOUNTABLE,
    "advises": LineKind.ADVISES,
    "advisory": LineKind.ADVISES,
}


def lookup(table: dict[str, object], text: str) -> object | None:
    """The value a word stands for in one of the tables above (case and spaces ignored)."""
    return table.get(name_key(text).replace("_", " ")) or table.get(name_key(text))
