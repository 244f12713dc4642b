"""A round of updates from different people shares one transaction; a failing one is
handled again on its own and holds up no one.

`Dispatch` claims the oldest waiting update of each of up to `BATCH` people and hands
them to `Engine.handle_all`: one commit for the round (and the round's "answered" goes
with the next claim), so the commits do not grow with the people writing at once. When
one update's handling raises, the round rolls back whole and each update is handled in
a transaction of its own: the others are answered, nothing of the failing one is kept,
and it is tried again later, still before that person's next update.
"""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy
from people import add_organisation, enrol
from sqlalchemy import event

from bot.dispatch import BATCH
from bot.polling import poll_once
from flows.core.engine import Engine
from flows.core.roles import KEY_PERSON


def count_statements(runtime) -> list[str]:
    """Every statement sent from now on."""
    sent: list[str] = []
    event.listen(
        runtime.db.engine.sync_engine,
        "before_cursor_execute",
        lambda _conn, _cursor, statement, *_args: sent.append(statement),
    )
    return sent


def count_commits(runtime) -> list[int]:
    """A list whose length is the number of commits from now on."""
    commits: list[int] = []
    event.listen(runtime.db.engine.sync_engine, "commit", lambda _conn: commits.append(1))
    return commits


async def store(runtime) -> None:
    """Fetch and store what was pushed, without processing it."""
    runtime._offset = await poll_once(runtime.application.bot, runtime.intake, runtime._offset)


async def team(runtime, fake_api, n: int) -> list:
    org_id = await add_organisation(runtime)
    chats = []
    for i in range(n):
        chat, _ = await enrol(
            runtime, fake_api, 700 + i, KEY_PERSON, f"Persoon {i}", language="en", org_id=org_id
        )
        chats.append(chat)
    return chats


@pytest.mark.parametrize("people", [3, BATCH])
async def test_the_commits_of_a_round_do_not_grow_with_its_people(runtime, fake_api, people):
    chats = await team(runtime, fake_api, people)
    before = [len(chat.texts()) for chat in chats]
    for chat in chats:
        fake_api.push_text(chat.user_id, "/help", language_code="en")
    await store(runtime)
    commits = count_commits(runtime)
    statements = count_statements(runtime)

    assert await runtime.process_inbox() == people

    # The claim, the round, and the "answered" with the next (empty) claim; on PostgreSQL
    # each claim is one statement, its own transaction, and only the round commits.
    assert len(commits) == (1 if runtime.db.dialect == "postgresql" else 3)
    # Everyone's person, conversation and open visit read for the round at once.
    lookups = [s for s in statements if s.lstrip().startswith("SELECT person.id")]
    assert len(lookups) == 1
    for chat, seen in zip(chats, before, strict=True):
        [reply] = chat.texts()[seen:]
        assert reply.startswith("Hello Persoon")


async def test_a_failing_update_is_handled_again_alone_and_holds_up_no_one(
    runtime, fake_api, monkeypatch
):
    first, second, third = await team(runtime, fake_api, 3)
    route = Engine._route

    async def broken_for_second(self, ctx):
        if ctx.event.telegram_id == second.user_id:
            await ctx.uow.audit.record("test.half", now=ctx.now, actor_id=ctx.person.id)
            raise RuntimeError("a flow with a bug")
        await route(self, ctx)

    monkeypatch.setattr(Engine, "_route", broken_for_second)
    seen = {chat.user_id: len(chat.texts()) for chat in (first, second, third)}
    for chat in (first, second, third):
        fake_api.push_text(chat.user_id, "/help", language_code="en")
    fake_api.push_text(second.user_id, "/privacy", language_code="en")  # waits behind it
    await store(runtime)

    assert await runtime.process_inbox() == 2

    for chat in (first, third):
        [reply] = chat.texts()[seen[chat.user_id] :]
        assert reply.startswith("Hello Persoon")
    assert second.texts()[seen[second.user_id] :] == []
    async with runtime.db.unit_of_work() as uow:
        person = await uow.people.by_telegram_id(second.user_id)
        assert [a for a in await uow.audit.by_actor(person.id) if a.action == "test.half"] == []
        assert await uow.inbox.count_pending() == 2  # the failed one, and the one behind it

    monkeypatch.setattr(Engine, "_route", route)  # mended: tried again, then the next
    assert await runtime.process_inbox() == 2
    help_reply, *privacy = second.texts()[seen[second.user_id] :]
    assert help_reply.startswith("Hello Persoon")
    assert privacy and not any(text.startswith("Hello Persoon") for text in privacy)


