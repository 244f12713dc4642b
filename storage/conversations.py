"""Conversation state: where each chat stands in a flow, with an encrypted draft."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import Conversation
from storage.records import ConversationRecord


class ConversationRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    async def get(self, telegram_id: int, *, now: datetime) -> ConversationRecord | None:
        """The live conversation, or None when there is none or it expired."""
        row = await self._s.get(Conversation, telegram_id)
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
        row = await self._s.get(Conversation, telegram_id)
        return 0 if row is None else row.version

    async def save(
        self, telegram_id: int, state: ConversationRecord, *, expires_at: datetime
    ) -> None:
        row = await self._s.get(Conversation, telegram_id)
        if row is None:
            row = Conversation(telegram_id=telegram_id)
            self._s.add(row)
        row.flow, row.step, row.version = state.flow, state.step, state.version
        row.draft = self._cipher.encrypt_json(state.draft)
        row.prompt = self._cipher.encrypt_json(state.prompt) if state.prompt else None
        row.parent = self._cipher.encrypt_json(_flat(state.parent)) if state.parent else None
        row.expires_at = expires_at
        await self._s.flush()

    async def clear(self, telegram_id: int) -> None:
        await self._s.execute(delete(Conversation).where(Conversation.telegram_id == telegram_id))


def _flat(state: ConversationRecord) -> dict:
    """A waiting conversation as JSON (one level: a flow started on top of another
    returns to it, and no deeper)."""
    return {
        "flow": state.flow,
        "step": state.step,
        "draft": state.draft,
        "version": state.version,
        "prompt": state.prompt,
    }


def _parent(data: dict) -> ConversationRecord:
    return ConversationRecord(
        data["flow"], data["step"], data["draft"], data["version"], prompt=data["prompt"]
    )
