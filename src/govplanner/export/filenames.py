"""File names that are safe on Windows, macOS and Linux, and unique within one export."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

#: Characters Windows refuses in file names, and control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
#: Invisible format characters: the text-direction ones (U+202E would show "gpj.exe" as
#: "exe.jpg"), zero-width ones and the like; removed, not replaced.
_INVISIBLE = frozenset({"Cf"})
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{i}" for i in [*range(1, 10), "¹", "²", "³"]}
    | {f"lpt{i}" for i in [*range(1, 10), "¹", "²", "³"]}
)
#: Stem length limit: leaves room for the folder within Windows' 260-character path limit.
MAX_STEM = 80


def safe_stem(text: str, *, fallback: str = "document", limit: int = MAX_STEM) -> str:
    """``text`` as a file name stem: no forbidden characters, no reserved names, length-limited."""
    stem = unicodedata.normalize("NFC", text)
    stem = "".join(c for c in stem if unicodedata.category(c) not in _INVISIBLE)
    stem = _FORBIDDEN.sub("-", stem)
    stem = " ".join(stem.split())
    stem = stem[:limit].rstrip(" .").lstrip(" ")
    if not stem.strip("-"):
        stem = fallback
    if stem.split(".")[0].casefold().rstrip() in _RESERVED:
        stem = f"_{stem}"
    return stem


def unique_file_names(items: Sequence[tuple[str, Iterable[str]]], extension: str) -> list[str]:
    """One unique, safe file name per ``(title, qualifiers)`` item, in order.

    A title used once keeps its plain name; repeated titles are told apart by their first
    qualifier (such as the first committee), then by a counter. Uniqueness ignores case, as
    Windows and macOS file systems do.
    """
    counts: dict[str, int] = {}
    for title, _ in items:
        key = safe_stem(title).casefold()
        counts[key] = counts.get(key, 0) + 1
    taken: set[str] = set()
    names: list[str] = []
    for title, qualifiers in items:
        base = safe_stem(title)
        if counts[base.casefold()] > 1:
            first = next(iter(qualifiers), "")
            if first:
                base = safe_stem(f"{base} - {first}")
        names.append(_claim(base, extension, taken))
    return names


def _claim(base: str, extension: str, taken: set[str]) -> str:
    stem, n = base, 1
    while stem.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        stem = base[: MAX_STEM - len(suffix)].rstrip(" .") + suffix
    taken.add(stem.casefold())
    return f"{stem}.{extension}"
