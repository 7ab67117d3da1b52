"""The text of a plan file parsed to JSON values, and a key given twice refused.

A key given twice must be refused, never let the last win silently. The quick parse does not
check each object, and proves afterwards that no key was lost
(:mod:`govplanner.files.json_keys`); what it cannot prove is parsed again by a parser that
checks every object, and anything that one will not take by Python's, which says what is wrong
in the words the user sees.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jiter

from govplanner.domain.errors import PlanFileError
from govplanner.domain.model import Plan
from govplanner.files.json_errors import where_repeated
from govplanner.files.json_keys import keys_all_kept

MAX_DEPTH = 64


def parse_plan_text(text: str | bytes, source: Path) -> Any:
    """The JSON value of a plan file's text, or a PlanFileError that says what is wrong."""
    parsed = parse_quick(text)
    if parsed is UNPARSED:
        parsed = parse_strict(text)
    if parsed is UNPARSED:
        parsed = parse_explaining(text, source)
    return parsed


def too_deep(source: Path) -> PlanFileError:
    return PlanFileError(
        source, f"the JSON is nested more than {MAX_DEPTH} levels deep, which no plan needs"
    )


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str, pairs: list[tuple[str, Any]]) -> None:
        self.key = key
        label = next(
            (f" (in the item with {k} '{v}')" for k, v in pairs if k in ("id", "name", "title")
             and isinstance(v, str)),
            "",
        )  # fmt: skip
        super().__init__(f"the key '{key}' appears twice in one object{label}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key, pairs)
            seen.add(key)
    return result


UNPARSED = object()
_BOM = b"\xef\xbb\xbf"


def parse_quick(text: str | bytes) -> Any:
    """The parsed JSON of a plan file, proved to have lost no key to a repetition
    (:mod:`govplanner.files.json_keys`), or ``UNPARSED`` when that is not proved."""
    data = _bytes(text)
    try:
        # Every short string cached, values too: a national plan names each committee in
        # thousands of seats, and sharing one string per id takes 24 MB (a tenth) less memory
        # and a quarter fewer page faults than a new string per occurrence.
        parsed = jiter.from_json(data, cache_mode="all")
    except ValueError:
        return UNPARSED
    return parsed if keys_all_kept(data, parsed, Plan) else UNPARSED


def _bytes(text: str | bytes) -> bytes:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return data[len(_BOM) :] if data.startswith(_BOM) else data


def parse_strict(text: str | bytes) -> Any:
    """The parsed JSON of a well-formed document with no key twice in any object, or
    ``UNPARSED`` for anything else (then :func:`parse_explaining` explains what is wrong).

    jiter is stricter than Python's parser (no lone surrogate escapes, no deeper than 255
    levels, no trailing data), and wherever both take a document they agree on its value
    (``tests/files/test_parse_fast.py``), so the fast path never accepts what the other
    would refuse.
    """
    data = _bytes(text)
    try:
        return jiter.from_json(data, catch_duplicate_keys=True, cache_mode="all")
    except ValueError:  # jiter's every parse error, duplicate keys and depth included
        return UNPARSED


def parse_explaining(text: str | bytes, source: Path) -> Any:
    """The parsed JSON, or a PlanFileError that says what is wrong."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PlanFileError(
                source, f"the file is not UTF-8 text (bad byte at offset {exc.start})"
            ) from None
    if not text.strip():
        raise PlanFileError(source, "the file is empty")
    if "\x00" in text:
        raise PlanFileError(
            source, "the file is not UTF-8 text (it holds NUL bytes: it may be UTF-16 or binary)"
        )
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise too_deep(source) from None
    except _DuplicateKeyError as exc:
        raise PlanFileError(source, str(exc), where_repeated(text)) from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        stripped = text.rstrip()
        if exc.pos >= len(stripped) or not stripped.endswith("}"):
            problem = "the file ends too early; it may be truncated (an interrupted copy or save)"
        else:
            problem = f"the file is not valid JSON ({exc.msg})"
        raise PlanFileError(source, problem, where) from None
    except ValueError as exc:  # a number too long for Python to convert (over 4,300 digits)
        raise PlanFileError(source, f"a number in the file is too long to read ({exc})") from None
