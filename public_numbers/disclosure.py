"""Statistical disclosure control: make counts about people safe to publish. Reusable (shelter figures, Meldpunt).

Counts about undocumented people must never point to anyone. Everything public (page, chart, CSV, JSON, API)
is built from what these functions return, never from raw counts. The rules:

1. **Primary suppression**: a count from 1 to 4 (below `THRESHOLD`) is shown as "<5". Zero is shown: "nobody"
   points to no one.
2. **Secondary suppression**: when a total is shown, a single hidden cell could be worked out as the total
   minus the other cells. So more cells are hidden (shown as "x") until every small count could have at least
   two values given everything that is shown; when no cell is left to hide, the total is hidden instead.
   Secondary cells are always counts of `THRESHOLD` or more (hiding a zero protects nothing).
3. **Grouping**: categories with fewer than `group_threshold` (nationalities) are added up under their group
   (their world region) before suppression, so that small groups still count in the picture.
4. **Enough contributors**: a total made of fewer than `MIN_CONTRIBUTORS` sources (shelters) is not published;
   groups (regions) with too few sources are pooled with the smallest other groups until the pool has enough.

The interface (all pure functions over plain dicts, no database, no Django):

- `protect(counts, total=None) -> Protected`: rules 1 and 2 for one row of cells and its total. `Protected.cells`
  maps each key to a `Shown`, `Protected.total` is the total's `Shown` (or None when there is no total).
- `shown(value)`: rule 1 for a lone count (a count with no breakdown next to it).
- `group_small(counts, group_of, threshold)`: rule 3; keys of grouped categories become `group_key(group)`.
- `pool_thin_groups(counts, contributors, minimum, pooled)`: rule 4 for groups; `enough_contributors(n)`.

A `Shown` is what a reader may see: `value` (an int, or None when hidden), `text` ("123", "<5" or "x") and
`status` (`SHOWN`, `SMALL`, `HIDDEN`). Known limit (named in the public data notes): comparing two publications of
the same period, before and after a late report or a correction, can show what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

THRESHOLD = 5
MIN_CONTRIBUTORS = 3
SMALL_TEXT = f"<{THRESHOLD}"
HIDDEN_TEXT = "x"
SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"
GROUP_PREFIX = "groep:"


@dataclass(frozen=True)
class Shown:
    """A count as it may be published: its value only when it cannot point to anyone."""

    value: int | None
    text: str
    status: str = SHOWN

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def as_json(self) -> int | str:
        """The JSON form: the number when shown, else the text ("<5" or "x")."""
        return self.value if self.value is not None else self.text


SMALL_SHOWN = Shown(None, SMALL_TEXT, SMALL)
HIDDEN_SHOWN = Shown(None, HIDDEN_TEXT, HIDDEN)


@dataclass(frozen=True)
class Protected:
    """One protected row: every cell and the total as they may be shown."""

    cells: dict[str, Shown]
    total: Shown | None


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


def shown(value: int) -> Shown:
    """Rule 1 for one count: the count, or "<5" for 1 to 4."""
    if value < 0:
        raise ValueError("counts are never negative")
    return SMALL_SHOWN if is_small(value) else Shown(value, str(value))


def protect(counts: Mapping[str, int], total: int | None = None) -> Protected:
    """Rules 1 and 2 for one row: `counts` (key -> count) that add up to `total` (None: no total is shown)."""
    values = dict(counts)
    if any(value < 0 for value in values.values()) or (total is not None and total < 0):
        raise ValueError("counts are never negative")
    small = {key for key, value in values.items() if is_small(value)}
    hidden: set[str] = set()
    total_shown = None if total is None else shown(total)
    if total_shown is not None and not total_shown.suppressed:
        # Hide the smallest safe cells one at a time until no small count can be worked out from the total.
        candidates = sorted((key for key, value in values.items() if value >= THRESHOLD), key=values.__getitem__)
        while small and not _ambiguous(values, small, hidden):
            if not candidates:
                total_shown = HIDDEN_SHOWN
                break
            hidden.add(candidates.pop(0))
    cells = {
        key: SMALL_SHOWN if key in small else HIDDEN_SHOWN if key in hidden else Shown(value, str(value))
        for key, value in values.items()
    }
    return Protected(cells, total_shown)


def _ambiguous(values: Mapping[str, int], small: set[str], hidden: set[str]) -> bool:
    """True when every small cell could have had another value, everything shown staying the same.

    A reader knows: each small cell is 1..4, each hidden cell is 0 or at least THRESHOLD (else it would be small),
    and all hidden and small cells add up to the total minus the shown cells. A small cell `p` is safe when one
    unit can move between it and another hidden or small cell without breaking those rules."""
    highest_small = THRESHOLD - 1
    for key in small:
        p = values[key]
        other_small = [values[other] for other in small if other != key]
        others_hidden = [values[other] for other in hidden]
        # p - 1 and someone + 1: a hidden cell (>= THRESHOLD) can always grow, a small one while below 4.
        down = p > 1 and (bool(others_hidden) or any(v < highest_small for v in other_small))
        # p + 1 and someone - 1: a hidden cell must stay >= THRESHOLD, a small one >= 1.
        up = p < highest_small and (any(v > THRESHOLD for v in others_hidden) or any(v > 1 for v in other_small))
        if not (down or up):
            return False
    return True


def group_key(group: str) -> str:
    return f"{GROUP_PREFIX}{group}"


def group_small(counts: Mapping[str, int], group_of: Callable[[str], str], threshold: int) -> dict[str, int]:
    """Rule 3: categories counted fewer than `threshold` times (but more than zero) are added up under their
    group, keyed `group_key(group)`; larger categories stay. Zeros are left out (they carry no information
    a reader needs, and a list of zeros would show which countries are absent)."""
    kept: dict[str, int] = {}
    grouped: dict[str, int] = {}
    for key, value in counts.items():
        if value >= threshold:
            kept[key] = value
        elif value > 0:
            grouped[group_key(group_of(key))] = grouped.get(group_key(group_of(key)), 0) + value
    return {**kept, **grouped}


def enough_contributors(number: int, minimum: int = MIN_CONTRIBUTORS) -> bool:
    """Rule 4: a total may be published only when at least `minimum` sources contributed to it."""
    return number >= minimum


def pool_thin_groups(
    counts: Mapping[str, int],
    contributors: Mapping[str, int],
    *,
    pooled: str,
    minimum: int = MIN_CONTRIBUTORS,
) -> tuple[dict[str, int], dict[str, int]]:
    """Rule 4 for groups (regions): groups with fewer than `minimum` contributors go into the `pooled` group,
    and while the pool itself has too few, the smallest remaining group joins it (else the national total minus
    the shown groups would give the thin group away). Returns (counts, contributors) after pooling."""
    kept = {key: counts[key] for key in counts if contributors.get(key, 0) >= minimum}
    thin = [key for key in counts if key not in kept]
    if not thin:
        return dict(counts), {key: contributors.get(key, 0) for key in counts}
    pool_count = sum(counts[key] for key in thin)
    pool_contributors = sum(contributors.get(key, 0) for key in thin)
    while pool_contributors < minimum and kept:
        smallest = min(kept, key=lambda key: (contributors.get(key, 0), counts[key]))
        pool_count += kept.pop(smallest)
        pool_contributors += contributors.get(smallest, 0)
    return (
        {**kept, pooled: pool_count},
        {**{key: contributors.get(key, 0) for key in kept}, pooled: pool_contributors},
    )
