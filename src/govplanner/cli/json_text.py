"""JSON for people and programs alike: structure indented, each record on one line.

``json.dumps(value, indent=2)`` spreads every finding over a dozen lines and, being the
pure-Python encoder (the C one does not indent), takes ~100 ms for the 50,000-seat check
report. Here only the structure is indented: an object or array holding records gets a line
per member, and each record (an object or array with nothing nested that would need lines
of its own) is one line from the C encoder. The value is the same JSON; a finding is one
line, which also suits ``grep``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json import encoder as _encoder
from typing import Any

_INDENT = "  "
_key = json.JSONEncoder(ensure_ascii=False).encode


def _record_encoder() -> Callable[[Any], str]:
    """One line of compact JSON (``", "`` and ``": "``, as ``json.dumps``) for any value.

    The C encoder is made once and called for every record; ``JSONEncoder.encode`` would
    make a new one per call (a third of the time for 7,700 findings). Where Python has no
    C encoder, or makes it differently, the standard one.
    """
    standard = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    make = getattr(_encoder, "c_make_encoder", None)
    try:
        encode = make(  # type: ignore[misc]
            None, standard.default, _encoder.encode_basestring, None, ": ", ", ",
            False, False, True,
        )  # fmt: skip
    except TypeError:  # pragma: no cover - no C encoder, or another signature
        return standard.encode
    return lambda value: "".join(encode(value, 0))


_record = _record_encoder()


def dumps(value: Any) -> str:
    """``value`` as readable JSON text, ending in a newline."""
    parts: list[str] = []
    _write(value, 0, parts)
    parts.append("\n")
    return "".join(parts)


def _spreads(value: Any) -> bool:
    """Whether ``value`` gets a line per member: it holds an array or object that is not
    flat (an array holding any array or object, or an object holding such an array)."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                return True
    elif isinstance(value, dict):
        for item in value.values():
            if isinstance(item, (dict, list)) and _spreads(item):
                return True
    return False


def _write(value: Any, depth: int, parts: list[str]) -> None:
    if not _spreads(value):
        parts.append(_record(value))
        return
    inner = "\n" + _INDENT * (depth + 1)
    if isinstance(value, dict):
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            name = key if isinstance(key, str) else _record(key)  # as json: 1 → "1", True → "true"
            parts.append(("," if index else "") + inner + _key(name) + ": ")
            _write(item, depth + 1, parts)
        parts.append("\n" + _INDENT * depth + "}")
        return
    parts.append("[")
    for index, item in enumerate(value):
        parts.append(("," if index else "") + inner)
        _write(item, depth + 1, parts)
    parts.append("\n" + _INDENT * depth + "]")
