"""The settings spec: every QSettings key once, with a type, a default of that type and words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from govplanner.gui import settings_keys as keys
from govplanner.gui.autosave import interval_from


def test_every_declared_key_is_listed_once_with_a_default_of_its_type() -> None:
    declared = [v for v in vars(keys).values() if isinstance(v, keys.SettingKey)]
    assert sorted(k.key for k in declared) == sorted(k.key for k in keys.ALL)
    assert len({k.key for k in keys.ALL}) == len(keys.ALL)
    for key in keys.ALL:
        assert key.default is None or isinstance(key.default, key.kind), key.key
        assert key.meaning.endswith(".")


def test_the_autosave_interval_is_read_through_its_declared_key(tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert interval_from(settings) == keys.AUTOSAVE_MINUTES.default * 60_000
    settings.setValue(keys.AUTOSAVE_MINUTES.key, "5")  # an ini file hands back text
    assert interval_from(settings) == 5 * 60_000
