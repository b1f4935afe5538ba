"""An independent check that published numbers let no count from 1 to 4 be worked out (brute force)."""

from __future__ import annotations

from functools import cache


def _domain(text, residual: int) -> list[int]:
    if text == "<5":
        return [1, 2, 3, 4]
    return [0, *range(5, residual + 1)]  # "x": anything a reader cannot rule out


def derivable(cells: list, total) -> list[int]:
    """Indexes of small ("<5") cells whose value follows from the shown cells and the total (an int)."""
    if not isinstance(total, int):
        return []
    shown = sum(value for value in cells if isinstance(value, int))
    hidden = [value for value in cells if not isinstance(value, int)]
    residual = total - shown
    positions = [index for index, value in enumerate(cells) if not isinstance(value, int)]

    @cache
    def reachable(start: int, remaining: int) -> bool:
        if start == len(hidden):
            return remaining == 0
        return any(reachable(start + 1, remaining - v) for v in _domain(hidden[start], remaining) if v <= remaining)

    found = []
    for own, text in enumerate(hidden):
        if text != "<5":
            continue
        others = hidden[:own] + hidden[own + 1 :]

        @cache
        def fits(start: int, remaining: int, others=tuple(others)) -> bool:
            if start == len(others):
                return remaining == 0
            return any(
                fits(start + 1, remaining - v, others) for v in _domain(others[start], remaining) if v <= remaining
            )

        possible = [v for v in range(1, 5) if v <= residual and fits(0, residual - v)]
        if len(possible) < 2:
            found.append(positions[own])
    assert reachable(0, residual) or not hidden, "the published row is inconsistent"
    return found
