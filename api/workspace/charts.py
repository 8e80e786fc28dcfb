"""Server-side SVG bar charts for the trends page: geometry only (the template draws it, with
autoescaped labels). Two layouts of the same bars, one shown by CSS at a time: ``wide``
(label beside the bar) for desktops, ``narrow`` (label above the bar) for a 390 px phone.
Rising keys are marked in words ("rising"), not by colour alone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    width: int
    label_width: int  # 0: label above the bar
    bar_max: int
    row: int
    bar_height: int


WIDE = Layout(width=720, label_width=230, bar_max=380, row=28, bar_height=18)
NARROW = Layout(width=400, label_width=0, bar_max=300, row=42, bar_height=14)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    rising: bool
    label_x: int
    label_y: int
    bar_x: int
    bar_y: int
    width: float
    value_x: float
    value_y: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    bar_height: int
    beside: bool  # labels beside the bars (right-aligned) rather than above them


def _layout(rows: list[tuple[str, int, bool]], layout: Layout) -> Chart:
    top = max((value for _, value, _ in rows), default=0) or 1
    bars = []
    for i, (label, value, rising) in enumerate(rows):
        y = i * layout.row
        width = max(1.0, round(value / top * layout.bar_max, 1)) if value else 0.0
        if layout.label_width:
            bar_x, bar_y = layout.label_width, y + (layout.row - layout.bar_height) // 2
            label_x, label_y = layout.label_width - 8, bar_y + layout.bar_height - 4
        else:
            bar_x, bar_y = 0, y + 21
            label_x, label_y = 0, y + 15
        bars.append(Bar(label, value, rising, label_x, label_y, bar_x, bar_y, width,
                        bar_x + width + 6, bar_y + layout.bar_height - 3))
    return Chart(bars=bars, width=layout.width, height=max(layout.row, len(bars) * layout.row),
                 bar_height=layout.bar_height, beside=bool(layout.label_width))


def bar_chart(rows: list[tuple[str, int, bool]]) -> dict[str, Chart]:
    """``rows`` of (label, count, rising), drawn in the order given, in both layouts."""
    return {"wide": _layout(rows, WIDE), "narrow": _layout(rows, NARROW)}
