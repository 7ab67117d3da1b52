"""The merge report: every alignment and conflict, as text, as JSON and as a workbook sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Sections in the order a governance lead checks them.
SECTIONS = (
    "plans",
    "organisations",
    "tiers",
    "stages",
    "settings",
    "ids",
    "names",
    "same person",
    "in common",
)
HEADINGS = {
    "plans": "Plans merged",
    "organisations": "Organisations",
    "tiers": "Tiers (aligned by level and name)",
    "stages": "Stages (aligned by name)",
    "settings": "Settings (the first plan's kept where plans differ)",
    "ids": "Ids renamed because they clash",
    "names": "Names made unique",
    "same person": "The same person in several plans? (check each)",
    "in common": "Committees in common",
}
#: Actions that ask the reader to look again.
TO_CHECK = frozenset(("to confirm", "kept apart", "differs", "chosen", "proposed"))
SHEET = "Merge report"
COLUMNS = ("Section", "Plan", "Item", "Action", "Detail")


@dataclass(frozen=True)
class Entry:
    section: str
    source: str
    subject: str
    action: str
    detail: str

    def as_json(self) -> dict[str, str]:
        return {
            "section": self.section,
            "plan": self.source,
            "item": self.subject,
            "action": self.action,
            "detail": self.detail,
        }


@dataclass
class MergeReport:
    sources: tuple[str, ...]
    entries: list[Entry] = field(default_factory=list)

    def add(self, section: str, source: str, subject: str, action: str, detail: str) -> None:
        assert section in SECTIONS, section
        self.entries.append(Entry(section, source, subject, action, detail))

    def of(self, section: str, action: str | None = None) -> list[Entry]:
        return [
            e
            for e in self.entries
            if e.section == section and (action is None or e.action == action)
        ]

    @property
    def to_check(self) -> list[Entry]:
        return [e for e in self.entries if e.action in TO_CHECK]

    def ordered(self) -> list[Entry]:
        rank = {s: i for i, s in enumerate(SECTIONS)}
        return sorted(self.entries, key=lambda e: rank[e.section])  # stable within a section

    def as_json(self, plan_name: str, output: str | None = None) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[f"{e.section}: {e.action}"] = counts.get(f"{e.section}: {e.action}", 0) + 1
        return {
            "plan": plan_name,
            "output": output,
            "sources": list(self.sources),
            "to_check": len(self.to_check),
            "counts": dict(sorted(counts.items())),
            "entries": [e.as_json() for e in self.ordered()],
        }

    def text(self, plan_name: str) -> str:
        n = len(self.to_check)
        lines = [
            f"Merge of {len(self.sources)} plans into '{plan_name}'.",
            f"{n} {'item asks' if n == 1 else 'items ask'} for a check (marked '!').",
        ]
        for section in SECTIONS:
            entries = self.of(section)
            if not entries:
                continue
            lines += ["", f"{HEADINGS[section]} ({len(entries)}):"]
            for e in entries:
                mark = "!" if e.action in TO_CHECK else "-"
                lines.append(f"  {mark} [{e.source}] {e.subject}: {e.action}; {e.detail}")
        return "\n".join(lines) + "\n"

    def write_xlsx(self, path: Path) -> None:
        """The report as one sheet (every cell text, never a formula), written atomically."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        from govplanner.files.atomic import atomic_writer
        from govplanner.files.cells import set_text

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = SHEET
        for col, title in enumerate(COLUMNS, start=1):
            cell = ws.cell(row=1, column=col)
            set_text(cell, title)
            cell.font = Font(bold=True)
        for row, e in enumerate(self.ordered(), start=2):
            values = (HEADINGS[e.section], e.source, e.subject, e.action, e.detail)
            for col, value in enumerate(values, start=1):
                set_text(ws.cell(row=row, column=col), value)
        for letter, width in zip("ABCDE", (34, 22, 36, 14, 90), strict=True):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A2"
        with atomic_writer(path, "wb") as stream:
            wb.save(stream)
