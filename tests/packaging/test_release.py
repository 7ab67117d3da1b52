"""Release metadata and the runtime facts a release depends on: one version, the launchers,
classifiers, the PySide6 reference-count regression, and a quiet start without a locale."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import govplanner

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def _pyproject() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_version_is_written_in_one_place() -> None:
    data = _pyproject()
    assert "version" not in data["project"]
    assert "version" in data["project"]["dynamic"]
    assert data["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "govplanner.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc|\.dev|\.post)\d+)?", govplanner.__version__)
    # Every other place that shows a version reads it from there.
    for path in (PACKAGING / "make_version_info.py", PACKAGING / "build.py"):
        text = path.read_text(encoding="utf-8")
        assert "project_version" in text, path
        assert '["project"]["version"]' not in text, path
    iss = (PACKAGING / "windows" / "govplanner.iss").read_text(encoding="utf-8")
    assert re.search(r'#include ".*version\.iss"', iss)
    assert not re.search(r"AppVersion=\d", iss)


def test_the_packaging_scripts_read_the_packages_version() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import make_version_info
    finally:
        sys.path.remove(str(PACKAGING))
    assert make_version_info.project_version() == govplanner.__version__
    assert make_version_info.read_project(REPO / "pyproject.toml")["version"] == (
        govplanner.__version__
    )


def test_the_installed_metadata_agrees_with_the_source() -> None:
    assert importlib.metadata.version("govplanner") == govplanner.__version__


def test_launchers_classifiers_and_licence() -> None:
    project = _pyproject()["project"]
    assert project["scripts"]["govplanner"] == "govplanner.cli.main:main"
    # On Windows a gui-script runs without a console window behind the app.
    assert project["gui-scripts"]["govplanner-app"] == "govplanner.cli.main:main"
    classifiers = set(project["classifiers"])
    minimum = re.search(r"3\.(\d+)", project["requires-python"])
    assert minimum is not None
    for minor in range(int(minimum.group(1)), 14):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert project["license"] == "MIT"


def test_void_qt_calls_keep_the_reference_count_of_none(qapp: object) -> None:
    """PySide6 6.12.0 on Python 3.11 returned None from void methods without a reference of
    its own, so each call took one away; after a few thousand the process aborted at exit
    (none_dealloc), after the tests had passed. The count itself shows the leak at once."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    # Few enough calls that a leaking build fails here, on the assertion, before None's count
    # reaches zero and aborts the whole run (checked against PySide6 6.12.0 on Python 3.11:
    # 1,000 calls take 1,000 references away; 20,000 abort the process mid-test).
    calls = 1_000
    before = sys.getrefcount(None)
    for n in range(calls):
        widget.setEnabled(n % 2 == 0)
    after = sys.getrefcount(None)
    widget.deleteLater()
    # Python 3.12 makes None immortal (the count never moves); on 3.11 a leak of one per call
    # would move it by 1,000. A few either way is ordinary bookkeeping.
    assert abs(after - before) < calls // 10, f"None's count moved by {after - before}"


@pytest.mark.parametrize("setting", [{}, {"LANG": "C"}, {"LC_ALL": "C"}, {"LC_ALL": "POSIX"}])
def test_qt_starts_quietly_without_a_utf8_locale(setting: dict[str, str]) -> None:
    script = (
        "from govplanner.gui import app; app._application(); "
        "from govplanner.export.pdf import html_to_pdf; html_to_pdf('<p>x</p>'); print('ok')"
    )
    env = {"PATH": os.environ.get("PATH", ""), "QT_QPA_PLATFORM": "offscreen", **setting}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    env["PYTHONCOERCECLOCALE"] = "0"  # as in a frozen bundle: Python does not fix it for Qt
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
    assert "locale" not in run.stderr.lower(), run.stderr
