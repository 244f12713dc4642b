"""Key rotation: re-encrypt every encrypted column with the newest key.

Readers never stop: while both keys are configured (newest first), every
process can read old and new values alike; once this has run, the old key
can be dropped from the configuration.
"""

from __future__ import annotations

from sqlalchemy import select, update

from storage.database import Database
from storage.models import (
    Broadcast,
    Case,
    CaseEvent,
    Conversation,
    DevelopmentGoal,
    DigestItem,
    InboxUpdate,
    IntervisionSession,
    OutboxMessage,
    PrivateNote,
    Visit,
)

ENCRYPTED_COLUMNS = (
    (Conversation, "draft", Conversation.telegram_id),
    (Conversation, "prompt", Conversation.telegram_id),
    (Conversation, "parent", Conversation.telegram_id),
    (InboxUpdate, "payload", InboxUpdate.update_id),
    (OutboxMessage, "payload", OutboxMessage.id),
    (Case, "note", Case.id),
    (Visit, "note", Visit.id),
    (IntervisionSession, "place", IntervisionSession.id),
    (DevelopmentGoal, "text", DevelopmentGoal.id),
    (PrivateNote, "text", PrivateNote.id),
    (Broadcast, "title", Broadcast.id),
    (Broadcast, "text", Broadcast.id),
    (Broadcast, "place", Broadcast.id),
    (Broadcast, "versions", Broadcast.id),
    (DigestItem, "payload", DigestItem.id),
    (CaseEvent, "body", CaseEvent.id),
)
BATCH = 500


async def reencrypt_all(db: Database) -> int:
    """Rotate every stored value, a batch per transaction; returns how many were rotated."""
    rotated = 0
    for model, column, key in ENCRYPTED_COLUMNS:
        attribute = getattr(model, column)
        last = None
        while True:
            async with db.unit_of_work() as uow:
                query = select(key, attribute).where(attribute.is_not(None)).order_by(key)
                if last is not None:
                    query = query.where(key > last)
                rows = (await uow.session.execute(query.limit(BATCH))).all()
                for row_key, value in rows:
                    await uow.session.execute(
                        update(model)
                        .where(key == row_key)
                        .values({column: db.cipher.rotate(value)})
                    )
            rotated += len(rows)
            if len(rows) < BATCH:
                break
            last = rows[-1][0]
    return rotated
