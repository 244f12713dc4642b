"""Talking about a case both ways, the key person's updates, and a clean phone.
Flow tests first (engine and storage, no Telegram), then end to end."""

from __future__ import annotations

from flowkit import Office
from handling import log, picked_up, render
from sqlalchemy import select, text
from team import (
    KEY_PERSON_ID,
    alert,
    answer_until_note,
    describe,
    log_concern,
    make_team,
    newest_reference,
    no_chat_pacing,  # noqa: F401 (autouse fixture)
    open_notice,
    press,
)

from flows.cases import note
from flows.core.messages import from_json
from flows.redaction import RedactionError
from storage.models import CaseEvent

MESSAGE = "About {ref}, {name} ({role}) writes:\n\n{text}"
NASTY = "Bel Fatima Yilmaz op 06-12345678 of mail fatima@example.com, Kerkstraat 12."
IDENTIFIERS = ("Fatima", "Yilmaz", "12345678", "example.com", "Kerkstraat")


async def _messages(office: Office) -> list[tuple[int, str, str]]:
    """Every queued case message: (recipient, rendered role, text)."""
    async with office.db.unit_of_work() as uow:
        due = await uow.outbox.pending()
    out = []
    for message in due:
        queued = from_json(message.payload.get("held", message.payload))
        if queued.text.msgid == MESSAGE:
            assert queued.protect
            out.append((message.person_id, render(queued.text.params["role"]), render(queued.text)))
    return out


# --- flow tests ---------------------------------------------------------------------------


