"""One-time invite codes: random, stored only as a hash, single use, expiring.

Coordinators in the bot (`/invite`) and the terminal (`sleutel invite`, `sleutel
invites --revoke`) go through `issue_invite` and `revoke_invite`, so the same rules
hold in both: a key person is invited with an active confidant of the organisation
(and maybe a backup, another one); the other roles with neither.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from flows.core.ports import Storage
from flows.core.roles import KEY_PERSON, ROLES
from flows.people.service import Refused, confidant
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
    uow: Storage,
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


async def issue_invite(
    uow: Storage,
    *,
    organisation_id: int,
    role: str,
    now: datetime,
    days: int = 7,
    confidant_id: int | None = None,
    backup_id: int | None = None,
    created_by_id: int | None = None,
) -> NewInvite:
    """An invite for `role`, after checking the confidant and backup of a key person;
    `Refused` (nothing made) when a rule says no."""
    if role not in ROLES:
        raise Refused(f"not a role: {role!r} (one of {', '.join(ROLES)})")
    if days < 1:
        raise Refused("an invite must be valid for at least one day")
    if role != KEY_PERSON:
        if confidant_id is not None or backup_id is not None:
            raise Refused("a confidant and a backup are only for key persons")
    elif confidant_id is None:
        raise Refused("a key person is invited with their confidant")
    else:
        await confidant(uow, organisation_id, confidant_id, which="confidant")
        if backup_id is not None:
            if backup_id == confidant_id:
                raise Refused("the backup must be another confidant than the confidant")
            await confidant(uow, organisation_id, backup_id, which="backup")
    return await create_invite(
        uow,
        organisation_id=organisation_id,
        role=role,
        now=now,
        days=days,
        confidant_id=confidant_id,
        backup_id=backup_id,
        created_by_id=created_by_id,
    )


async def revoke_invite(
    uow: Storage, *, organisation_id: int, invite_id: int, actor_id: int | None, now: datetime
) -> None:
    """Make a pending invite of this organisation unusable from now on (`invite.revoked`)."""
    if not await uow.people.revoke_invite(invite_id, organisation_id, now=now):
        raise Refused(f"I{invite_id} is not a pending invite of this organisation")
    await uow.audit.record(
        "invite.revoked",
        now=now,
        actor_id=actor_id,
        subject=f"I{invite_id}",
        organisation_id=organisation_id,
    )


async def check_invite(uow: Storage, code: str, *, now: datetime) -> InviteRecord | InviteProblem:
    invite = await uow.people.invite_by_hash(hash_code(code))
    if invite is None:
        return InviteProblem.UNKNOWN
    if invite.used_at is not None:
        return InviteProblem.USED
    if invite.expires_at <= now:
        return InviteProblem.EXPIRED
    return invite
