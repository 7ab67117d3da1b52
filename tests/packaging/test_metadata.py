"""Packaging metadata: Windows version resource, icons, Linux desktop entry and MIME type."""

from __future__ import annotations

import configparser
import importlib.util
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
ICONS = PACKAGING / "icons"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


version_info = _load("make_version_info")


def _project() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return dict(tomllib.load(handle)["project"])


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2.0.dev4", (2, 0, 0, 0)),
        ("2026.11.26.1.9", (2026, 11, 26, 1)),
        ("7", (7, 0, 0, 0)),
    ],
)
def test_numeric_version_keeps_the_release_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert version_info.numeric_version(version) == numbers


@pytest.mark.parametrize("version", ["dev", "", "1.70000.0"])
def test_numeric_version_refuses_what_windows_cannot_store(version: str) -> None:
    with pytest.raises(ValueError, match="version"):
        version_info.numeric_version(version)


def _evaluate(text: str) -> dict[str, Any]:
    """Evaluate the generated text with stand-ins that record what PyInstaller would build."""
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]

    def recorder(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    return eval(text, {"__builtins__": {}}, {n: recorder(n) for n in names})


def test_version_resource_carries_pyproject_name_version_and_description(tmp_path: Path) -> None:
    written = version_info.write_version_info(tmp_path / "v.txt", "govplanner-cli.exe")
    info = _evaluate(written.read_text(encoding="utf-8"))
    project = _project()
    project["version"] = version_info.project_version()  # pyproject: dynamic = ["version"]
    numbers = version_info.numeric_version(project["version"])
    assert info["ffi"]["filevers"] == numbers
    assert info["ffi"]["prodvers"] == numbers
    table = info["kids"][0]["args"][0][0]
    assert table["args"][0] == "080904B0"  # English (UK), Unicode
    strings = {s["args"][0]: s["args"][1] for s in table["args"][1]}
    assert strings["ProductVersion"] == project["version"]
    assert strings["FileVersion"] == project["version"]
    assert strings["ProductName"] == project["name"]
    assert strings["FileDescription"] == project["description"]
    assert strings["OriginalFilename"] == "govplanner-cli.exe"
    assert info["kids"][1]["args"][0][0]["args"] == ("Translation", [0x0809, 1200])


def test_version_resource_quotes_awkward_text_safely() -> None:
    project = {"name": "gp", "version": "1.0", "description": "Plans 'quoted' \\ and \"more\""}
    strings = _evaluate(version_info.version_info_text(project))["kids"][0]["args"][0][0]
    described = {s["args"][0]: s["args"][1] for s in strings["args"][1]}["FileDescription"]
    assert described == project["description"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_ico_holds_every_windows_size_as_32_bit_images() -> None:
    data = (ICONS / "govplanner.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        entry = struct.unpack("<BBBBHHII", data[6 + 16 * index : 22 + 16 * index])
        side, bits, length, offset = entry[0] or 256, entry[5], entry[6], entry[7]
        payload = data[offset : offset + length]
        if payload.startswith(b"\x89PNG"):
            assert _png_size(payload) == (side, side)
        else:  # BITMAPINFOHEADER: colour rows and the AND mask, so height is doubled
            assert struct.unpack("<IiiHH", payload[:16]) == (40, side, side * 2, 1, 32)
        assert bits == 32
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_png_icons_have_their_named_size(size: int) -> None:
    assert _png_size((ICONS / "png" / f"govplanner-{size}.png").read_bytes()) == (size, size)


def test_svg_icon_is_a_square_svg() -> None:
    root = ET.parse(ICONS / "govplanner.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / "linux" / "govplanner.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_plan_files_with_the_app() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "govplanner %f"
    assert entry["Icon"] == "govplanner"
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == "application/x-govplanner-plan;"


def test_mime_type_matches_the_desktop_entry_and_globs_govplan() -> None:
    root = ET.parse(PACKAGING / "linux" / "govplanner-mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert f"{mime.get('type')};" == _desktop_entry()["MimeType"]
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.govplan"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"  # type: ignore[union-attr]


def test_installer_copies_every_icon_size_that_make_icons_writes() -> None:
    script = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    sizes_line = next(line for line in script.splitlines() if line.startswith("SIZES="))
    installed = sorted(int(s) for s in sizes_line.split('"')[1].split())
    written = sorted(int(p.stem.rsplit("-", 1)[1]) for p in (ICONS / "png").glob("*.png"))
    assert set(installed) <= set(written)
    assert {16, 24, 32, 48, 64, 128, 256, 512} <= set(installed)


@pytest.mark.parametrize(
    ("folder", "reader"),
    [("_templates", "the exporters' template lookup"), ("_examples", "File > Open Example")],
)
def test_bundle_puts_data_where_the_code_looks_for_it(folder: str, reader: str) -> None:
    spec = (PACKAGING / "govplanner.spec").read_text(encoding="utf-8")
    assert f'"govplanner/{folder}"' in spec
    sources = (REPO / "src" / "govplanner").rglob("*.py")
    assert any(f'"{folder}"' in path.read_text(encoding="utf-8") for path in sources), (
        f"no module under src/govplanner looks for a '{folder}' folder any more; the bundle puts "
        f"the data for {reader} there: update packaging/govplanner.spec to match"
    )
