"""How names are compared: without regard to case or surrounding spaces."""

from __future__ import annotations

import uuid


def name_key(name: str) -> str:
    """The form under which two names count as the same (DOMAIN.md: case and outer spaces)."""
    return name.strip().casefold()


def new_id(prefix: str) -> str:
    """A fresh stable id such as ``com_3f9a0c1b2d4e5f60`` (64 random bits)."""
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


ID_PREFIXES = {
    "tier": "tier",
    "stage": "stg",
    "committee": "com",
    "role": "rol",
    "person": "per",
}
