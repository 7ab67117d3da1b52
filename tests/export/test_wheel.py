"""The built wheel ships the templates and examples, and an installed copy finds them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: What a wheel is built from (copied, so the build leaves nothing in the working tree).
SOURCES = (
    "pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "src", "templates",
    "examples",
)  # fmt: skip


def _build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        item = REPO / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif item.exists():
            shutil.copy2(item, source / name)
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
            "--no-index", "--quiet", "-w", str(out), str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    (wheel,) = out.glob("govplanner-*.whl")
    return wheel


def test_wheel_contains_the_templates_and_they_are_found_when_installed(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "govplanner/_templates/role_description.html.j2" in names
        assert "govplanner/_templates/role_description.md.j2" in names
        assert "govplanner/_templates/reference.docx" in names
        assert "govplanner/export/templating.py" in names
        # The app's Open example menu reads the example plans from inside the package.
        assert "govplanner/_examples/partnership-a.govplan" in names
        assert "govplanner/_examples/ics-example.govplan" in names
        archive.extractall(tmp_path / "installed")
    # Imported from the unpacked wheel (as from site-packages), the templates are found inside it.
    probe = "from govplanner.export.templating import shipped_templates_dir as d; print(d())"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "installed"), "PATH": ""},
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = Path(result.stdout.strip())
    assert found == tmp_path / "installed" / "govplanner" / "_templates"
