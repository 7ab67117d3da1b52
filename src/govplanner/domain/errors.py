"""Every error govplanner raises on purpose, each naming what is wrong and where."""

from __future__ import annotations

from pathlib import Path


class GovplannerError(Exception):
    """Base of the product's own errors: the message is plain English, fit to show a user."""


class PlanIntegrityError(GovplannerError):
    """A plan whose references, names or values do not hang together.

    ``problems`` lists every problem found, each a sentence naming the item.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        if len(problems) == 1:
            text = problems[0]
        else:
            shown = "\n".join(f"- {p}" for p in problems[:20])
            more = f"\n(and {len(problems) - 20} more)" if len(problems) > 20 else ""
            text = f"The plan has {len(problems)} problems:\n{shown}{more}"
        super().__init__(text)


class PlanFileError(GovplannerError):
    """A plan file that cannot be read or written.

    ``where`` is a JSON path such as ``$.committees[3].tier_id`` when the problem is inside it.
    """

    def __init__(self, path: str | Path, problem: str, where: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.where = where
        at = f" at {where}" if where else ""
        super().__init__(f"{self.path.name}: {problem}{at}")


class RegisterError(GovplannerError):
    """A register workbook problem, naming file, sheet, row, column and offending value."""

    def __init__(
        self,
        path: str | Path,
        problem: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: object = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        parts = [self.path.name]
        if sheet is not None:
            parts.append(f"sheet '{sheet}'")
        if row is not None:
            parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column '{column}'")
        where = ", ".join(parts)
        shown = f" (value: {value!r})" if value not in (None, "") else ""
        super().__init__(f"{where}: {problem}{shown}")


class TemplateRenderError(GovplannerError):
    """A document template that fails to load or render, naming the file and line."""

    def __init__(self, template: str, problem: str, line: int | None = None) -> None:
        self.template = template
        self.problem = problem
        self.line = line
        at = f", line {line}" if line else ""
        super().__init__(f"Template {template}{at}: {problem}")


class ExportError(GovplannerError):
    """An export that could not be written (the target is left as it was)."""


class FileInUseError(GovplannerError):
    """The target is open in another program (typically Excel or Word on Windows)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        super().__init__(
            f"{self.path.name} is open in another program (perhaps Excel or Word). "
            "Close it there and try again."
        )
