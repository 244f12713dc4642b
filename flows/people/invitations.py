"""One-time invite codes: random, stored only as a hash, single use, expiring.

Used by the CLI (`sleutel invite`) and by coordinators in the bot (`/invite`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from storage.database import UnitOfWork
from storage.records import InviteRecord


class InviteProblem(StrEnum):
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


@dataclass(frozen=True)
class NewInvite:
    code: str
    expires_at: datetime

    def link(self, bot_username: str) -> str:
        return f"https://t.me/{bot_username}?start={self.code}"


def hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


async def create_invite(
    uow: UnitOfWork,
    *,
    organisation_id: int,
    role: str,
    now: datetime,
    days: int = 7,
    confidant_id: int | None = None,
    backup_id: int | None = None,
    created_by_id: int | None = None,
) -> NewInvite:
    # 16 URL-safe characters (96 bits): fits Telegram's start parameter.
    code = secrets.token_urlsafe(12)
    expires_at = now + timedelta(days=days)
    await uow.people.add_invite(
        code_hash=hash_code(code),
        organisation_id=organisation_id,
        role=role,
        expires_at=expires_at,
        now=now,
        confidant_id=confidant_id,
        backup_id=backup_id,
        created_by_id=created_by_id,
    )
    await uow.audit.record(
        "invite.created", now=now, actor_id=created_by_id, organisation_id=organisation_id
    )
    return NewInvite(code, expires_at)


async def check_invite(
    uow: UnitOfWork, code: str, *, now: datetime
) -> InviteRecord | InviteProblem:
    invite = await uow.people.invite_by_hash(hash_code(code))
    if invite is None:
        return InviteProblem.UNKNOWN
    if invite.used_at is not None:
        return InviteProblem.USED
    if invite.expires_at <= now:
        return InviteProblem.EXPIRED
    return invite
