"""Checks on the bundle's files for smoke_test.py: notices, versions, what must stay out, size."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from notices import LIBRARY, parse_notices
from smoke_support import Results

#: Components NHS IT reviews look for by name; each must be in the notices with its licence.
REQUIRED = ("Python (CPython)", "PySide6-Essentials", "shiboken6", "Jinja2", "MarkupSafe",
            "openpyxl", "python-docx", "lxml", "pydantic", "pydantic-core", "platformdirs",
            "defusedxml")  # fmt: skip
#: Files that must never be in the bundle: GTK (the desktop's own must be used), networking
#: and Kerberos (the app never goes on the network), and development tools.
FORBIDDEN = [
    r"(^|/)lib(gtk-3|gdk-3|gdk_pixbuf|pango|atk-|atspi|cairo|epoxy)[^/]*$",
    r"(^|/)platformthemes/[^/]*gtk",
    r"(^|/)(lib)?Qt6Network\.", r"(^|/)PySide6/QtNetwork\.",
    r"(^|/)lib(gssapi_krb5|krb5|k5crypto)\.",
    r"^_internal/(pytest|_pytest|hypothesis|mypy|tkinter|_tkinter|IPython)(/|\.|$)",
]  # fmt: skip
#: Largest the bundle may grow before someone looks at why (MiB on disk).
MAX_MIB = 260 if sys.platform.startswith("linux") else 320


def bundle_files(bundle: Path) -> list[str]:
    """Every real file (PyInstaller's links to libraries are not counted twice)."""
    return sorted(
        p.relative_to(bundle).as_posix()
        for p in bundle.rglob("*")
        if p.is_file() and not p.is_symlink()
    )


def check_notices(res: Results, bundle: Path) -> None:
    notices = bundle / "THIRD-PARTY-NOTICES.txt"
    if not notices.is_file():
        res.expect_probe("THIRD-PARTY-NOTICES.txt", False, "missing from the bundle")
        return
    components, owners = parse_notices(notices.read_text(encoding="utf-8"))
    missing = [name for name in REQUIRED if name not in components and not any(
        key.startswith(name) for key in components)]  # fmt: skip
    res.expect_probe("notices name every main component", not missing, f"missing: {missing}"
                     if missing else f"{len(components)} components")  # fmt: skip
    unknown = [n for n, (version, licence) in components.items()
               if not version or not licence or licence == "UNKNOWN"]  # fmt: skip
    res.expect_probe("every component has a version and a licence", not unknown,
                     f"without: {unknown}" if unknown else "all have both")  # fmt: skip
    internal = bundle / "_internal"
    libraries = [p.relative_to(internal).as_posix() for p in internal.rglob("*")
                 if p.is_file() and not p.is_symlink() and LIBRARY.search(p.name)]  # fmt: skip
    unlisted = [lib for lib in libraries if lib not in owners]
    res.expect_probe(
        "every bundled library is in the notices", not unlisted,
        f"not listed: {unlisted[:8]}" if unlisted else f"{len(libraries)} libraries listed",
    )  # fmt: skip
    if any(re.search(r"(^|/)lib(ssl|crypto)", lib) for lib in libraries):
        res.expect_probe(
            "OpenSSL is in the notices",
            any("ssl" in n.lower() for n in components),
            "listed" if any("ssl" in n.lower() for n in components) else "missing",
        )
    versions = bundle / "BUILD-VERSIONS.txt"
    frozen = versions.read_text(encoding="utf-8") if versions.is_file() else ""
    pinned = re.search(r"^pyinstaller==", frozen, re.M | re.I) is not None
    res.expect_probe("BUILD-VERSIONS.txt records the build tools", pinned,
                     "present" if pinned else "missing or without PyInstaller")  # fmt: skip
    res.expect_probe("LICENSE.txt", (bundle / "LICENSE.txt").is_file(), "govplanner's licence")


def check_contents(res: Results, bundle: Path) -> None:
    files = bundle_files(bundle)
    bad = [f for f in files if any(re.search(rule, f) for rule in FORBIDDEN)]
    res.expect_probe("no GTK, networking or development files", not bad,
                     f"found: {bad[:8]}" if bad else f"{len(files)} files checked")  # fmt: skip
    size = sum((bundle / f).stat().st_size for f in files) / (1024 * 1024)
    res.expect_probe(f"bundle at most {MAX_MIB} MiB", size <= MAX_MIB, f"{size:.0f} MiB")
