"""Broadcasts end to end: the real bot (PTB Application, engine, storage, outbox)
against the fake Bot API. A multilingual invitation to a mixed audience, answers and
the tally, the waiting list moving up, the reminder, a cancellation, a planned
broadcast, blocked recipients in the delivery report, a restart halfway through a
500-recipient broadcast, and a Bot API that answers some sends with 429."""

from __future__ import annotations

import asyncio
import contextlib
import re
from datetime import timedelta

from conftest import make_settings
from team import make_team, no_chat_pacing, press  # noqa: F401 (autouse fixture)

from bot.runtime import Runtime
from flows.broadcasts import sending
from flows.core.roles import COORDINATOR, KEY_PERSON


async def _compose(team, clock, *, capacity: str | None = None, days: int = 10) -> None:
    co = team.coordinator
    await co.send("/broadcast")
    await co.choose("kind", "invitation")
    await co.send("Theme morning")
    day = clock.now() + timedelta(days=days)
    await co.send(f"{day.day}-{day.month}-{day.year} 10:00")
    await co.send("Buurthuis De Pijp")
    if capacity:
        await co.send(capacity)
    else:
        await co.choose("none")
    await co.choose("to", "all")
    await co.send("Welcome, coffee is ready.")
    await co.choose("keep")


async def _run_clock(runtime) -> None:
    """What the clock job does: run due timers; then the outbox delivers what they queued."""
    await runtime.tick()
    await runtime.dispatch_outbox()


async def _newest(runtime) -> int:
    async with runtime.db.unit_of_work() as uow:
        [newest] = await uow.broadcasts.recent(1, limit=1)
    return newest.id


async def test_a_multilingual_invitation_answers_and_the_tally_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api)  # the key person reads Dutch, the rest English
    co = team.coordinator
    await _compose(team, clock)
    await co.choose("version")
    await co.choose("lang", "nl")
    await co.send("Welkom, de koffie staat klaar.")
    [preview] = await co.choose("keep")
    assert preview.text.startswith("This is what Amina will see:")
    assert "Uitnodiging van Ingrid" in preview.text  # the frame in the reader's language
    [english] = await co.choose("see", "en")
    assert "Invitation from Ingrid" in english.text
    await co.choose("send")
    await runtime.dispatch_outbox()
    confidant, key_person = team.confidant.last.text, team.key_person.last.text
    assert confidant.startswith("Invitation from Ingrid, your coordinator: Theme morning")
    assert "Welcome, coffee is ready." in confidant
    assert key_person.startswith("Uitnodiging van Ingrid")
    assert "Welkom, de koffie staat klaar." in key_person and "10:00" in key_person
    assert re.search(r"Mar \d+, 2026 10:00", confidant)  # each in their own date format
    assert re.search(r"\d+ mrt\.? 2026 10:00", key_person)
    broadcast = await _newest(runtime)
    [thanks, *_rest] = await press(team.key_person, f"bc:yes:{broadcast}")
    assert fake_api.document(team.key_person.user_id, thanks.message_id)[0] == f"B{broadcast}.ics"
    await team.confidant.tap("Maybe")
    await co.send("/broadcast")
    [*_earlier, tally] = await co.choose("overview")
    assert "Coming: 1 · Maybe: 1 · Can't come: 0 · No answer: 1" in tally.text
    [names] = await co.tap("Names", tally)
    assert "Coming: Amina" in names.text and "Maybe: Saskia" in names.text


async def test_the_waiting_list_moves_up_after_a_cancellation_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    await _compose(team, clock, capacity="1")
    await team.coordinator.choose("send")
    await runtime.dispatch_outbox()
    broadcast = await _newest(runtime)
    await press(team.key_person, f"bc:yes:{broadcast}")
    [full] = await team.confidant.tap("Coming")
    assert "You are number 1 on the waiting list" in full.text
    await press(team.key_person, f"bc:no:{broadcast}")
    offer = team.confidant.last
    assert offer.text.startswith("A place opened up for Theme morning")
    [taken, *_rest] = await team.confidant.tap("I'm coming", offer)
    assert taken.text.startswith("Thank you. See you on")


async def test_the_reminder_and_a_cancellation_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    await _compose(team, clock, days=3)
    await team.coordinator.choose("send")
    await runtime.dispatch_outbox()
    broadcast = await _newest(runtime)
    await press(team.key_person, f"bc:yes:{broadcast}")
    await press(team.backup, f"bc:no:{broadcast}")
    clock.advance(timedelta(days=2, hours=1))
    await _run_clock(runtime)
    assert team.key_person.last.text.startswith("A reminder: Theme morning")
    assert not team.backup.last.text.startswith("A reminder")
    await press(team.coordinator, f"bc:cancel:{broadcast}")
    await runtime.dispatch_outbox()
    assert team.key_person.last.text.startswith("Cancelled: Theme morning")
    assert team.confidant.last.text.startswith("Cancelled: Theme morning")  # no answer yet
    assert not team.backup.last.text.startswith("Cancelled")  # declined: not bothered


