"""The result of one CCPL principle's check: a RAG with the words shown beside it, evidence
and limits; and the small helpers that phrase shares and rate them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Rag = Literal["green", "amber", "red", "grey"]

SOURCE = (
    "NHS England, ICS implementation guidance on effective clinical and care professional "
    "leadership (2021)"
)
#: RAG -> the words shown with the colour
RAG_LABELS: dict[str, str] = {
    "green": "Evidenced",
    "amber": "Partly evidenced",
    "red": "Not evidenced",
    "grey": "Cannot tell from the plan",
}


@dataclass(frozen=True)
class PrincipleResult:
    """One principle: our paraphrase, a RAG from the plan's data, the evidence and the limits."""

    id: str
    title: str
    summary: str
    rag: Rag
    evidence: list[str] = field(default_factory=list)
    limits: str = ""

    @property
    def rag_label(self) -> str:
        return RAG_LABELS[self.rag]

    def as_dict(self) -> dict[str, Any]:
        """The result as ``check --format json`` shows it under ``principles``."""
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "rag": self.rag,
            "evidence": list(self.evidence),
            "limits": self.limits,
        }


def share_rag(part: int, whole: int) -> Rag:
    """Green when all, red when none (or under half), amber in between; grey for nothing."""
    if whole == 0:
        return "grey"
    if part >= whole:
        return "green"
    return "red" if part * 2 < whole else "amber"


def share_of(
    part: int, whole: int, singular: str, plural: str, verbs: tuple[str, str] = ("has", "have")
) -> str:
    """'2 of 3 committees have', '1 of 4 committees has', '0 of 1 committee has'."""
    noun = singular if whole == 1 else plural
    return f"{part} of {whole} {noun} {verbs[0] if part == 1 or whole == 1 else verbs[1]}"
