"""Inline SVG line charts: values to points, so pages need no chart library."""

from __future__ import annotations

from collections.abc import Sequence


def line_points(values: Sequence[float], width: float, height: float, top: float) -> list[tuple[float, float]]:
    """(x, y) for each value, spread evenly across the width; `top` maps to the top edge.
    Needs at least two values."""
    step = width / (len(values) - 1)
    return [(round(i * step, 1), round(height - height * v / top, 1)) for i, v in enumerate(values)]
