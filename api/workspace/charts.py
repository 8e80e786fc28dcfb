"""Server-side SVG bar charts for the trends page: geometry only (the template draws it, with
autoescaped labels). One bar per row with its label above it, so the chart stays legible
from a 390 px phone to a desktop; rising keys are marked in words, not by colour alone."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 400
BAR_MAX = 300  # room after the longest bar for its value
ROW = 42
LABEL_Y = 15
BAR_Y = 21
BAR_H = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    rising: bool
    width: float
    y: int

    @property
    def label_y(self) -> int:
        return self.y + LABEL_Y

    @property
    def bar_y(self) -> int:
        return self.y + BAR_Y

    @property
    def value_x(self) -> float:
        return self.width + 6

    @property
    def value_y(self) -> int:
        return self.y + BAR_Y + BAR_H - 2


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    bar_height: int = BAR_H


def bar_chart(rows: list[tuple[str, int, bool]]) -> Chart:
    """``rows`` of (label, count, rising), drawn in the order given."""
    top = max((value for _, value, _ in rows), default=0) or 1
    bars = [Bar(label, value, rising, max(1.0, round(value / top * BAR_MAX, 1)) if value else 0,
                i * ROW) for i, (label, value, rising) in enumerate(rows)]
    return Chart(bars=bars, width=WIDTH, height=max(ROW, len(bars) * ROW))
