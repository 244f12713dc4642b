"""The storage broadcasts need (implemented by `storage.broadcasts`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from storage.records import BroadcastRecord


class BroadcastStore(Protocol):
    async def add(
        self,
        *,
        organisation_id: int,
        author_id: int | None,
        kind: str,
        title: str,
        text: str,
        versions: dict[str, str],
        place: str | None,
        starts_at: datetime | None,
        capacity: int | None,
        audience: str,
        send_at: datetime | None,
        now: datetime,
    ) -> int: ...
    async def add_recipients(self, broadcast_id: int, person_ids: Iterable[int]) -> None: ...
    async def get(self, broadcast_id: int) -> BroadcastRecord | None: ...
    async def recent(self, organisation_id: int, *, limit: int = ...) -> list[BroadcastRecord]: ...
    async def answer(
        self,
        broadcast_id: int,
        person_id: int,
        answer: str | None,
        *,
        now: datetime,
        offered_until: datetime | None = ...,
    ) -> bool: ...
    async def set_status(self, broadcast_id: int, status: str) -> None: ...
