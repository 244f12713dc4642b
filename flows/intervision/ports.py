"""The storage intervision needs (implemented by `storage.intervision`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from storage.records import GroupRecord, SessionRecord, Standing


class IntervisionStore(Protocol):
    async def add_group(
        self,
        organisation_id: int,
        name: str,
        facilitator_id: int,
        members: Iterable[int],
        *,
        now: datetime,
    ) -> GroupRecord: ...
    async def group(self, group_id: int) -> GroupRecord | None: ...
    async def groups_of(self, organisation_id: int) -> list[GroupRecord]: ...
    async def add_session(
        self,
        *,
        reference: str,
        organisation_id: int,
        group_id: int | None,
        facilitator_id: int,
        starts_at: datetime,
        place: str | None,
        invited: Iterable[int],
        now: datetime,
    ) -> SessionRecord: ...
    async def reference_taken(self, reference: str) -> bool: ...
    async def session(self, reference: str) -> SessionRecord | None: ...
    async def sessions_led_by(self, person_id: int, *, since: datetime) -> list[SessionRecord]: ...
    async def answer(
        self, session_id: int, person_id: int, answer: str, *, now: datetime
    ) -> bool: ...
    async def change(self, session_id: int, **changes: object) -> None: ...
    async def mark_attended(self, session_id: int, present: Iterable[int]) -> None: ...
    async def attended(self, session_id: int) -> set[int]: ...
    async def standing(self, organisation_id: int) -> list[Standing]: ...
    async def set_nudged(self, person_id: int, *, now: datetime) -> None: ...
