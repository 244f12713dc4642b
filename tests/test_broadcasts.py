"""Coordinator broadcasts: an invitation to a mixed audience in each reader's language,
answers and the tally, a cancellation, and an announcement."""

from __future__ import annotations

from datetime import timedelta

from flowkit import Office
from scan import stored_identifiers
from team import make_team, no_chat_pacing  # noqa: F401 (autouse fixture)

INVITATION = "Invitation from {name}, your coordinator: {title}\n{time}, {place}\n\n{text}"


async def _invite(office: Office, audience: str = "all") -> int:
    co = office.coordinator
    await co.command("broadcast")
    await co.choose("kind", "invitation")
    await co.send("Themaochtend loverboys, vragen aan fatima@example.org")
    await co.choose("day", (office.clock.now() + timedelta(days=7)).date().isoformat())
    await co.choose("hour", "10")
    await co.choose("minute", "0")
    await co.send("Buurthuis De Pijp")
    await co.choose("to", audience)
    await co.send("Welkom! Koffie staat klaar. Vragen? Bel Fatima op 0612345678.")
    [preview] = await co.choose("keep")
    assert preview.text.msgid == "This is what they will see:\n\n{message}"
    assert "[phone]" in preview.text.params["message"].params["text"].params["value"]
    [sent] = await co.choose("send")
    assert sent.text.plural == "Sent to {n} people."
    [(_p, _m, buttons)] = (await office.outbox())[-1:]
    return int(buttons[0].split(":")[2])


async def test_an_invitation_answers_tally_and_cancel(db, clock):
    office = await Office().open(db, clock)
    broadcast = await _invite(office)
    queued = {(p, m) for p, m, _b in await office.outbox()}
    others = {office.confidant.id, office.backup.id, office.key_person.id}
    assert queued == {(p, INVITATION) for p in others}  # everyone but the sender, once
    assert await stored_identifiers(db, ["0612345678", "fatima@example.org"]) == []
    [thanks] = await office.key_person.press(f"bc:yes:{broadcast}")
    assert thanks.text.msgid == "Thank you for letting us know."
    await office.confidant.press(f"bc:maybe:{broadcast}")
    await office.backup.press(f"bc:no:{broadcast}")
    [forged] = await office.coordinator.press(f"bc:yes:{broadcast}")
    assert forged.text.msgid == "This case is not available to you."
    await office.coordinator.command("broadcast")
    [tally] = await office.coordinator.choose("tally")
    params = tally.text.params
    assert (params["yes"], params["maybe"], params["no"], params["none"]) == (1, 1, 1, 0)
    assert params["names"].items == ("Amina",)
    before = len(await office.outbox())
    [cancelled] = await office.coordinator.press(f"bc:cancel:{broadcast}")
    assert cancelled.text.msgid.startswith("The invitation is cancelled")
    told = {p for p, _m, _b in (await office.outbox())[before:]}
    assert told == {office.key_person.id, office.confidant.id}  # not who declined
    [late] = await office.key_person.press(f"bc:yes:{broadcast}")
    assert late.text.msgid == "This invitation is cancelled."


async def test_an_announcement_to_key_persons_has_no_answers(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await co.command("broadcast")
    await co.choose("kind", "announcement")
    await co.send("Nieuwe folders")
    await co.choose("to", "key")
    await co.send("Er liggen nieuwe folders in het buurthuis.")
    await co.choose("keep")
    await co.choose("send")
    [(person, msgid, buttons)] = await office.outbox()
    assert (person, msgid, buttons) == (
        office.key_person.id,
        "From {name}, your coordinator: {title}\n\n{text}",
        (),
    )


async def test_a_multilingual_invitation_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api)  # the key person reads Dutch, the rest English
    co = team.coordinator
    await co.send("/broadcast")
    await co.choose("kind", "invitation")
    await co.send("Theme morning")
    day = clock.now() + timedelta(days=10)
    await co.send(f"{day.day}-{day.month}-{day.year} 10:00")
    await co.choose("skip")
    await co.choose("to", "all")
    await co.send("Welcome, coffee is ready.")
    await co.choose("keep")
    await co.choose("send")
    await runtime.dispatch_outbox()
    assert team.confidant.last.text.startswith("Invitation from Ingrid, your coordinator")
    assert team.key_person.last.text.startswith("Uitnodiging van Ingrid")
    assert (
        "10:00" in team.key_person.last.text
        and "Welcome, coffee is ready." in team.key_person.last.text
    )
    await team.confidant.tap("Coming")
    await co.send("/broadcast")
    [tally] = await co.choose("tally")
    assert "Saskia" in tally.text