async def test_a_word_put_back_goes_in_the_message_and_one_left_out_does_not(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    confidant = office.confidant
    for put_back, expected in ((True, "bahar"), (False, "[name]")):
        await confidant.press(f"case:msg:{reference}")
        [check] = await confidant.send("Hoe gaat het nu met bahar thuis?")
        assert "[name]" in render(check.text) and "bahar thuis" not in render(check.text)
        if put_back:
            [shown] = await confidant.choose("back", "0")
            assert shown.edit and "bahar thuis" in render(shown.text)
            assert "I took out" not in render(shown.text)  # nothing is out any more
            assert all(b.data.split(":")[2] != "back" for row in shown.buttons for b in row)
        await confidant.choose("send")
        [*_, (_person, _role, text)] = await _messages(office)
        assert f"Hoe gaat het nu met {expected} thuis?" in text


async def test_messages_go_both_ways_cleaned_and_kept_encrypted(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    confidant, kp = office.confidant, office.key_person
    [question] = await confidant.press(f"case:msg:{reference}")
    assert question.text.params["name"] == "Amina"
    assert question.buttons[0][0].data.endswith(":cancel:")
    [check] = await confidant.send(NASTY)
    shown = render(check.text)
    assert check.protect and "[name]" in shown
    for identifier in IDENTIFIERS:
        assert identifier not in shown
    [sent] = await confidant.choose("send")
    assert sent.text.params == {"name": "Amina"}
    # The key person answers from the Reply button; nothing to take out, so it goes at once.
    [(person, _msgid, buttons)] = [m for m in await office.outbox() if m[1] == MESSAGE]
    assert person == kp.id and buttons == (f"case:msg:{reference}", f"case:open:{reference}")
    await kp.press(buttons[0])
    [sent] = await kp.send("Dank je, het gaat iets beter.")
    assert sent.text.params == {"name": "Saskia"}
    assert [(p, role) for p, role, _t in await _messages(office)] == [
        (kp.id, "confidant"),
        (confidant.id, "key person"),
    ]
    assert "Dank je, het gaat iets beter." in (await _messages(office))[1][2]
    # The chronology keeps both, encrypted at rest.
    async with db.unit_of_work() as uow:
        case = await uow.cases.by_reference(reference)
        kept = [(e.actor_id, e.target_id, e.body) for e in await uow.cases.events(case.id)]
    assert (confidant.id, kp.id, "Bel [name] op [phone] of mail [email], [address].") in kept
    assert (kp.id, confidant.id, "Dank je, het gaat iets beter.") in kept
    async with db.engine.connect() as conn:
        bodies = (await conn.execute(select(CaseEvent.body))).scalars().all()
        everything = " ".join(
            str(r) for r in (await conn.execute(text("SELECT * FROM case_event")))
        )
    assert len([b for b in bodies if b]) == 2
    assert "Dank je" not in everything and "[name]" not in everything


async def test_before_anyone_picked_it_up_the_key_person_writes_to_the_case_confidant(db, clock):
    office = await Office().open(db, clock)
    reference = await log(office)
    await office.key_person.press(f"case:msg:{reference}")
    await office.key_person.send("Ze belde me net op.")
    [(person, role, _text)] = await _messages(office)
    assert (person, role) == (office.confidant.id, "key person")
    [question] = await office.confidant.press(f"case:msg:{reference}")  # the Reply button
    assert question.text.params["name"] == "Amina"
    [denied] = await office.backup.press(f"case:msg:{reference}")
    assert denied.text.msgid == "This case is not available to you."


async def test_cancel_rewrite_and_what_is_never_kept(db, clock, monkeypatch):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    confidant = office.confidant
    await confidant.press(f"case:msg:{reference}")
    [stopped] = await confidant.choose("cancel")
    assert stopped.text.msgid == "Stopped. Your message was not sent."
    await confidant.press(f"case:msg:{reference}")
    [too_long] = await confidant.send("x" * 1001)
    assert too_long.text.params == {"max": 1000}
    await confidant.send("Groet aan Fatima.")
    [again] = await confidant.choose("rewrite")
    assert again.text.msgid == "Write your message again."
    hint, *_asked_again = await confidant.media("voice")
    assert "voice messages" in hint.text.msgid

    def broken(_text):
        raise RedactionError("boom")

    monkeypatch.setattr(note, "redact", broken)
    [sorry] = await confidant.send("Hoe gaat het?")
    assert sorry.text.msgid.startswith("Sorry, I could not check this text")
    monkeypatch.undo()
    await confidant.choose("cancel")
    assert await _messages(office) == []
    assert "message" not in [a for a, *_ in await office.events(reference)]


async def test_a_message_finished_after_the_case_was_closed_is_not_sent(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    await office.key_person.press(f"case:msg:{reference}")
    await office.confidant.press(f"case:decide:{reference}")
    await office.confidant.choose("decide", "close")
    await office.confidant.choose("reason", "resolved")
    await office.confidant.choose("skip")
    [reply] = await office.key_person.send("Nog één ding.")
    assert reply.text.msgid.startswith("Case {ref} is closed, so no more messages")
    assert await _messages(office) == []


async def test_the_key_person_adds_signals_or_text_and_the_handler_hears_it(db, clock):
    office = await Office().open(db, clock)
    reference = await log(office)
    kp = office.key_person
    # Before anyone picked it up: whoever it was sent to hears it.
    await kp.press(f"case:update:{reference}")
    await kp.choose("signals")
    await kp.choose("group", "child")
    await kp.choose("tick", "child.late")
    await kp.choose("back")
    [added] = await kp.choose("done")
    assert added.text.msgid == "Added to {ref}. Your confidant has been told."
    person, msgid, buttons = (await office.outbox())[-1]
    assert (person, buttons) == (office.confidant.id, (f"case:open:{reference}",))
    assert msgid == "{name} added to concern {ref}:\n{what}"
    case = await office.case(reference)
    assert case.signals == ("phys.bruises", "child.late")
    # Nothing new ticked: nothing added, nobody bothered.
    before = len(await office.outbox())
    await kp.press(f"case:update:{reference}")
    await kp.choose("signals")
    [nothing] = await kp.choose("done")
    assert nothing.text.msgid.startswith("Nothing new was chosen")
    assert len(await office.outbox()) == before
    # Picked up: the handler hears a written update, cleaned.
    await office.backup.press(f"case:ack:{reference}")  # not alerted: refused
    await office.confidant.press(f"case:ack:{reference}")
    await kp.press(f"case:update:{reference}")
    await kp.choose("note")
    [shown] = await kp.send("Haar man Ahmed schreeuwde weer.")
    assert "[name]" in render(shown.text)
    await kp.choose("keep")
    person, _msgid, _buttons = (await office.outbox())[-1]
    assert person == office.confidant.id
    async with db.unit_of_work() as uow:
        events = await uow.cases.events(case.id)
    assert [(e.action, e.body) for e in events if e.action.startswith("added")] == [
        ("added_signals", None),
        ("added_note", "Haar man [name] schreeuwde weer."),
    ]


# --- end to end ---------------------------------------------------------------------------


async def test_conversation_end_to_end_with_nasty_identifiers(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp, confidant = team.key_person, team.confidant
    reference = await log_concern(kp)
    [opened] = await confidant.tap("Open", alert(confidant))
    await confidant.tap("Acknowledge", opened)

    # The key person opens their case from /cases and writes to their confidant.
    [listing] = await kp.send("/cases")
    [own] = await kp.tap(f"{reference} openen", listing)
    assert [label for label, _data in fake_api.buttons(own)] == [
        "Bericht aan mijn vertrouwenspersoon",
        "Iets toevoegen",
    ]
    [question] = await kp.tap("Bericht aan mijn vertrouwenspersoon", own)
    assert "Saskia" in question.text
    [check] = await kp.send(NASTY)
    raw_id = check.message_id - 1
    assert [c.params["message_ids"] for c in fake_api.calls_to("deleteMessages")][-1] == [raw_id]
    assert "namen, telefoonnummers" in check.text and check.protect_content
    [sent] = await kp.choose("send")
    assert sent.text == "Verstuurd naar Saskia."
    received = await open_notice(confidant)
    assert received.text == (
        f"About {reference}, Amina (key person) writes:\n\n"
        "Bel [name] op [phone] of mail [email], [address]."
    )
    assert received.protect_content
    assert fake_api.buttons(received) == [
        ("Reply", f"case:msg:{reference}"),
        ("Open", f"case:open:{reference}"),
    ]

    # The confidant replies; nothing to take out, so it goes at once and stays in the chat.
    await confidant.tap("Reply", received)
    [sent] = await confidant.send("Thank you, I will call you tomorrow.")
    assert sent.text == "Sent to Amina."
    assert (await open_notice(kp)).text == (
        f"Over {reference} schrijft Saskia (vertrouwenspersoon):\n\n"
        "Thank you, I will call you tomorrow."
    )
    everything = [m.text for chat in (kp, confidant) for m in fake_api.messages_to(chat.user_id)]
    for identifier in IDENTIFIERS:
        assert not any(identifier in t for t in everything)
    sent_texts = " ".join(str(c.params.get("text")) for c in fake_api.calls_to("sendMessage"))
    assert not any(identifier in sent_texts for identifier in IDENTIFIERS)


async def test_a_key_person_update_reaches_the_confidant_e2e(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp, confidant = team.key_person, team.confidant
    reference = await log_concern(kp)
    await press(confidant, f"case:ack:{reference}")
    [own] = await press(kp, f"case:open:{reference}")
    await kp.tap("Iets toevoegen", own)
    await kp.choose("note")
    await kp.send("Ze is vandaag niet naar de les gekomen.")
    [added] = await kp.choose("keep")
    assert added.text == f"Toegevoegd aan {reference}. Je vertrouwenspersoon weet het."
    added = await open_notice(confidant)
    assert added.text == (
        f"Amina added to concern {reference}:\nZe is vandaag niet naar de les gekomen."
    )
    assert added.protect_content


async def test_a_clean_phone_deletes_the_concern_conversation(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    before = [m.message_id for m in fake_api.messages_to(KEY_PERSON_ID)]  # enrolment
    [danger] = await kp.send("/concern")
    command_id = danger.message_id - 1
    await kp.choose("danger", "no")
    await answer_until_note(kp, age="adult", children="no", signals=(("phys", "phys.bruises"),))
    [shown] = await kp.send("Haar buurman Ahmed zegt dat het vaak misgaat.")
    note_id = shown.message_id - 1
    # The raw note is deleted as soon as its cleaned text is kept.
    assert fake_api.calls_to("deleteMessages")[-1].params["message_ids"] == [note_id]
    assert "verwijderd" in shown.text
    await kp.choose("keep")
    await kp.choose("honour", "no")
    [receipt] = await kp.choose("confirm")
    reference = await newest_reference(runtime)
    [(label, data), *_menu] = fake_api.buttons(receipt)
    assert label == "Dit gesprek van mijn telefoon wissen"
    assert data == f"case:clean:{reference}:{command_id}"

    [] = await kp.tap("Dit gesprek van mijn telefoon wissen", receipt)
    deleted = fake_api.calls_to("deleteMessages")[-1].params["message_ids"]
    assert deleted == list(range(command_id, receipt.message_id))
    remaining = fake_api.messages_to(KEY_PERSON_ID)
    assert [m.message_id for m in remaining] == [*before, receipt.message_id]
    assert remaining[-1].text == (
        f"Je zorg {reference} is bewaard. Het gesprek erover is uit deze chat gewist."
    )
    assert kp.last_toast() == "Gewist."
    # Someone else's (forged) button cannot reach into the key person's case.
    [reply] = await press(team.confidant, f"case:clean:{reference}:1")
    assert reply.text == "This case is not available to you."


async def test_a_concern_started_from_the_menu_keeps_the_menu_message(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    [menu] = await kp.send("/help")
    [danger] = await kp.tap("Er is iets niet pluis", menu)
    await kp.choose("danger", "no")
    await describe(kp, age="adult", children="no", signals=(("phys", "phys.bruises"),))
    [receipt] = await kp.choose("confirm")
    await kp.tap("Dit gesprek van mijn telefoon wissen", receipt)
    deleted = fake_api.calls_to("deleteMessages")[-1].params["message_ids"]
    assert deleted[0] == danger.message_id and menu.message_id not in deleted
    assert menu.message_id in [m.message_id for m in fake_api.messages_to(KEY_PERSON_ID)]
