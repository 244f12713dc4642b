"""Coordinator broadcasts, through the flows and storage: invitations and announcements,
audiences by role, area, language and group, texts per language and the preview in a
reader's language, answers and the tally, capacity and the waiting list, the reminder,
an update, a cancellation, a planned broadcast and the delivery report. The end-to-end
tests through the fake Bot API are in test_broadcasts_e2e.py."""

from __future__ import annotations

from datetime import timedelta

from flowkit import Office, add_person
from scan import stored_identifiers
from team import no_chat_pacing  # noqa: F401 (autouse fixture)

from flows.core.messages import InLanguage, from_json
from flows.core.roles import KEY_PERSON

INVITATION = "Invitation from {name}, your coordinator: {title}\n{time}, {place}\n\n{text}"
ANNOUNCEMENT = "From {name}, your coordinator: {title}\n\n{text}"
REMINDER = "A reminder: {title}, {time}, {place}. See you there!"
OFFERED = "A place opened up for {title}, {time}. It is yours if you answer before {until}."


async def compose(
    office: Office,
    *,
    kind: str = "invitation",
    audience: tuple[str, str] = ("to", "all"),
    capacity: str | None = None,
    text: str = "Welkom! Koffie staat klaar.",
    days: int = 7,
) -> list:
    """Everything up to the preview; returns the preview."""
    co = office.coordinator
    await co.command("broadcast")
    await co.choose("kind", kind)
    await co.send("Themaochtend loverboys")
    if kind == "invitation":
        await co.choose("day", (office.clock.now() + timedelta(days=days)).date().isoformat())
        await co.choose("hour", "10")
        await co.choose("minute", "0")
        await co.send("Buurthuis De Pijp")
        if capacity is None:
            await co.choose("none")
        else:
            await co.send(capacity)
    await co.choose(*audience)
    await co.send(text)
    return await co.choose("keep")


async def invite(office: Office, **kw) -> int:
    await compose(office, **kw)
    [sent] = await office.coordinator.choose("send")
    assert sent.text.msgid == "Sent to {n} person." or sent.text.plural == "Sent to {n} people."
    async with office.db.unit_of_work() as uow:
        [newest] = await uow.broadcasts.recent(office.org, limit=1)
    return newest.id


async def queued(office: Office, before: int = 0) -> list[tuple[int, str]]:
    return [(p, m) for p, m, _b in (await office.outbox())[before:]]


async def answers(office: Office, broadcast: int) -> dict[int, str | None]:
    async with office.db.unit_of_work() as uow:
        return (await uow.broadcasts.get(broadcast)).answers


async def test_an_invitation_answers_overview_names_and_cancel(db, clock):
    office = await Office().open(db, clock)
    [preview] = await compose(office, text="Vragen? Bel Fatima op 0612345678 of fatima@example.org")
    assert preview.text.msgid == "This is what {name} will see:\n\n{message}"
    shown = preview.text.params["message"]
    assert isinstance(shown, InLanguage) and shown.code == "en"
    assert "[phone]" in shown.text.params["text"].params["value"]
    await office.coordinator.choose("send")
    broadcast = (await answers_of_newest(office))[0]
    others = {office.confidant.id, office.backup.id, office.key_person.id}
    assert set(await queued(office)) == {(p, INVITATION) for p in others}  # not the sender
    assert await stored_identifiers(db, ["0612345678", "fatima@example.org"]) == []
    [thanks] = await office.key_person.press(f"bc:yes:{broadcast}")
    assert thanks.text.msgid.startswith("Thank you. See you on {time}.")
    assert thanks.document.filename == f"B{broadcast}.ics"
    await office.confidant.press(f"bc:maybe:{broadcast}")
    await office.backup.press(f"bc:no:{broadcast}")
    [forged] = await office.coordinator.press(f"bc:yes:{broadcast}")
    assert forged.text.msgid == "This case is not available to you."
    await office.coordinator.command("broadcast")
    [overview] = await office.coordinator.choose("overview")
    params = overview.text.params
    assert (params["yes"], params["maybe"], params["no"], params["none"]) == (1, 1, 1, 0)
    [names] = await office.coordinator.press(f"bc:names:{broadcast}")
    assert names.text.params["yes"].items[0].params["value"] == "Amina"
    before = len(await office.outbox())
    [cancelled] = await office.coordinator.press(f"bc:cancel:{broadcast}")
    assert cancelled.text.msgid.startswith("The invitation is cancelled")
    told = {p for p, _m in await queued(office, before)}
    assert told == {office.key_person.id, office.confidant.id}  # not who declined
    [again] = await office.coordinator.press(f"bc:cancel:{broadcast}")  # a double tap
    assert again.text.msgid == "This invitation is cancelled."
    assert len(await office.outbox()) == before + 2
    [late] = await office.key_person.press(f"bc:yes:{broadcast}")
    assert late.text.msgid == "This invitation is cancelled."


