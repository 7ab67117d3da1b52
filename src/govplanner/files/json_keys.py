"""Proof that parsing a plan file lost no key to a repetition, for a fraction of the cost of
checking every object as it is parsed.

A JSON object may repeat a key, and a parser keeps only the last value: a plan file must never
lose a value that way, so a repeated key is refused. Asking the parser to check each object as
it goes costs 40 % of the parse of a national plan (a set of keys built for each of 200,000
objects). Instead the parse runs unchecked and the keys are counted twice:

- in the parsed objects: each holds one entry per distinct key, so a key given twice in one
  object is one entry short;
- in the text: every key is followed, after any white space, by a colon, and JSON has no other
  colons outside strings.

Only the objects actually visited are counted, and the text is never counted short, so the two
counts agree only when every object kept every key: then no key was repeated. When they do not
agree (a repeated key, or text this count cannot prove), the caller parses again with the
check on, which finds and places any repeated key.

The objects are counted along the plan's schema (the fields that can hold objects, read from
the models), a list of records at a time, by C-level maps: 80,000 roles and seats in a few
milliseconds. A document of any other shape is simply not proved.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain, repeat
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

#: a key followed by white space before its colon
_SPACED_KEY = re.compile(rb'"[ \t\r\n]+:')

_is_dict = dict.__instancecheck__
_is_list = list.__instancecheck__
_entries = dict.__len__


def keys_all_kept(data: bytes, document: Any, plan_model: type[BaseModel]) -> bool:
    """Whether ``document``, parsed from ``data`` without checking for repeated keys, holds
    every key of the text: a plan file's ``{"format", "schema_version", "plan"}`` wrapper
    around a plan shaped as ``plan_model`` says."""
    if not (_is_dict(document) and _is_dict(plan := document.get("plan"))):
        return False
    try:
        counted = len(document) + _records([plan], plan_model)
    except TypeError:  # something other than an object where the plan has one: not proved
        return False
    colons = data.count(b":")
    if colons == counted:  # no colon inside a string: every colon follows a key
        return True
    # Colons inside strings too: count the keys themselves, never short. A quote followed
    # by a colon (perhaps after white space) ends every key; inside a string, only a quote
    # escaped with a backslash can, which can only count the text long.
    return data.count(b'":') + len(_SPACED_KEY.findall(data)) == counted


def _records(records: list[Any], model: Any) -> int:
    """The entries of these objects, each parsed for one ``model``, and of everything they
    hold. ``dict.__len__`` and ``dict.get`` raise TypeError on anything but an object."""
    count = sum(map(_entries, records))
    for name, shape, inner in _nested_fields(model):
        # the objects' values for the field; an empty one (or no value) holds no entry
        values = list(filter(None, map(dict.get, records, repeat(name))))
        if not values:
            continue
        if shape == "records":  # lists of objects: a string or object here raises
            count += _records(list(chain.from_iterable(values)), inner)
        elif shape == "record":
            count += _records(values, inner)
        else:
            count += sum(map(_anything, values))
    return count


def _anything(value: Any) -> int:
    """The entries of every object in any JSON value (the small maps: profile, kind rules)."""
    if _is_dict(value):
        return len(value) + sum(map(_anything, value.values()))
    if _is_list(value):
        return sum(map(_anything, value))
    return 0


_Shape = Literal["records", "record", "any"]


@cache
def _nested_fields(model: Any) -> tuple[tuple[str, _Shape, Any], ...]:
    """The fields of a model (or pydantic dataclass) whose values can hold JSON objects, each
    with its shape: a list of records of one model, one record, or anything else."""
    nested: list[tuple[str, _Shape, Any]] = []
    for name, info in model.__pydantic_fields__.items():
        annotation = info.annotation
        if not _can_hold_objects(annotation):
            continue
        options = [annotation]
        if get_origin(annotation) in (Union, UnionType):  # X | None
            options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1 and _is_record(options[0]):
            nested.append((name, "record", options[0]))
        elif (
            len(options) == 1
            and get_origin(options[0]) is list
            and _is_record(item := get_args(options[0])[0])
        ):
            nested.append((name, "records", item))
        else:
            nested.append((name, "any", None))
    return tuple(nested)


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__pydantic_fields__")


def _can_hold_objects(annotation: Any) -> bool:
    if annotation is Any:
        return True
    if isinstance(annotation, type):
        return _is_record(annotation) or issubclass(annotation, dict)
    if get_origin(annotation) is dict:
        return True
    # list[...], X | None, Literal[...]: whatever they are made of
    return get_origin(annotation) is not None and any(map(_can_hold_objects, get_args(annotation)))
