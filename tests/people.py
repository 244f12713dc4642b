"""Seeding people the way real people join: an invite, then the enrolment dialogue."""

from __future__ import annotations

from chat import Chat

from bot.emulator import FakeBotAPI
from bot.runtime import Runtime
from flows.people.invitations import create_invite


async def add_organisation(rt: Runtime, name: str = "Buurtwerk Noord") -> int:
    async with rt.db.unit_of_work() as uow:
        existing = await uow.people.organisation_by_name(name)
        if existing:
            return existing.id
        return await uow.people.add_organisation(name, now=rt.clock.now())


async def invite_code(rt: Runtime, org_id: int, role: str, **kwargs: int | None) -> str:
    async with rt.db.unit_of_work() as uow:
        invite = await create_invite(
            uow, organisation_id=org_id, role=role, now=rt.clock.now(), **kwargs
        )
    return invite.code


async def enrol(
    rt: Runtime,
    api: FakeBotAPI,
    user_id: int,
    role: str,
    name: str,
    *,
    language: str = "nl",
    org_id: int | None = None,
    **invite: int | None,
) -> tuple[Chat, int]:
    """Enrol through the bot; returns the chat and the new person's id."""
    org_id = org_id or await add_organisation(rt)
    code = await invite_code(rt, org_id, role, **invite)
    chat = Chat(rt, api, user_id, language)
    await chat.send(f"/start {code}")
    await chat.choose("lang", language)
    await chat.choose("agree")
    await chat.send(name)
    async with rt.db.unit_of_work() as uow:
        person = await uow.people.by_telegram_id(user_id)
    assert person is not None, chat.texts()
    return chat, person.id
