"""Short references people can read out over the phone (K7F3, VP5NJ, IKZNB): one
alphabet without 0/O or 1/I, drawn until one is free."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


async def new_reference(
    taken: Callable[[str], Awaitable[bool]], *, prefix: str = "", length: int = 4
) -> str:
    """A fresh reference; `prefix` tells the kinds apart (V for a visit, I for a session)."""
    while True:
        reference = prefix + "".join(secrets.choice(ALPHABET) for _ in range(length))
        if not await taken(reference):
            return reference