async def test_a_planned_broadcast_goes_out_at_its_time_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    co = team.coordinator
    await co.send("/broadcast")
    await co.choose("kind", "announcement")
    await co.send("New leaflets")
    await co.choose("to", "key")
    await co.send("There are new leaflets at the community centre.")
    await co.choose("keep")
    await co.choose("later")
    day = clock.now() + timedelta(days=2)
    [planned] = await co.send(f"{day.day}-{day.month}-{day.year} 09:00")
    assert planned.text.startswith("Planned for")
    before = len(fake_api.messages_to(team.key_person.user_id))
    await _run_clock(runtime)
    assert len(fake_api.messages_to(team.key_person.user_id)) == before
    clock.advance(timedelta(days=3))
    await _run_clock(runtime)
    assert team.key_person.last.text.startswith("From Ingrid, your coordinator: New leaflets")


async def test_blocked_recipients_are_in_the_delivery_report_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    fake_api.blocked.add(team.backup.user_id)
    co = team.coordinator
    await co.send("/broadcast")
    await co.choose("kind", "announcement")
    await co.send("New leaflets")
    await co.choose("to", "all")
    await co.send("There are new leaflets.")
    await co.choose("keep")
    await co.choose("send")
    await runtime.dispatch_outbox()
    clock.advance(timedelta(minutes=2))
    await _run_clock(runtime)
    report = next(
        m.text for m in reversed(fake_api.messages_to(co.user_id)) if "went out" in m.text
    )
    assert "Delivered: 2" in report and "Blocked the bot: 1 (Bram)" in report
    async with runtime.db.unit_of_work() as uow:
        assert not (await uow.people.get(team.ids["backup"])).reachable


async def _organisation_of(runtime, people: int, first_telegram_id: int) -> tuple[int, int]:
    """A coordinator and `people` key persons, seeded straight into the database."""
    now = runtime.clock.now()
    async with runtime.db.unit_of_work() as uow:
        org = await uow.people.add_organisation("Groot", now=now)
        author = await uow.people.add_person(
            telegram_id=first_telegram_id - 1, display_name="Ingrid", locale="en", now=now
        )
        await uow.people.add_membership(author, org, COORDINATOR)
        for n in range(people):
            person = await uow.people.add_person(
                telegram_id=first_telegram_id + n,
                display_name=f"K{n}",
                locale=("nl", "en", "ar", "tr")[n % 4],
                now=now,
            )
            await uow.people.add_membership(person, org, KEY_PERSON)
    return org, author


async def _announce(runtime, org: int, author: int) -> int:
    async with runtime.db.unit_of_work() as uow:
        broadcast = await sending.create(
            uow,
            organisation_id=org,
            author_id=author,
            kind="announcement",
            title="Nieuws",
            text="Er is nieuws.",
            versions={},
            place=None,
            starts_at=None,
            capacity=None,
            audience_="all",
            send_at=None,
            now=runtime.clock.now(),
        )
    return broadcast.id


def _copies(fake_api, first: int, people: int) -> list[int]:
    """How many copies of the broadcast each recipient got."""
    return [
        sum(1 for m in fake_api.messages_to(first + n) if "Er is nieuws." in m.text)
        for n in range(people)
    ]


async def test_a_restart_halfway_through_a_broadcast_sends_nobody_twice_e2e(
    runtime, fake_api, db, clock, tmp_path
):
    """The process dies with 250 of 500 sent and one request on the wire: the next
    process sends the other 250 (the one on the wire again), nobody gets two."""
    people, first = 500, 100_000
    org, author = await _organisation_of(runtime, people, first)
    await _announce(runtime, org, author)
    canonical, send_message = fake_api._handlers["sendmessage"]
    on_the_wire = asyncio.Event()

    async def dying(params):
        if sum(_copies(fake_api, first, people)) >= people // 2:
            on_the_wire.set()
            await asyncio.Event().wait()  # never answers: the process dies meanwhile
        return await send_message(params)

    fake_api._handlers["sendmessage"] = (canonical, dying)
    delivering = asyncio.create_task(runtime.dispatch_outbox())
    await asyncio.wait_for(on_the_wire.wait(), timeout=60)
    delivering.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await delivering
    assert sum(_copies(fake_api, first, people)) == people // 2
    fake_api._handlers["sendmessage"] = (canonical, send_message)

    clock.advance(timedelta(minutes=3))  # the dead process's claims lapse
    restarted = Runtime(make_settings(fake_api, db.url, tmp_path), clock)
    await restarted.open(upgrade=False)
    try:
        while await restarted.dispatch_outbox():
            pass
    finally:
        await restarted.close()
    assert _copies(fake_api, first, people) == [1] * people


async def test_sends_answered_with_429_are_all_delivered_in_the_end_e2e(runtime, fake_api, clock):
    people, first = 40, 200_000
    org, author = await _organisation_of(runtime, people, first)
    await _announce(runtime, org, author)
    fake_api.fail_next(
        "sendMessage",
        status=429,
        description="Too Many Requests: retry after 5",
        times=6,
        retry_after=5,
    )
    await runtime.dispatch_outbox()
    assert sum(_copies(fake_api, first, people)) < people  # some wait for retry_after
    clock.advance(timedelta(seconds=6))
    await runtime.dispatch_outbox()
    assert _copies(fake_api, first, people) == [1] * people
