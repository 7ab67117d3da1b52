"""Characters a plan may not hold: terminal controls (ESC, BEL) and bidi overrides.

A control character in a name can drive the terminal ``govplanner check`` prints to, breaks
the XML of a workbook or Word document, and a right-to-left override in a role title can
make ``report.exe.docx`` look like ``report.docx.exe`` in a file name. They are refused where
text comes in (opening a plan, importing a register), naming the field they are in. Tabs and
line breaks stay allowed: notes may have several lines.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

#: C0 controls but tab, line feed and carriage return; DEL and the C1 controls; the bidi
#: embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: In JSON such characters are escaped (``\u001b``), or raw UTF-8 for DEL, the C1 and bidi
#: ones. Three searches with a literal first byte each run at memory speed over a 24 MB plan,
#: and say whether the slower walk over the parsed data is needed.
_MAYBE_IN_JSON_BYTES = (
    re.compile(rb"\\[ubf]"),
    re.compile(rb"\x7f"),
    re.compile(rb"\xc2[\x80-\x9f]"),
    re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])"),
)


def describe(char: str) -> str:
    """``U+001B`` with a plain name for the common ones."""
    names = {"\x1b": "escape", "\x07": "bell", "\x00": "null", "\u202e": "right-to-left override"}
    code = f"U+{ord(char):04X}"
    name = names.get(char)
    return f"{code} ({name})" if name else code


def first_unsafe(text: str) -> str | None:
    match = UNSAFE.search(text)
    return match.group() if match else None


#: The byte each search above starts with: looking for one byte alone is many times faster
#: still, and most plans hold no backslash, DEL, C1 or bidi lead byte at all.
_FIRST_BYTES = (b"\\", b"\x7f", b"\xc2", b"\xe2")


def json_bytes_may_hold_unsafe(data: bytes) -> bool:
    return any(
        first in data and pattern.search(data)
        for first, pattern in zip(_FIRST_BYTES, _MAYBE_IN_JSON_BYTES, strict=True)
    )


def find_in_json(value: Any, root: str = "$") -> tuple[str, str] | None:
    """The first (JSON path, character) of an unsafe character in parsed JSON, if any."""
    stack: list[tuple[Any, str]] = [(value, root)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            char = first_unsafe(item)
            if char is not None:
                return path, char
        elif isinstance(item, dict):
            for key, child in reversed(list(item.items())):
                char = first_unsafe(str(key))
                if char is not None:
                    return f"{path} (a key)", char
                stack.append((child, f"{path}.{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{path}[{i}]") for i, child in reversed(list(enumerate(item))))
    return None


def find_in_model(model: BaseModel) -> tuple[str, str] | None:
    """The first (field, character) of an unsafe character in a plan or any of its items,
    the field named as ``committee 'Board', name``."""
    for where, text in _strings(model, ""):
        char = first_unsafe(text)
        if char is not None:
            return where, char
    return None


def _named_record(value: Any) -> bool:
    """An item kept as a pydantic dataclass (a role, a person), named by its own fields."""
    return hasattr(type(value), "__pydantic_fields__") and any(
        hasattr(value, attr) for attr in ("name", "title")
    )


def _label(model: Any) -> str:
    kind = type(model).__name__.lower()
    for attr in ("name", "title", "key"):
        value = getattr(model, attr, None)
        if isinstance(value, str) and value.strip():
            return f"{kind} '{UNSAFE.sub('?', value)}'"
    return kind


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, BaseModel) or _named_record(value):  # a plan, a role...
        label = _label(value)
        for field in type(value).__pydantic_fields__:
            yield from _strings(getattr(value, field), f"{label}, {field}")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):  # a seat, a line
        kind = type(value).__name__.lower()
        for each in dataclasses.fields(value):
            yield from _strings(getattr(value, each.name), f"{where}, {kind} {each.name}")
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(key, where)
            yield from _strings(child, where)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for child in value:
            yield from _strings(child, where)