async def answers_of_newest(office: Office) -> tuple[int, dict]:
    async with office.db.unit_of_work() as uow:
        [newest] = await uow.broadcasts.recent(office.org, limit=1)
    return newest.id, newest.answers


async def test_an_announcement_to_key_persons_has_no_answers(db, clock):
    office = await Office().open(db, clock)
    await compose(office, kind="announcement", audience=("to", "key"))
    await office.coordinator.choose("send")
    [(person, msgid, buttons)] = await office.outbox()
    assert (person, msgid, buttons) == (office.key_person.id, ANNOUNCEMENT, ())


async def test_audiences_by_area_language_and_group(db, clock):
    office = await Office().open(db, clock)
    async with db.unit_of_work() as uow:
        await uow.people.set_area(office.key_person.id, "De Pijp")
        await uow.people.set_area(office.backup.id, "Noord")
        await uow.people.set_area(office.confidant.id, "Zuid")
        await uow.people.set_locale(office.backup.id, "ar")
        group = await uow.intervision.add_group(
            office.org, "Dinsdaggroep", office.confidant.id, [office.key_person.id], now=clock.now()
        )
    co = office.coordinator
    await co.command("broadcast")
    await co.choose("kind", "announcement")
    await co.send("Buurtavond")
    await co.choose("areas")
    [question] = await co.choose("area", "0")  # De Pijp, in alphabetical order
    assert question.text.msgid == "Which areas? Tap to tick or untick, then Done."
    await co.choose("area", "1")  # Noord
    await co.send("Tot dan.")
    # Text at a tap-only step is refused kindly; the ticks stay.
    await co.choose("done")
    await co.send("Tot dan.")
    await co.choose("keep")
    await co.choose("send")
    assert {p for p, _m in await queued(office)} == {office.key_person.id, office.backup.id}

    before = len(await office.outbox())
    await co.command("broadcast")
    await co.choose("kind", "announcement")
    await co.send("مرحبا")
    await co.choose("languages")
    await co.choose("lang", "ar")
    await co.send("Tot dan.")
    await co.choose("keep")
    await co.choose("send")
    assert {p for p, _m in await queued(office, before)} == {office.backup.id}

    before = len(await office.outbox())
    await co.command("broadcast")
    await co.choose("kind", "announcement")
    await co.send("Intervisie")
    await co.choose("groups")
    await co.choose("group", str(group.id))
    await co.send("Tot dan.")
    await co.choose("keep")
    await co.choose("send")
    assert {p for p, _m in await queued(office, before)} == {
        office.key_person.id,
        office.confidant.id,  # the facilitator
    }