async def test_the_next_round_is_claimed_while_replies_go_out_and_handled_after(
    runtime, fake_api, monkeypatch
):
    """While a round's replies go out (from a call's second round on), its senders' next
    updates are claimed and read, but handled only once the replies are out: a crash then
    loses at most the last round's replies, and each person's replies come in order."""
    first, second = await team(runtime, fake_api, 2)
    seen = {chat.user_id: len(chat.texts()) for chat in (first, second)}
    for command in ("/help", "/privacy", "/help"):
        for chat in (first, second):
            fake_api.push_text(chat.user_id, command, language_code="en")
    await store(runtime)
    out = asyncio.Event()
    sending = asyncio.Event()
    answer = runtime.replies.answer
    answered = []

    async def held_back(update, event, outcome):
        answered.append(update)
        if len(answered) > 2:  # the second round's replies are on their way a long time
            sending.set()
            await out.wait()
        await answer(update, event, outcome)

    monkeypatch.setattr(runtime.replies, "answer", held_back)
    processing = asyncio.create_task(runtime.process_inbox())
    await sending.wait()
    for _ in range(50):  # the next round is claimed meanwhile
        await asyncio.sleep(0.01)
        statuses = await inbox_statuses(runtime)
        if statuses.count(("pending", 1)) == 2:
            break
    assert sorted(statuses) == [("handled", 1), ("handled", 1), ("pending", 1), ("pending", 1)]
    monkeypatch.setattr(runtime.replies, "answer", answer)
    out.set()
    assert await processing == 6
    for chat in (first, second):
        help_reply, *privacy, help_again = chat.texts()[seen[chat.user_id] :]
        assert help_reply.startswith("Hello Persoon") and privacy
        assert help_again.startswith("Hello Persoon")


@pytest.mark.parametrize("more_arrives", [False, True])
async def test_a_first_round_claims_the_next_while_its_replies_go_out_only_in_a_burst(
    runtime, fake_api, monkeypatch, more_arrives
):
    """A call's first round waits for its replies before it claims again: a message now
    and then would find nothing more. Once more was stored since the call began (a
    burst), the next round is claimed and read while they go out."""
    first, second = await team(runtime, fake_api, 2)
    for command in ("/help", "/privacy"):
        for chat in (first, second):
            fake_api.push_text(chat.user_id, command, language_code="en")
    await store(runtime)
    handle_all, answer = runtime.engine.handle_all, runtime.replies.answer
    arrived, out, sending = [], asyncio.Event(), asyncio.Event()

    async def meanwhile(events):
        if more_arrives and not arrived:  # the intake stores more during the first round
            arrived.append(fake_api.push_text(first.user_id, "/help", language_code="en"))
            await store(runtime)
        return await handle_all(events)

    async def held_back(*args):
        sending.set()
        await out.wait()
        await answer(*args)

    monkeypatch.setattr(runtime.engine, "handle_all", meanwhile)
    monkeypatch.setattr(runtime.replies, "answer", held_back)
    processing = asyncio.create_task(runtime.process_inbox())
    await sending.wait()
    for _ in range(20):  # time for a claim, where one comes
        await asyncio.sleep(0.01)
    claimed_meanwhile = (await inbox_statuses(runtime)).count(("pending", 1))
    assert claimed_meanwhile == (2 if more_arrives else 0)
    monkeypatch.setattr(runtime.replies, "answer", answer)
    out.set()
    assert await processing == (5 if more_arrives else 4)


async def inbox_statuses(runtime) -> list[tuple[str, int]]:
    """(status, attempts) of every stored update not yet answered."""
    async with runtime.db.engine.connect() as conn:
        rows = await conn.execute(
            sqlalchemy.text("SELECT status, attempts FROM inbox_update WHERE status != 'done'")
        )
        return [(status, attempts) for status, attempts in rows]
