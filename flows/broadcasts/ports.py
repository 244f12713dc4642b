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
        author_id: int,
        kind: str,
        title: str,
        text: str,
        place: str | None,
        starts_at: datetime | None,
        audience: str,
        recipients: Iterable[int],
        now: datetime,
    ) -> BroadcastRecord: ...
    async def get(self, broadcast_id: int) -> BroadcastRecord | None: ...
    async def recent(self, organisation_id: int, *, limit: int = ...) -> list[BroadcastRecord]: ...
    async def answer(
        self, broadcast_id: int, person_id: int, answer: str, *, now: datetime
    ) -> bool: ...
    async def cancel(self, broadcast_id: int) -> None: ...
