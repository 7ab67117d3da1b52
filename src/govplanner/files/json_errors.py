"""Turning pydantic validation errors into a JSON path and a plain-English sentence."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

#: Which name field identifies an item of each list, so an error can say which item it is in.
_ITEM_NAMES = {
    "tiers": ("tier", "name"),
    "stages": ("stage", "name"),
    "committees": ("committee", "name"),
    "roles": ("role", "title"),
    "people": ("person", "name"),
    "programmes": ("programme area", "name"),
    "accepted": ("accepted finding", "key"),
}


def json_path(loc: Sequence[int | str], root: str = "$") -> str:
    """``("committees", 3, "tier_id")`` -> ``$.committees[3].tier_id``."""
    parts = [root]
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part == "[key]":
            parts.append("(key)")
        elif _IDENTIFIER.match(part):
            parts.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'["{escaped}"]')
    return "".join(parts)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


#: pydantic's words for the same problem in a dataclass (a role, a person) and in a model
_SAME_AS = {"unexpected_keyword_argument": "extra_forbidden"}


def _kind(error: ErrorDetails) -> str:
    return _SAME_AS.get(error["type"], error["type"])


def _expected(error: ErrorDetails) -> str:
    kind = _kind(error)
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    field = str(error["loc"][-1]) if error["loc"] else "value"
    simple = {
        "missing": f"the required field '{field}' is missing",
        "extra_forbidden": f"'{field}' is not a field govplanner knows here "
        "(the file may come from another program or a newer version)",
        "string_type": "expected text",
        "string_too_short": "expected a non-empty name",
        "int_type": "expected a whole number",
        "int_parsing": "expected a whole number",
        "float_type": "expected a number",
        "float_parsing": "expected a number",
        "finite_number": "expected an ordinary number",
        "bool_type": "expected true or false",
        "bool_parsing": "expected true or false",
        "list_type": "expected a list",
        "dict_type": "expected an object",
        "model_type": "expected an object",
        "model_attributes_type": "expected an object",
        "date_type": "expected a date written as YYYY-MM-DD",
        "date_parsing": "expected a date written as YYYY-MM-DD",
        "date_from_datetime_parsing": "expected a date written as YYYY-MM-DD",
        "date_from_datetime_inexact": "expected a date without a time",
        "none_required": "expected null",
    }
    if kind in simple:
        return simple[kind]
    if kind == "string_too_long":
        return f"the text is too long (at most {ctx.get('max_length')} characters)"
    if kind in ("greater_than_equal", "greater_than"):
        return f"expected a number of at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"expected a number of at most {ctx.get('le', ctx.get('lt'))}"
    if kind in ("enum", "literal_error"):
        return f"expected {ctx.get('expected', 'one of the known values')}"
    return str(error["msg"])


def _item_label(data: Any, loc: Sequence[int | str]) -> str:
    """' in committee "Board"' when the error is inside a named item of the plan."""
    if len(loc) < 2 or not isinstance(loc[1], int) or not isinstance(data, Mapping):
        return ""
    kind = _ITEM_NAMES.get(str(loc[0]))
    items = data.get(str(loc[0]))
    if kind is None or not isinstance(items, list) or not 0 <= loc[1] < len(items):
        return ""
    item = items[loc[1]]
    name = item.get(kind[1]) if isinstance(item, Mapping) else None
    return f" (in {kind[0]} '{name}')" if isinstance(name, str) and name.strip() else ""


def explain(exc: ValidationError, data: Any, root: str = "$") -> tuple[str, str]:
    """The first problem of ``exc`` as (plain-English problem, JSON path)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = first["loc"]
    problem = _expected(first) + _item_label(data, loc)
    if _kind(first) not in ("missing", "extra_forbidden") and not isinstance(
        first.get("input"), (dict, list)
    ):
        problem += f"; found {_shown(first.get('input'))}"
    if len(errors) > 1:
        more = len(errors) - 1
        problem += f" (and {more} more problem{'s' if more > 1 else ''})"
    return problem, json_path(loc, root)


class _Pairs(list[tuple[str, Any]]):
    """An object's pairs as written (a repeated key kept), told apart from a JSON array."""


def where_repeated(text: str) -> str | None:
    """The JSON path of the first object the parser finishes that repeats a key.

    Only for the error (a key given twice, which :mod:`govplanner.files.planfile` refuses):
    the text is parsed again keeping every object's pairs, and searched children first, in
    the order the parser finishes objects, so it is the object the parse stopped at.
    """
    try:
        return _find_repeat(json.loads(text, object_pairs_hook=_Pairs), [])
    except RecursionError:
        return None


def _find_repeat(value: Any, loc: list[int | str]) -> str | None:
    children = enumerate(value) if type(value) is list else value if type(value) is _Pairs else ()
    for key, child in children:
        found = _find_repeat(child, [*loc, key])
        if found is not None:
            return found
    if type(value) is _Pairs and len({key for key, _ in value}) != len(value):
        return json_path(loc)
    return None