async def test_a_version_per_language_and_the_preview_as_a_reader_sees_it(db, clock):
    office = await Office().open(db, clock)
    async with db.unit_of_work() as uow:
        await uow.people.set_locale(office.key_person.id, "ar")
    co = office.coordinator
    [preview] = await compose(office, text="Welcome, coffee is ready.")
    assert preview.text.params["message"].code == "en"  # the coordinator's own, present
    await co.choose("version")
    await co.choose("lang", "ar")
    await co.send("أهلا وسهلا، القهوة جاهزة")
    [preview] = await co.choose("keep")
    shown = preview.text.params["message"]
    assert shown.code == "ar" and preview.text.params["name"] == "Amina"
    assert shown.text.params["text"].params["value"] == "أهلا وسهلا، القهوة جاهزة"
    [preview] = await co.choose("see", "en")
    assert preview.text.params["message"].text.params["text"].params["value"] == (
        "Welcome, coffee is ready."
    )
    await co.choose("send")
    async with db.unit_of_work() as uow:
        texts = {
            m.person_id: from_json(m.payload).text.params["text"].params["value"]
            for m in await uow.outbox.pending()
        }
    assert texts[office.key_person.id] == "أهلا وسهلا، القهوة جاهزة"
    assert texts[office.confidant.id] == "Welcome, coffee is ready."


async def test_a_full_invitation_has_a_waiting_list_that_moves_up(db, clock):
    office = await Office().open(db, clock)
    broadcast = await invite(office, capacity="1")
    kp, confidant, backup = office.key_person, office.confidant, office.backup
    await kp.press(f"bc:yes:{broadcast}")
    [waiting] = await confidant.press(f"bc:yes:{broadcast}")
    assert waiting.text.msgid.startswith("Every place is taken.") and waiting.text.params["n"] == 1
    [second] = await backup.press(f"bc:yes:{broadcast}")
    assert second.text.params["n"] == 2
    [again] = await backup.press(f"bc:yes:{broadcast}")  # a double tap keeps the place in line
    assert again.text.params["n"] == 2
    before = len(await office.outbox())
    await kp.press(f"bc:no:{broadcast}")
    assert (confidant.id, OFFERED) in await queued(office, before)
    assert (await answers(office, broadcast))[confidant.id] == "offered"
    [taken] = await confidant.press(f"bc:take:{broadcast}")
    assert taken.document is not None  # the calendar file
    assert (await answers(office, broadcast))[confidant.id] == "yes"
    before = len(await office.outbox())
    await confidant.press(f"bc:maybe:{broadcast}")
    assert (backup.id, OFFERED) in await queued(office, before)
    clock.advance(timedelta(days=1, minutes=1))  # the offer runs out
    await office.engine.run_due_timers()
    assert (await answers(office, broadcast))[backup.id] is None
    assert (await answers(office, broadcast))[kp.id] == "no"
    await office.coordinator.command("broadcast")
    [overview] = await office.coordinator.choose("overview")
    assert overview.text.params["places"].params == {"taken": 0, "capacity": 1, "waiting": 0}


async def test_the_reminder_goes_the_day_before_to_who_is_coming_or_maybe(db, clock):
    office = await Office().open(db, clock)
    broadcast = await invite(office, days=3)
    await office.key_person.press(f"bc:yes:{broadcast}")
    await office.confidant.press(f"bc:maybe:{broadcast}")
    await office.backup.press(f"bc:no:{broadcast}")
    before = len(await office.outbox())
    clock.advance(timedelta(days=2, hours=1))
    await office.engine.run_due_timers()
    reminded = {p for p, m in await queued(office, before) if m == REMINDER}
    assert reminded == {office.key_person.id, office.confidant.id}
    clock.advance(timedelta(hours=2))
    await office.engine.run_due_timers()  # once only
    assert len([m for _p, m in await queued(office, before) if m == REMINDER]) == 2


