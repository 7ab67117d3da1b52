"""THIRD-PARTY-NOTICES.txt: every component the bundle carries, its version and licence.

Called by govplanner.spec at build time, in the build venv, with the files PyInstaller
collected. Each collected library is traced to where it came from: a Python distribution
(its metadata gives version, licence and licence files), the Python installation itself
(CPython, PSF licence), or, on Linux, a system package (``dpkg`` gives the package, its
version and the licence named in its copyright file). The file has three parts, read by the
smoke test: a table of components, the bundle's library files with the component each belongs
to, and the licence texts.
"""

from __future__ import annotations

import importlib.metadata as metadata
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SUMMARY = "== Components =="
FILES = "== Library files =="
TEXTS = "== Licence texts =="
LIBRARY = re.compile(r"\.(so(\.[\d.]+)?|dll|pyd|dylib)$", re.IGNORECASE)
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
#: Libraries a Python installation on Windows carries, by file name.
_KNOWN_NATIVE = [
    (r"^(libssl|libcrypto)", "OpenSSL", "Apache-2.0"),
    (r"^libffi", "libffi", "MIT"),
    (r"^sqlite3", "SQLite", "blessing (public domain)"),
    (r"^(vcruntime|msvcp|ucrtbase|api-ms-win)", "Microsoft Visual C++ runtime",
     "Microsoft Visual C++ Redistributable licence"),
    (r"^(tcl|tk)\d", "Tcl/Tk", "TCL"),
]  # fmt: skip


@dataclass
class Component:
    name: str
    version: str
    licence: str
    source: str
    texts: list[tuple[str, str]] = field(default_factory=list)


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License ::" in c
    ]
    short = str(meta.get("License") or "").strip()
    if short and len(short) < 80 and "\n" not in short:
        return short
    return " / ".join(classifiers) or "see the licence text below"


def _texts_of(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(str(file)):
            try:
                texts.append((str(file), Path(str(dist.locate_file(file))).read_text("utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def runtime_distributions(root: str = "govplanner") -> list[metadata.Distribution]:
    """``root`` and everything it needs at run time, on this platform (extras left out)."""
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                queue.append(requirement.name)
    seen.pop(re.sub(r"[-_.]+", "-", root).lower(), None)  # the product is not third-party
    return sorted(seen.values(), key=lambda d: str(d.metadata["Name"]).lower())


def _python() -> Component:
    base = Path(sys.base_prefix)
    texts = [
        (str(p), p.read_text("utf-8", "replace")) for p in base.glob("lib/python3*/LICENSE.txt")
    ]
    texts += [(str(p), p.read_text("utf-8", "replace")) for p in base.glob("LICENSE.txt")]
    return Component(
        "Python (CPython)", platform.python_version(), "PSF-2.0", "python.org", texts[:1]
    )


def _dpkg_owner(path: str) -> Component | None:
    """The Debian package a system library came from (Linux build machines)."""
    if shutil.which("dpkg") is None:
        return None
    for candidate in dict.fromkeys([path, os.path.realpath(path)]):
        found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if found.returncode == 0 and ":" in found.stdout:
            package = found.stdout.split(":", 1)[0].strip()
            version = subprocess.run(
                ["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True
            ).stdout.strip()
            copyright_file = Path("/usr/share/doc") / package / "copyright"
            text = copyright_file.read_text("utf-8", "replace") if copyright_file.is_file() else ""
            licences = sorted(set(re.findall(r"^License:\s*(\S.*)$", text, re.M)))
            licence = ", ".join(licences) or "see the copyright text below"
            return Component(package, version or "unknown", licence, "Debian package",
                             [(str(copyright_file), text)] if text else [])  # fmt: skip
    return None


def _known(name: str) -> Component | None:
    for pattern, component, licence in _KNOWN_NATIVE:
        if re.search(pattern, name, re.IGNORECASE):
            return Component(component, "as bundled with Python", licence, "Python installation")
    return None


def build_notices(binaries: list[tuple[str, str]], product: str, version: str) -> str:
    """The notices text; ``binaries`` are PyInstaller's (destination, source path) pairs."""
    components: dict[str, Component] = {}
    owner_of_file: dict[str, str] = {}
    for dist in runtime_distributions():
        name = str(dist.metadata["Name"]).replace("_", "-")
        components[name] = Component(name, dist.version, _licence_of(dist), "PyPI", _texts_of(dist))
        for file in dist.files or []:
            owner_of_file[os.path.realpath(str(dist.locate_file(file)))] = name
    python = _python()
    components[python.name] = python
    files: list[tuple[str, str]] = []
    base = os.path.realpath(sys.base_prefix)
    for dest, source in sorted(binaries):
        real = os.path.realpath(source)
        owner = owner_of_file.get(real)
        if owner is None and real.startswith(base + os.sep) and not _known(Path(real).name):
            owner = python.name
        if owner is None:
            component = _dpkg_owner(source) or _known(Path(real).name)
            if component is None:
                component = Component(Path(real).name, "unknown", "UNKNOWN", real)
            components.setdefault(component.name, component)
            owner = component.name
        files.append((dest.replace("\\", "/"), owner))
    if "PySide6-Essentials" in components:
        components["PySide6-Essentials"].name = "PySide6-Essentials (Qt for Python, with Qt)"
    lines = [
        f"{product} {version}: third-party components in this bundle",
        "",
        "govplanner itself is under the MIT licence (LICENSE). It is distributed with the",
        "components below, each under its own licence. Qt and PySide6 are used under the GNU",
        "LGPL version 3: the Qt libraries are separate files in _internal/PySide6 that can be",
        "replaced with compatible builds; their source is at https://download.qt.io/.",
        "",
        SUMMARY,
        "component\tversion\tlicence\tfrom",
        *(f"{c.name}\t{c.version}\t{c.licence}\t{c.source}" for c in components.values()),
        "",
        FILES,
        *(f"{dest}\t{owner}" for dest, owner in files),
        "",
        TEXTS,
    ]
    for component in components.values():
        for path, text in component.texts:
            lines += ["", f"--- {component.name}: {Path(path).name} ---", text.strip()]
    return "\n".join(lines) + "\n"


def build_versions() -> str:
    """Every distribution in the build environment (PyInstaller included) with its version,
    and the Python and system the bundle was frozen with."""
    dists = sorted(
        (str(d.metadata["Name"]), d.version) for d in metadata.distributions() if d.metadata["Name"]
    )
    lines = [
        f"python {platform.python_version()} ({sys.implementation.name}, {platform.machine()})",
        f"system {platform.platform()}",
        "",
        *(f"{name}=={version}" for name, version in dict(dists).items()),
    ]
    return "\n".join(lines) + "\n"


def parse_notices(text: str) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(component -> (version, licence), library file -> component) from a notices file."""
    summary = text.split(SUMMARY, 1)[1].split(FILES, 1)[0].strip().splitlines()[1:]
    files = text.split(FILES, 1)[1].split(TEXTS, 1)[0].strip().splitlines()
    components = {}
    for row in summary:
        name, version, licence, _source = row.split("\t")
        components[name] = (version, licence)
    owners = dict(line.split("\t", 1) for line in files if line.strip())
    return components, owners
