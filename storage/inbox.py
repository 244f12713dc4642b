"""The inbox: raw updates kept (encrypted) only until they are processed.

Each person's updates are handled strictly in order: only the oldest pending
update of a chat can be claimed (`claim_heads`), so a second worker, or a second
task of the same worker, takes other people's updates meanwhile. An update that
cannot be stored or handled is set aside (`status` "failed") with its kind and
a reason only, so it never blocks anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.claims import claim_statement, release, release_all
from storage.crypto import Cipher
from storage.models import InboxUpdate

MAX_ATTEMPTS = 5
LEASE = timedelta(minutes=1)
# Once handled, its replies are sent within moments; if the worker died before that, the
# sender's next update waits only this long, not the whole lease (a restarted worker on
# PostgreSQL cannot tell a dead worker's claims from a live one's).
REPLY_LEASE = timedelta(seconds=10)

# Every update passes these; built once (Core: an ORM-enabled UPDATE costs more than it
# gives, and building a statement more than running it on SQLite).
_INBOX = InboxUpdate.__table__
# A batch of updates, each stored once: built once, and SQLAlchemy sends the rows as one
# multi-row VALUES ("insertmanyvalues"); rows given in `.values(rows)` would compile a new
# statement for every batch.
_STORE_PG, _STORE_SQLITE = (
    insert(_INBOX)
    .on_conflict_do_nothing(index_elements=["update_id"])
    .returning(_INBOX.c.update_id)
    for insert in (pg_insert, sqlite_insert)
)
_MARK_HANDLED = (
    update(_INBOX)
    .where(_INBOX.c.update_id.in_(bindparam("ids", expanding=True)))
    .values(
        status="handled",
        payload=None,
        processed_at=bindparam("now"),
        claimed_until=bindparam("until"),
    )
)


def _heads() -> Select:
    """The oldest pending update of each chat whose earlier updates are finished.

    Each chat's oldest unfinished update, found by one aggregate over the unfinished
    rows, and then only those still pending: a probe per pending row for an earlier
    unfinished one cost PostgreSQL 2.5 ms with 500 waiting (a burst), the aggregate
    under 1 ms. Updates without a chat wait for no other. The updates of the bound list
    `finished` count as finished: answered by this very statement, or handled by this
    worker, whose replies it sends before any later reply (`bot.dispatch`). (A list of
    its own, not `answered`: SQLAlchemy renders one empty list bound to both "IN" and
    "NOT IN" in the "NOT IN" form in both places, which matches every row.)
    """
    earlier = aliased(InboxUpdate)
    unfinished = and_(
        or_(
            earlier.status == "pending",
            and_(earlier.status == "handled", earlier.claimed_until > bindparam("now")),
        ),
        earlier.update_id.not_in(bindparam("finished", expanding=True)),
    )
    oldest_of_each_chat = (
        select(func.min(earlier.update_id)).where(unfinished).group_by(earlier.chat_id)
    )
    return (
        select(InboxUpdate.update_id)
        .where(
            InboxUpdate.status == "pending",
            or_(
                InboxUpdate.chat_id.is_(None),
                InboxUpdate.update_id.in_(oldest_of_each_chat.scalar_subquery()),
            ),
        )
        .order_by(InboxUpdate.update_id)
        .limit(bindparam("limit"))
    )


_CLAIMED = (InboxUpdate.chat_id, InboxUpdate.payload, InboxUpdate.attempts)
_CLAIM_HEADS = {
    skip_locked: claim_statement(
        _heads(),
        table=InboxUpdate,
        key=InboxUpdate.update_id,
        skip_locked=skip_locked,
        returning=_CLAIMED,
    )
    for skip_locked in (False, True)
}
_DONE = {"status": "done", "payload": None, "chat_id": None}
# PostgreSQL: the last round's updates marked answered and the next round claimed in one
# statement, its own transaction (`Database.one_statement`): one round trip a round
# where BEGIN, two statements and COMMIT were four.
_ANSWER_AND_CLAIM_PG = _CLAIM_HEADS[True].add_cte(
    update(_INBOX)
    .where(
        _INBOX.c.update_id.in_(bindparam("answered", expanding=True)), _INBOX.c.status != "failed"
    )
    .values(_DONE)
    .returning(_INBOX.c.update_id)
    .cte("answered")
)
_MARK_DONE = (
    update(_INBOX)
    .where(
        _INBOX.c.update_id.in_(bindparam("update_ids", expanding=True)),
        _INBOX.c.status != "failed",
    )
    .values(_DONE)
)


@dataclass(frozen=True)
class IncomingUpdate:
    """An update as it arrives: `payload` None when it is set aside at the door."""

    update_id: int
    chat_id: int | None
    kind: str
    payload: dict[str, Any] | None
    reason: str | None = None


@dataclass(frozen=True)
class ClaimedUpdate:
    update_id: int
    chat_id: int | None
    payload: dict[str, Any]
    attempts: int  # this one included

    @property
    def exhausted(self) -> bool:
        """Tried too often: set it aside instead of trying once more."""
        return self.attempts > MAX_ATTEMPTS


class InboxRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher, *, dialect: str) -> None:
        self._s = session
        self._cipher = cipher
        self._dialect = dialect

    async def add(self, updates: list[IncomingUpdate], *, now: datetime) -> int:
        """Store updates once each (a redelivered update_id is ignored); returns how many
        were new. Set-aside updates keep their id, kind and reason only."""
        rows = [
            {
                "update_id": u.update_id,
                "chat_id": u.chat_id,
                "kind": u.kind[:24],
                "payload": None if u.payload is None else self._cipher.encrypt_json(u.payload),
                "status": "pending" if u.payload is not None else "failed",
                "reason": u.reason,
                "attempts": 0,
                "received_at": now,
                "processed_at": None if u.payload is not None else now,
            }
            for u in updates
        ]
        if not rows:
            return 0
        statement = _STORE_PG if self._dialect == "postgresql" else _STORE_SQLITE
        return len((await self._s.execute(statement, rows)).all())

    async def next_offset(self) -> int:
        """The getUpdates offset that confirms everything already stored."""
        highest = await self._s.scalar(select(func.max(InboxUpdate.update_id)))
        return 0 if highest is None else highest + 1

    async def pending_by_chat(self, chat_ids: set[int]) -> dict[int, int]:
        """How many updates each of these chats has waiting (for the flood limit)."""
        if not chat_ids:
            return {}
        rows = await self._s.execute(
            select(InboxUpdate.chat_id, func.count())
            .where(InboxUpdate.status == "pending", InboxUpdate.chat_id.in_(chat_ids))
            .group_by(InboxUpdate.chat_id)
        )
        return {chat_id: count for chat_id, count in rows}

    async def set_aside_since(self, chat_id: int, reason: str, since: datetime) -> int:
        """How many of this chat's updates were set aside for `reason` since then."""
        return (
            await self._s.scalar(
                select(func.count())
                .select_from(InboxUpdate)
                .where(
                    InboxUpdate.chat_id == chat_id,
                    InboxUpdate.reason == reason,
                    InboxUpdate.received_at >= since,
                )
            )
            or 0
        )

    async def claim_heads(
        self,
        *,
        now: datetime,
        limit: int = 20,
        skip_locked: bool,
        sending: Sequence[int] = (),
    ) -> list[ClaimedUpdate]:
        """Claim the oldest pending update of up to `limit` chats, oldest first.

        An update whose earlier update from the same chat is unfinished is not a head
        and waits its turn: still pending (being handled, or waiting to be tried again),
        or handled but its replies not yet sent (until its lease runs out, should the
        worker that sends them have died). So even two workers answer a person in order.
        `sending`: handled updates whose replies this worker is sending, and sends before
        the replies of what it claims now; their senders' next updates may go.
        """
        result = await self._s.execute(
            _CLAIM_HEADS[skip_locked],
            {"now": now, "until": now + LEASE, "limit": limit, "finished": list(sending)},
        )
        return self._claimed(result)

    async def answer_and_claim(
        self, answered: list[int], *, now: datetime, limit: int, sending: Sequence[int] = ()
    ) -> list[ClaimedUpdate]:
        """Mark these updates answered (`mark_done`: their senders' next updates may go)
        and claim the next heads (`claim_heads`). On PostgreSQL in one statement, for
        `Database.one_statement`; on SQLite, one writer, in two."""
        if self._dialect != "postgresql":
            if answered:
                await self.mark_done(answered)
            return await self.claim_heads(now=now, limit=limit, skip_locked=False, sending=sending)
        result = await self._s.execute(
            _ANSWER_AND_CLAIM_PG,
            {
                "answered": answered,
                "finished": [*answered, *sending],
                "now": now,
                "until": now + LEASE,
                "limit": limit,
            },
        )
        return self._claimed(result)

    def _claimed(self, result: Any) -> list[ClaimedUpdate]:
        return [
            ClaimedUpdate(update_id, chat_id, self._cipher.decrypt_json(payload), attempts)
            for update_id, chat_id, payload, attempts in sorted(result)
            if payload is not None
        ]

    async def release_all(self) -> None:
        """Free what a stopped process had claimed, and count as answered what it had
        handled (see `storage.claims.release_all`)."""
        await release_all(self._s, table=InboxUpdate)
        await self._s.execute(
            update(InboxUpdate)
            .where(InboxUpdate.status == "handled")
            .values(status="done", chat_id=None)
        )

    async def try_again(self, update_id: int, *, at: datetime) -> None:
        """Handling failed (the database went away): the update may be claimed from `at`."""
        await release(self._s, table=InboxUpdate, key=InboxUpdate.update_id, value=update_id, at=at)

    async def set_aside(self, update_id: int, reason: str, *, now: datetime) -> None:
        """Give up on an update: the payload goes, its id, kind and reason stay."""
        await self._s.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id == update_id)
            .values(status="failed", payload=None, reason=reason, processed_at=now)
        )

    async def count_pending(self) -> int:
        return await self._count("pending")

    async def count_unanswered(self) -> int:
        """Waiting, or handled with the replies still on their way: what someone who
        waits for the bot to have answered (the demo's `settle`) must wait for."""
        return await self._count("pending", "handled")

    async def _count(self, *statuses: str) -> int:
        return (
            await self._s.scalar(
                select(func.count())
                .select_from(InboxUpdate)
                .where(InboxUpdate.status.in_(statuses))
            )
            or 0
        )

    async def mark_handled(self, update_ids: list[int], *, now: datetime) -> None:
        """Handled, in the transaction of what it changed: never handled again, and the
        raw payload goes. The sender's next update waits until the replies are out."""
        await self._s.execute(
            _MARK_HANDLED,
            {"ids": update_ids, "now": now, "until": now + REPLY_LEASE},
        )

    async def mark_done(self, update_ids: list[int]) -> None:
        """Handled and answered: only the id stays, for de-duplication (and the polling
        offset)."""
        await self._s.execute(_MARK_DONE, {"update_ids": update_ids})
