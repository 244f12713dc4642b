"""The storage the engine and every flow family work with, as Protocols.

Flows never import `storage.database` (nor SQLAlchemy, even indirectly: a test walks
the imports). They are written against these narrow ports; `storage/` implements
them, and the composition root (`bot.runtime`) hands the engine a `StorageGateway`.
Each family states the stores of its own domain in its `ports.py`
(`flows.cases.ports`, `flows.people.ports`, `flows.privacy.ports`); `Storage` is
what one unit of work offers them all. Records (`storage.records`) are plain
dataclasses and are shared.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from storage.records import AuditRecord, ConversationRecord, TimerRecord

if TYPE_CHECKING:
    from flows.broadcasts.ports import BroadcastStore
    from flows.cases.ports import CaseStore, DirectoryStore, ShownStore
    from flows.checkins.ports import CheckinStore, VisitStore
    from flows.intervision.ports import IntervisionStore
    from flows.people.ports import PeopleStore
    from flows.privacy.ports import RetentionStore


class ConversationStore(Protocol):
    async def get(self, telegram_id: int, *, now: datetime) -> ConversationRecord | None: ...
    async def last_version(self, telegram_id: int) -> int: ...
    async def save(
        self, telegram_id: int, state: ConversationRecord, *, expires_at: datetime
    ) -> None: ...
    async def clear(self, telegram_id: int) -> None: ...


class OutboxStore(Protocol):
    async def add(
        self, person_id: int, payload: dict[str, Any], *, now: datetime, topic: str | None = ...
    ) -> int: ...
    async def delivery(self, topic: str) -> dict[str, list[int]]: ...
    async def held(self, person_id: int, telegram_message_id: int) -> dict[str, Any] | None: ...


class DigestStore(Protocol):
    """Non-urgent news held for someone's daily digest (`flows.core.news`)."""

    async def hold(self, person_id: int, payload: dict[str, Any], *, now: datetime) -> int: ...
    async def take(self, person_id: int) -> list[dict[str, Any]]: ...


class InboxStore(Protocol):
    async def mark_handled(self, update_ids: list[int], *, now: datetime) -> None: ...


class TimerStore(Protocol):
    async def schedule(
        self,
        kind: str,
        subject: str,
        due_at: datetime,
        *,
        now: datetime,
        payload: dict[str, Any] | None = None,
    ) -> int: ...
    async def cancel(self, kind: str, subject: str, *, now: datetime) -> int: ...
    async def claim_due(self, *, now: datetime, limit: int = ...) -> list[TimerRecord]: ...
    async def finish(self, timer_id: int, *, now: datetime) -> None: ...
    async def pending_for(self, subject: str) -> list[TimerRecord]: ...


class AuditStore(Protocol):
    async def record(
        self,
        action: str,
        *,
        now: datetime,
        actor_id: int | None = None,
        subject: str = "",
        organisation_id: int | None = None,
    ) -> None: ...
    async def by_actor(self, person_id: int) -> list[AuditRecord]: ...


class Storage(Protocol):
    """One unit of work: everything in it commits together, or nothing does."""

    people: PeopleStore
    conversations: ConversationStore
    inbox: InboxStore
    outbox: OutboxStore
    timers: TimerStore
    audit: AuditStore
    cases: CaseStore
    shown: ShownStore
    directory: DirectoryStore
    retention: RetentionStore
    checkins: CheckinStore
    visits: VisitStore
    intervision: IntervisionStore
    broadcasts: BroadcastStore
    digest: DigestStore

    # The same transaction for the next of several independent jobs: what is pending is
    # written and nothing read before is remembered, but what `read_ahead` read (until
    # a write to its tables).
    async def fresh(self) -> Storage: ...
    # The senders' person, conversation and open visit, read in one statement each for
    # a round of jobs that will each look up their own.
    async def read_ahead(self, telegram_ids: list[int]) -> None: ...


class StorageGateway(Protocol):
    def unit_of_work(self) -> AbstractAsyncContextManager[Storage]: ...
    # Whether `exc` means the database is away for now (try again later).
    def unavailable(self, exc: BaseException) -> bool: ...
