"""The release build: pinned tools, a clean source, the notices file, what the bundle leaves out."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(PACKAGING))
    try:
        spec = importlib.util.spec_from_file_location(
            f"_packaging_{name}", PACKAGING / f"{name}.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


def _spec_list(name: str) -> list[str]:
    """A list constant of the PyInstaller spec, read without running the spec."""
    tree = ast.parse((PACKAGING / "govplanner.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"the spec has no {name}")


def test_every_build_tool_is_pinned_exactly() -> None:
    lines = [
        line.split("#")[0].strip()
        for line in (PACKAGING / "constraints.txt").read_text(encoding="utf-8").splitlines()
    ]
    pins = dict(line.split("==") for line in lines if line)
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", k) and re.fullmatch(r"[\w.]+", v)
               for k, v in pins.items())  # fmt: skip
    wanted = [
        line.split("#")[0].strip()
        for line in (PACKAGING / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    for tool in [w for w in wanted if w] + ["setuptools", "wheel", "pefile"]:
        assert tool in pins, f"{tool} is not pinned in constraints.txt"
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert '"PIP_CONSTRAINT": str(PACKAGING / "constraints.txt")' in build


def test_the_build_starts_from_a_clean_copy_of_what_git_knows() -> None:
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert '"ls-files", "-z", "--cached", "--others", "--exclude-standard"' in build
    assert 'source / "packaging" / "govplanner.spec"' in build  # the copy's spec and data
    assert '"--force-reinstall", "--no-deps", source' in build


def test_timing_never_empties_the_whole_machines_cache() -> None:
    for path in PACKAGING.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "drop_caches" not in text, path
        assert "/proc/sys/vm" not in text, path
    timing = (PACKAGING / "smoke_timing.py").read_text(encoding="utf-8")
    assert "POSIX_FADV_DONTNEED" in timing


def test_evicting_touches_only_the_given_files(tmp_path: Path) -> None:
    timing = _load("smoke_timing")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "lib.so").write_bytes(b"x" * 10_000)
    assert timing.evict([tmp_path]) is sys.platform.startswith("linux")
    assert (tmp_path / "a" / "lib.so").read_bytes() == b"x" * 10_000


@pytest.mark.parametrize(
    "dest",
    [
        "libgtk-3.so.0", "libgdk-3.so.0", "libpango-1.0.so.0", "libcairo.so.2",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/lib/libQt6Network.so.6",
        "libgssapi_krb5.so.2", "libkrb5.so.3", "PySide6/Qt/plugins/printsupport/libcups.so",
    ],
)  # fmt: skip
def test_the_spec_leaves_out_gtk_and_networking(dest: str) -> None:
    rules = _spec_list("DROP_QT_FILES")
    assert any(re.search(rule, "/" + dest) for rule in rules), dest
    assert "QtNetwork" in _spec_list("UNUSED_QT")


@pytest.mark.parametrize(
    "dest",
    ["PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
     "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "libxkbcommon.so.0"],
)  # fmt: skip
def test_the_spec_keeps_what_the_app_needs(dest: str) -> None:
    rules = _spec_list("DROP_QT_FILES")
    assert not any(re.search(rule, "/" + dest) for rule in rules), dest


def test_notices_name_every_component_its_version_licence_and_files() -> None:
    notices = _load("notices")
    import lxml.etree
    import PySide6

    qt_core = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6Core.so*"), None)
    binaries = [("lxml/etree.so", lxml.etree.__file__)]
    if qt_core is not None:
        binaries.append(("PySide6/Qt/lib/libQt6Core.so.6", str(qt_core)))
    text = notices.build_notices(binaries, "govplanner", "9.9.9")
    components, owners = notices.parse_notices(text)
    for name in ("Jinja2", "openpyxl", "python-docx", "lxml", "pydantic", "Python (CPython)"):
        assert name in components, name
        version, licence = components[name]
        assert version
        assert licence
        assert licence != "UNKNOWN"
    assert any(name.startswith("PySide6-Essentials") for name in components)
    assert owners["lxml/etree.so"] == "lxml"
    if qt_core is not None:
        assert owners["PySide6/Qt/lib/libQt6Core.so.6"].startswith("PySide6-Essentials")
    assert "--- Jinja2:" in text  # the licence texts themselves follow
    assert "pytest" not in components  # development tools are not part of the bundle


def test_build_versions_record_the_tools() -> None:
    notices = _load("notices")
    text = notices.build_versions()
    assert text.startswith("python 3.")
    assert re.search(r"^pydantic==\d", text, re.M)


def test_the_smoke_test_checks_the_notices_and_the_file_list() -> None:
    smoke = (PACKAGING / "smoke_test.py").read_text(encoding="utf-8")
    assert "check_notices(res, bundle)" in smoke
    assert "check_contents(res, bundle)" in smoke
    bundle_checks = _load("smoke_bundle")
    assert any("gtk" in rule for rule in bundle_checks.FORBIDDEN)
    assert any("Network" in rule for rule in bundle_checks.FORBIDDEN)
