"""The whole app on the screens NHS staff have: a 1366x768 laptop at 125 % (1093x614 logical),
1280x720, and 1920x1080 at 150 % (issue 15).

Each size runs ``tests.gui.screen_walk`` under a virtual X server (Xvfb) through Qt's xcb
plugin, since the offscreen plugin has no real screen size. The walk opens the main window on
the cluster example, every tab and each window and dialog, and lists anything that does not
fit: a window or dialog outside the screen's available area, a button or box cut off by its
parent or run under its neighbour, a form wider than its pane, the heatmap, a list or the
findings table scrolling sideways. The test fails on any of them. Pictures of every step go
to ``$GOVPLANNER_GEOMETRY_DIR`` (default: the test's temporary folder).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: (name, physical screen, scale factor, logical size the app sees)
SCREENS = [
    ("1366x768-at-125", "1366x768", "1.25", (1093, 614)),
    ("1280x720", "1280x720", "1", (1280, 720)),
    ("1920x1080-at-150", "1920x1080", "1.5", (1280, 720)),
]
WALK_SECONDS = 300


@contextlib.contextmanager
def xvfb(size: str) -> Iterator[str]:
    """A virtual X server of ``size`` on a free display (Xvfb picks it); yields DISPLAY."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is needed for the screen-size walk: apt-get install xvfb")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert server.stdout is not None
        number = server.stdout.readline().decode().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        if server.stdout is not None:
            server.stdout.close()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def walk(display: str, scale: str, out: Path, home: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_SCALE_FACTOR": scale,
        "HOME": str(home),  # the walk's settings and autosaves stay out of the user's
        "XDG_CONFIG_HOME": str(home / "config"),
        "GOVPLANNER_DATA_DIR": str(home / "data"),
    }
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "tests.gui.screen_walk", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=WALK_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(("name", "size", "scale", "logical"), SCREENS, ids=[s[0] for s in SCREENS])
def test_every_window_and_dialog_fits_the_screen(
    name: str, size: str, scale: str, logical: tuple[int, int], tmp_path: Path
) -> None:
    shots = os.environ.get("GOVPLANNER_GEOMETRY_DIR")
    out = Path(shots) / name if shots else tmp_path / "shots"
    with xvfb(size) as display:
        result = walk(display, scale, out, tmp_path)
    assert tuple(result["screen"]) == logical  # type: ignore[arg-type]  # the scale took
    problems = result["problems"]
    assert problems == [], "\n".join(problems)  # type: ignore[arg-type]
    pictures = [Path(p) for p in result["shots"]]  # type: ignore[attr-defined]
    # the main window, every tab, the findings and each dialog and window were all seen
    assert len(pictures) >= 20
    assert all(p.stat().st_size > 1000 for p in pictures)


def test_the_walk_finds_what_does_not_fit(qtbot: object) -> None:
    """The checks themselves: a button run under its neighbour, one pushed out of its parent,
    and a form wider than its scroll area are each reported."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QWidget

    from tests.gui.screen_walk import layout_problems, scroll_problems

    window = QWidget()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    bar = QWidget(window)
    row = QHBoxLayout(bar)
    for n in range(4):
        row.addWidget(QPushButton(f"A long button caption number {n}", bar))
    bar.setGeometry(0, 0, 200, 40)  # far narrower than its buttons need
    window.show()
    found = layout_problems(window, "bar")
    assert any("overlap" in p or "cut off" in p or "squeezed" in p for p in found)
    pane = QWidget()
    qtbot.addWidget(pane)  # type: ignore[attr-defined]
    area = QScrollArea(pane)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    wide = QWidget()
    wide.setMinimumWidth(600)
    area.setWidget(wide)
    area.resize(300, 200)
    pane.show()
    assert any("px wide in a" in p for p in scroll_problems(pane, "form"))
    wide.setMinimumWidth(100)
    area.resize(301, 200)
    qtbot.waitUntil(lambda: wide.width() <= area.viewport().width())  # type: ignore[attr-defined]
    assert scroll_problems(pane, "form") == []
