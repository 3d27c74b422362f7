"""Where a unit is on a day, and the leg of its track the map draws: the Python twin of the
engine's ``assets/fea-1-core.js`` (``positionAt``, ``strengthAt``) and ``assets/fea-1-legs.js``
(``legAt``), for what the server writes about a day (the legend of an export, a handout's
captions). ``tests/test_js_parity.py`` runs both on the atlas' units and checks they agree.

A track is ``[[day, lon, lat, gapFrom?], ...]`` (:func:`components.atlas.data.group_units`).
"""

from __future__ import annotations


def strength_at(strengths: list, day: int) -> int | None:
    """The latest known strength on or before ``day``, else the first known.

    Examples
    --------
    >>> strength_at([[10, None], [20, 500], [30, 900]], 25), strength_at([[10, None], [20, 500]], 5)
    (500, 500)
    """
    current = first = None
    for when, men in strengths:
        if men and first is None:
            first = men
        if when <= day and men:
            current = men
    return current or first


def position_at(track: list, end: int, day: int, transit: int | None) -> list | None:
    """Where a unit stands on ``day`` ([lon, lat]), or None when it is not drawn: before its
    first waypoint, after ``end``, or in a gap the sources leave. It leaves a waypoint
    ``transit`` days before the next (or at once, given None) and moves in a straight line.

    Examples
    --------
    >>> position_at([[0, 10.0, 40.0], [10, 20.0, 40.0]], 20, 5, None)
    [15.0, 40.0]
    >>> position_at([[0, 10.0, 40.0, 2], [10, 20.0, 40.0]], 20, 5, None) is None
    True
    """
    if not track or day < track[0][0] or day > end:
        return None
    for a, b in zip(track, track[1:], strict=False):
        if a[0] <= day < b[0]:
            if len(a) > 3 and a[3] is not None:
                return [a[1], a[2]] if day <= a[3] else None
            depart = a[0] if transit is None else max(a[0], b[0] - transit)
            if day <= depart:
                return [a[1], a[2]]
            f = (day - depart) / (b[0] - depart)
            return [a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]
    return [track[-1][1], track[-1][2]]


def _segment(track: list, day: int) -> int:
    k = 0
    while k + 1 < len(track) and track[k + 1][0] <= day:
        k += 1
    return k


def leg_at(track: list, movements: list | None, end: int, day: int, transit: int | None,
           arrow_days: int | None) -> dict | None:  # fmt: skip
    """The leg the map draws for the unit on ``day``: the one it is moving along, else the
    move it made less than ``arrow_days`` ago; None when there is none (or it starts in a
    gap). ``from``, ``to`` and ``at`` are [lon, lat]; ``movement`` is how the unit moves
    (``none`` where the sources do not say); ``arrived`` tells the two cases apart.

    Examples
    --------
    >>> track = [[0, 10.0, 40.0], [10, 20.0, 40.0]]
    >>> leg_at(track, [None, "attack"], 30, 5, None, 3)["movement"]
    'attack'
    >>> leg_at(track, [None, "attack"], 30, 11, None, 3)["arrived"]
    True
    >>> leg_at(track, [None, "attack"], 30, 13, None, 3) is None
    True
    """
    at = position_at(track, end, day, transit)
    if at is None:
        return None
    moves = movements or []
    k = _segment(track, day)
    a = track[k]
    b = track[k + 1] if k + 1 < len(track) else None
    gap = len(a) > 3 and a[3] is not None
    if b is not None and not gap and (at[0] != a[1] or at[1] != a[2]):
        move = moves[k + 1] if k + 1 < len(moves) and moves[k + 1] else "none"
        return {"from": at, "to": [b[1], b[2]], "at": at, "movement": move, "arrived": False}
    if k < 1 or (len(track[k - 1]) > 3 and track[k - 1][3] is not None):
        return None
    prev = track[k - 1]
    if day - a[0] >= (arrow_days or 0) or (prev[1] == a[1] and prev[2] == a[2]):
        return None
    move = moves[k] if k < len(moves) and moves[k] else "none"
    return {"from": [prev[1], prev[2]], "to": [a[1], a[2]], "at": at, "movement": move,
            "arrived": True}  # fmt: skip
