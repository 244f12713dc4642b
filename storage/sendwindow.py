"""Telegram's overall sending ceiling, shared by every worker on one database.

One row per wall-clock second counts the messages sent in it; taking a slot is
one atomic upsert that only counts up while the count is under the limit.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import SendWindow

KEEP_SECONDS = 60


class SendWindowRepository:
    def __init__(self, session: AsyncSession, *, dialect: str) -> None:
        self._s = session
        self._insert = pg_insert if dialect == "postgresql" else sqlite_insert

    async def take(self, second: int, limit: int) -> bool:
        """One message more in this second, if fewer than `limit` went already."""
        statement = self._insert(SendWindow).values(second=second, sent=1)
        statement = statement.on_conflict_do_update(
            index_elements=["second"],
            set_={"sent": SendWindow.sent + 1},
            where=SendWindow.sent < limit,
        ).returning(SendWindow.sent)
        taken = (await self._s.execute(statement)).first() is not None
        if taken and second % KEEP_SECONDS == 0:
            await self._s.execute(delete(SendWindow).where(SendWindow.second < second - 5))
        return taken
