"""The plan's records kept as slotted pydantic dataclasses rather than models: roles and
people (through :class:`Record`, which gives them the few model methods govplanner uses),
and the entries of a role's seats and of a committee's lines. See :mod:`govplanner.domain.model`
for why.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, ClassVar, Literal, Self, cast

from pydantic import ConfigDict
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo

from govplanner.domain.enums import LineKind, Membership


class Record:
    """The few model methods govplanner asks of an item, for the items kept as slotted
    pydantic dataclasses (roles and people; see the module's docstring)."""

    __slots__ = ()
    __pydantic_validator__: ClassVar[Any]
    __pydantic_serializer__: ClassVar[Any]
    __pydantic_fields__: ClassVar[dict[str, FieldInfo]]
    #: the fields by name, as a model's (set on each record class below)
    model_fields: ClassVar[dict[str, FieldInfo]]

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        return cast(Self, cls.__pydantic_validator__.validate_python(data))

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        return cast(dict[str, Any], self.__pydantic_serializer__.to_python(self, mode=mode))

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, as a model's: ``update`` values are set as they are, not validated."""
        new = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            object.__setattr__(new, name, value)
        return new


RECORD_CONFIG = ConfigDict(extra="forbid", validate_assignment=True)


@dataclass(slots=True, config=RECORD_CONFIG)
class Line:
    """A line out of a committee to another: accountable to it, or advising it (a slotted
    dataclass, as :class:`Seat` is)."""

    to_id: str
    kind: LineKind = LineKind.ACCOUNTABLE


@dataclass(slots=True, config=RECORD_CONFIG)
class Seat:
    """A role's seat on a committee and how it sits there.

    A pydantic dataclass with slots rather than a model: a national plan holds 50,000 seats,
    and a slotted dataclass is validated in under half a model's time, takes a fraction of its
    memory and reads its fields without pydantic's attribute hook. It validates (assignments
    too) and forbids extra fields as the models do; copy it with :func:`copy.copy`, change a
    copy with :func:`dataclasses.replace`.
    """

    committee_id: str
    membership: Membership = Membership.MEMBER
