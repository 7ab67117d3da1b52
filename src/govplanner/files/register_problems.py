"""Collecting every problem in a register workbook, so the user can fix them all at once."""

from __future__ import annotations

from pathlib import Path

from govplanner.domain.errors import RegisterError

MAX_PROBLEMS = 50


class RegisterImportError(RegisterError):
    """One or more register problems; ``errors`` lists each, naming sheet, row and column.

    Its own sheet/row/column/value are those of the first problem, so code that handles a
    single :class:`RegisterError` still shows something useful.
    """

    def __init__(self, path: str | Path, errors: list[RegisterError], stopped: bool = False):
        first = errors[0]
        super().__init__(
            path,
            first.problem,
            sheet=first.sheet,
            row=first.row,
            column=first.column,
            value=first.value,
        )
        self.errors = list(errors)
        self.stopped = stopped
        if len(errors) > 1:
            lines = "\n".join(f"- {e}" for e in errors)
            tail = f"\n(stopped after {len(errors)} problems)" if stopped else ""
            self.args = (f"{self.path.name} has {len(errors)} problems:\n{lines}{tail}",)


class ProblemLimitError(Exception):
    """Raised inside the importer once the cap is reached; turned into RegisterImportError."""


class Problems:
    """Gathers RegisterImportError for one file, up to :data:`MAX_PROBLEMS`."""

    def __init__(self, path: str | Path, limit: int = MAX_PROBLEMS) -> None:
        self.path = Path(path)
        self.limit = limit
        self.errors: list[RegisterError] = []
        #: one-line notes for the user that do not stop the import (inferred kinds, macros...)
        self.notices: list[str] = []

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def add(
        self,
        problem: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: object = None,
    ) -> None:
        self.errors.append(
            RegisterError(self.path, problem, sheet=sheet, row=row, column=column, value=value)
        )
        if len(self.errors) >= self.limit:
            raise ProblemLimitError

    def fatal(self, problem: str, *, sheet: str | None = None) -> RegisterImportError:
        """An error that stops the import at once (the file cannot be read further)."""
        error = RegisterError(self.path, problem, sheet=sheet)
        return RegisterImportError(self.path, [*self.errors, error])

    def raise_if_any(self, stopped: bool = False) -> None:
        if self.errors:
            raise RegisterImportError(self.path, self.errors, stopped=stopped)
