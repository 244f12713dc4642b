"""A small organisation for case tests: a coordinator, a confidant, a backup confidant
and a key person, enrolled through the bot; plus a driver for the concern dialogue."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from chat import Chat
from flowkit import Talker
from people import add_organisation, enrol
from sqlalchemy import select

from bot import delivery
from bot.emulator import FakeBotAPI, SentMessage
from bot.runtime import Runtime
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from storage.models import Case

COORDINATOR_ID, CONFIDANT_ID, BACKUP_ID, KEY_PERSON_ID = 10, 20, 21, 30


@dataclass
class Team:
    org: int
    coordinator: Chat
    confidant: Chat
    backup: Chat
    key_person: Chat
    ids: dict[str, int]


async def make_team(
    rt: Runtime, api: FakeBotAPI, *, key_person_language: str = "nl", backup: bool = True
) -> Team:
    """Confidant and backup write in English, the key person in Dutch (unless told)."""
    org = await add_organisation(rt)
    coordinator, coordinator_id = await enrol(
        rt, api, COORDINATOR_ID, COORDINATOR, "Ingrid", language="en", org_id=org
    )
    confidant, confidant_id = await enrol(
        rt, api, CONFIDANT_ID, CONFIDANT, "Saskia", language="en", org_id=org
    )
    backup_chat, backup_id = await enrol(
        rt, api, BACKUP_ID, CONFIDANT, "Bram", language="en", org_id=org
    )
    key_person, key_person_id = await enrol(
        rt,
        api,
        KEY_PERSON_ID,
        KEY_PERSON,
        "Amina",
        language=key_person_language,
        org_id=org,
        confidant_id=confidant_id,
        backup_id=backup_id if backup else None,
    )
    ids = {
        "coordinator": coordinator_id,
        "confidant": confidant_id,
        "backup": backup_id,
        "key_person": key_person_id,
    }
    return Team(org, coordinator, confidant, backup_chat, key_person, ids)


async def answer_until_note(
    chat: Chat | Talker,
    *,
    initials: str = "F.K.",
    age: str = "child",
    relation: str = "neighbour",
    children: str = "yes",
    signals: tuple[tuple[str, str], ...] = (("neglect", "neglect.hunger"),),
) -> list:
    """Answer the questions after the danger question, up to the note; returns what the
    last answer brought. Works for a chat through the bot (end to end) and for a
    `Talker` straight into the engine alike."""
    await chat.send(initials)
    await chat.choose("age", age)
    await chat.choose("relation", relation)
    await chat.choose("children", children)
    for group, code in signals:
        await chat.choose("group", group)
        await chat.choose("tick", code)
        await chat.choose("back")
    return await chat.choose("done")


async def describe(
    chat: Chat | Talker,
    *,
    note: str | None = None,
    honour: str | None = "no",
    **answers: object,
) -> None:
    """Answer the questions after the danger question, up to the summary."""
    await answer_until_note(chat, **answers)
    if note is None:
        await chat.choose("skip")
    else:
        await chat.send(note)
        await chat.choose("keep")
    if honour is not None:
        await chat.choose("honour", honour)


async def log_concern(chat: Chat, **answers) -> str:
    """A whole concern that is not urgent, confirmed; returns its reference."""
    await chat.send("/concern")
    await chat.choose("danger", "no")
    await describe(chat, **answers)
    await chat.choose("confirm")
    return await newest_reference(chat.rt)


async def newest_reference(rt: Runtime) -> str:
    async with rt.db.unit_of_work() as uow:
        return await uow.session.scalar(select(Case.reference).order_by(Case.id.desc()))


def alert(chat: Chat) -> SentMessage:
    """The newest message in the chat that carries case buttons."""
    for message in reversed(chat.api.messages_to(chat.user_id)):
        if any(data.startswith("case:") for _, data in chat.api.buttons(message)):
            return message
    raise AssertionError(f"no case alert in {chat.texts()}")


NOTICE = re.compile(r"(There is something new about|Er is iets nieuws over) [A-Z0-9]{4}\.")


async def open_notice(chat: Chat, notice: SentMessage | None = None) -> SentMessage:
    """A message about a case arrives as a notice that says only that there is something
    new (a phone shows it on the lock screen); Open shows the message itself."""
    notice = notice or chat.last
    assert NOTICE.fullmatch(notice.text), notice.text
    shown, *_after = await chat.tap("Open", notice)
    return shown


async def press(chat: Chat, data: str) -> list[SentMessage]:
    """Tap a case button (e.g. "case:open:K7F3") as if it were on the newest message."""
    chat.api.push_callback(
        chat.user_id,
        data,
        message=chat.api.last_message_to(chat.user_id),
        language_code=chat.language,
    )
    return await chat._round()


@pytest.fixture(autouse=True)
def no_chat_pacing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several people get messages in one round; the 1 s per-chat pacing would hold
    the second one back until a later round, in wall-clock time."""
    monkeypatch.setattr(delivery, "PER_CHAT_INTERVAL", 0.0)
