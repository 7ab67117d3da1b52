"""The composition root's finishing touches: the product icon and desktop file name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QIcon

from govplanner.gui import app
from tests.gui.conftest import run_app

REPOSITORY = Path(__file__).resolve().parents[2]


def test_icon_ships_in_the_package_and_matches_the_packaging_icon() -> None:
    shipped = REPOSITORY / "src" / "govplanner" / "resources" / "govplanner.svg"
    assert shipped.read_bytes() == (REPOSITORY / "packaging/icons/govplanner.svg").read_bytes()


def test_the_app_uses_the_product_icon(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    icon = app.window_icon()
    assert isinstance(icon, QIcon)
    assert not icon.pixmap(32, 32).isNull()
    QGuiApplication.setWindowIcon(QIcon())
    QGuiApplication.setDesktopFileName("")
    window = run_app(qtbot, monkeypatch)
    assert not QGuiApplication.windowIcon().isNull()
    assert QGuiApplication.desktopFileName() == "govplanner"
    window.close()
