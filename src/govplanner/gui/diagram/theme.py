"""Colours, fonts and words of the diagram: severity RAG colours always come with a badge text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette

from govplanner.domain.enums import Severity

#: The state of a box: a severity, "ok" (analysed, no open finding) or "unknown" (not analysed).
Status = Severity | str
OK = "ok"
UNKNOWN = "unknown"

_STATUS_COLOURS = {
    Severity.CRITICAL: "#c62828",
    Severity.WARNING: "#b45f06",
    Severity.INFO: "#1565c0",
    OK: "#2e7d32",
    UNKNOWN: "#757575",
}


def badge_text(status: Status, count: int) -> str:
    """The words on a box's badge: never colour alone."""
    if status == UNKNOWN:
        return "Not checked"
    if status == OK:
        return "No issues"
    return f"{count} {Severity(status).value}"


@dataclass(frozen=True)
class Theme:
    """The diagram's colours, taken from a palette (light or dark)."""

    background: QColor
    band: QColor
    band_alt: QColor
    band_line: QColor
    text: QColor
    muted: QColor
    box: QColor
    line: QColor
    irregular: QColor
    advisory: QColor
    group: QColor
    group_fill: QColor
    selection: QColor
    badge_text: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        return cls(
            background=base,
            band=_mix(base, text, 0.035),
            band_alt=_mix(base, text, 0.07),
            band_line=_mix(base, text, 0.16),
            text=text,
            muted=_mix(text, base, 0.38),
            box=_mix(base, text, 0.02) if not dark else _mix(base, text, 0.08),
            line=_mix(text, base, 0.45),
            irregular=QColor("#ad1457") if not dark else QColor("#f48fb1"),
            advisory=QColor("#00838f") if not dark else QColor("#80deea"),
            group=QColor("#6a1b9a") if not dark else QColor("#ce93d8"),
            group_fill=_mix(base, QColor("#6a1b9a"), 0.06 if not dark else 0.14),
            selection=palette.color(QPalette.ColorRole.Highlight),
            badge_text=QColor("#111111") if dark else QColor("#ffffff"),
            dark=dark,
        )

    @classmethod
    def light(cls) -> Theme:
        """The theme used for exports, whatever the screen's palette."""
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#1a73e8"))
        return cls.from_palette(palette)

    def status_colour(self, status: Status) -> QColor:
        colour = QColor(_STATUS_COLOURS[status])
        return colour.lighter(150) if self.dark else colour

    def status_fill(self, status: Status) -> QColor:
        """A quiet tint of the status colour for the box body."""
        return _mix(self.box, QColor(_STATUS_COLOURS[status]), 0.22 if self.dark else 0.1)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    """Title, body and badge fonts derived from the application font.

    At 100 % zoom no text is smaller than the application's own body text: the body and badge
    fonts are its size (at least 9 pt), the committee names a point larger and bold.
    """
    size = base.pointSizeF()
    if size <= 0:  # a pixel-sized font: points at the screen's usual 96 dpi
        size = base.pixelSize() * 72 / 96
    size = max(size, 9.0)
    body = QFont(base)
    body.setPointSizeF(size)
    title = QFont(body)
    title.setPointSizeF(size + 1)
    title.setBold(True)
    badge = QFont(body)
    badge.setBold(True)
    return title, body, badge
