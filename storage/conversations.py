"""Conversation state: where each chat stands in a flow, with an encrypted draft."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import readahead
from storage.crypto import Cipher
from storage.models import Conversation
from storage.records import ConversationRecord

_TABLE = Conversation.__table__
_ROW = select(_TABLE).where(_TABLE.c.telegram_id == bindparam("telegram_id"))  # built once
_ROWS = select(_TABLE).where(_TABLE.c.telegram_id.in_(bindparam("telegram_ids", expanding=True)))


class ConversationRepository:
    """Core statements on one table: the ORM's identity map costs more than it gives here."""

    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher
        self._rows: dict[int, Row | None] = {}  # looked up in this unit of work

    async def _row(self, telegram_id: int) -> Row | None:
        """The row, looked up once per unit of work (also when there is none)."""
        if telegram_id not in self._rows:
            known = readahead.get(self._s, "conversation", telegram_id)
            if known is readahead.MISSING:
                known = (await self._s.execute(_ROW, {"telegram_id": telegram_id})).first()
            self._rows[telegram_id] = known
        return self._rows[telegram_id]

    async def read_ahead(self, telegram_ids: list[int]) -> None:
        """These chats' rows in one statement, for the round's `get` (`readahead`)."""
        rows = await self._s.execute(_ROWS, {"telegram_ids": telegram_ids})
        found = {row.telegram_id: row for row in rows}
        readahead.keep(self._s, "conversation", {key: found.get(key) for key in telegram_ids})

    async def get(self, telegram_id: int, *, now: datetime) -> ConversationRecord | None:
        """The live conversation, or None when there is none or it expired."""
        row = await self._row(telegram_id)
        if row is None or row.expires_at <= now:
            return None
        return ConversationRecord(
            row.flow,
            row.step,
            self._cipher.decrypt_json(row.draft),
            row.version,
            prompt=self._cipher.decrypt_json(row.prompt) if row.prompt else None,
            parent=_parent(self._cipher.decrypt_json(row.parent)) if row.parent else None,
        )

    async def last_version(self, telegram_id: int) -> int:
        """The version of the latest conversation, live or expired (0 when none)."""
        row = await self._row(telegram_id)
        return 0 if row is None else row.version

    async def save(
        self, telegram_id: int, state: ConversationRecord, *, expires_at: datetime
    ) -> None:
        values = {
            "flow": state.flow,
            "step": state.step,
            "version": state.version,
            "draft": self._cipher.encrypt_json(state.draft),
            "prompt": self._cipher.encrypt_json(state.prompt) if state.prompt else None,
            "parent": self._cipher.encrypt_json(_flat(state.parent)) if state.parent else None,
            "expires_at": expires_at,
        }
        if await self._row(telegram_id) is None:
            await self._s.execute(insert(_TABLE).values(telegram_id=telegram_id, **values))
        else:
            await self._s.execute(
                update(_TABLE).where(_TABLE.c.telegram_id == telegram_id).values(**values)
            )
        self._rows.pop(telegram_id, None)  # read again if asked again

    async def clear(self, telegram_id: int) -> None:
        await self._s.execute(delete(_TABLE).where(_TABLE.c.telegram_id == telegram_id))
        self._rows[telegram_id] = None


def _flat(state: ConversationRecord) -> dict:
    """The conversations waiting underneath as JSON, nested: a look (/language) on top of
    a sub-dialogue (the signal picker) on top of its host (a concern)."""
    return {
        "flow": state.flow,
        "step": state.step,
        "draft": state.draft,
        "version": state.version,
        "prompt": state.prompt,
        "parent": _flat(state.parent) if state.parent else None,
    }


def _parent(data: dict) -> ConversationRecord:
    return ConversationRecord(
        data["flow"],
        data["step"],
        data["draft"],
        data["version"],
        prompt=data["prompt"],
        parent=_parent(data["parent"]) if data.get("parent") else None,
    )
