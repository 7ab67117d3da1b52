"""Test set-up shared by every test: Qt renders offscreen, never to a real display."""

import os

# Must be set before any Qt module is imported (pytest-qt imports Qt lazily, on first use).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