async def test_an_update_goes_to_the_same_audience_but_not_who_declined(db, clock):
    office = await Office().open(db, clock)
    broadcast = await invite(office)
    await office.backup.press(f"bc:no:{broadcast}")
    before = len(await office.outbox())
    await office.coordinator.press(f"bc:update:{broadcast}")
    await office.coordinator.send("We beginnen een half uur later, om 10:30.")
    await office.coordinator.choose("keep")
    [done] = await office.coordinator.choose("send")
    assert done.text.params["n"] == 2
    told = await queued(office, before)
    update = "Update from {name}, your coordinator, about {title}:\n\n{text}"
    assert set(told) == {(office.key_person.id, update), (office.confidant.id, update)}


async def test_a_planned_broadcast_goes_out_at_its_time_with_the_audience_of_then(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await compose(office, kind="announcement", audience=("to", "key"))
    await co.choose("later")
    await co.choose("day", (clock.now() + timedelta(days=2)).date().isoformat())
    await co.choose("hour", "9")
    [planned] = await co.choose("minute", "0")
    assert planned.text.msgid.startswith("Planned for {time}.")
    assert await office.outbox() == []
    newcomer = await add_person(db, clock, 31, "Bilal", KEY_PERSON, office.org)
    clock.advance(timedelta(days=3))
    await office.engine.run_due_timers()
    assert {p for p, _m in await queued(office)} == {office.key_person.id, newcomer}


async def test_a_planned_broadcast_can_be_cancelled_before_it_goes(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await compose(office, kind="announcement")
    await co.choose("later")
    await co.choose("day", (clock.now() + timedelta(days=2)).date().isoformat())
    await co.choose("hour", "9")
    await co.choose("minute", "0")
    broadcast, _answers = await answers_of_newest(office)
    [gone] = await co.press(f"bc:cancel:{broadcast}")
    assert gone.text.msgid == "It is cancelled; nobody got it."
    clock.advance(timedelta(days=3))
    await office.engine.run_due_timers()
    assert await office.outbox() == []


async def test_the_author_hears_answers_and_how_delivery_went(db, clock):
    office = await Office().open(db, clock)
    broadcast = await invite(office, audience=("to", "key"))
    await office.key_person.press(f"bc:yes:{broadcast}")
    news = [m for p, m in await queued(office) if p == office.coordinator.id]
    assert news == ["{name} is coming to {title}."]
    async with db.unit_of_work() as uow:  # as the dispatcher does: one sent, one blocked
        [message] = [m for m in await uow.outbox.pending() if m.person_id != office.coordinator.id]
        await uow.outbox.give_up(message.id, status="unreachable", error="forbidden")
    clock.advance(timedelta(minutes=2))
    await office.engine.run_due_timers()
    [(_p, report)] = [(p, m) for p, m in await queued(office) if p == office.coordinator.id][1:]
    assert report == "{title} went out. {delivery}"


async def test_wrong_answers_are_refused_kindly(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await co.command("broadcast")
    await co.choose("kind", "invitation")
    [refused] = await co.send("x" * 81)
    assert refused.text.msgid == "Please send a title of 1 to {max} characters."
    await co.send("Themaochtend")
    await co.choose("day", (clock.now() + timedelta(days=7)).date().isoformat())
    await co.choose("hour", "10")
    await co.choose("minute", "0")
    await co.choose("skip")
    [refused] = await co.send("veel")
    assert refused.text.msgid == "Please type a number of places, such as 20, or tap No limit."
    [audience] = await co.send("12")
    assert audience.text.msgid == "Who should get it?"
    [stale] = await office.key_person.press("bc:yes:999")
    assert stale.text.msgid == "This case is not available to you."
    [not_yours] = await office.key_person.press("bc:names:1")
    assert not_yours.text.msgid == "This case is not available to you."


async def test_people_who_are_paused_or_the_author_get_nothing(db, clock):
    office = await Office().open(db, clock)
    async with db.unit_of_work() as uow:
        await uow.people.set_active(office.backup.id, False, now=clock.now())
    await invite(office)
    assert {p for p, _m in await queued(office)} == {office.key_person.id, office.confidant.id}
