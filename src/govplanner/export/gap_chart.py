"""The Summary's chart: open coverage gaps per tier, one colour per function, with alt text."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference

from govplanner.analysis.result import Analysis
from govplanner.domain.enums import FUNCTIONS, Function
from govplanner.domain.vocabulary import Words
from govplanner.export.wording import and_list, count

#: One NHS palette colour per function for the chart (dark blue, aqua green, warm yellow, pink).
_CHART_COLOURS = {
    Function.ANALYTICAL: "003087",
    Function.REPRESENTATION: "00A499",
    Function.TRANSLATION: "FFB81C",
    Function.RELATIONAL: "AE2573",
}


def gaps_chart(ws: Any, first_row: int, count_: int, w: Words) -> BarChart:
    """Coverage gaps per tier, one stacked colour per function."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = f"Coverage gaps by {w.tier}"
    chart.y_axis.title = f"{w.cap('committees')} missing the function"
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.height, chart.width = 8, 17  # cm
    last = first_row + count_ - 1
    data = Reference(ws, min_col=2, max_col=1 + len(FUNCTIONS), min_row=first_row - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row, max_row=last))
    for series, function in zip(chart.series, FUNCTIONS, strict=True):
        series.graphicalProperties.solidFill = _CHART_COLOURS[function]
        series.graphicalProperties.line.solidFill = _CHART_COLOURS[function]
    chart.legend.position = "b"
    return chart


def gaps_alt_text(analysis: Analysis, w: Words) -> str:
    """What the chart shows, in words, for readers who cannot see it."""
    parts = []
    for tier in analysis.coverage:
        gaps = {f: tier.functions[f].gap for f in FUNCTIONS if f in tier.functions}
        total = sum(gaps.values())
        detail = and_list([f"{n} in {f.label.lower()}" for f, n in gaps.items() if n])
        parts.append(f"{tier.tier}: {count(total, 'gap')}" + (f" ({detail})" if detail else ""))
    return (
        f"Stacked column chart of open coverage gaps by {w.tier}, one colour per function. "
        + "; ".join(parts)
        + "."
    )
