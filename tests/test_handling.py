"""The confidant handles a case to the end: assessment, each decision, the follow-up on
the clock, the directory and the anonymised summary, reassigning, and who may do what.
Flow tests first (engine and storage, no Telegram), then the whole path end to end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flowkit import Office, add_person
from handling import log, picked_up, render, talker, tick
from sqlalchemy import text
from team import (
    alert,
    log_concern,
    make_team,
    no_chat_pacing,  # noqa: F401 (autouse fixture)
    open_notice,
    press,
)

from flows.core.engine import STALE
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON

NOT_AVAILABLE = "This case is not available to you."
CLOSED = "Case {ref} is closed."
FOLLOW_UP_HANDLER = "Today is the follow-up day of {ref}. How is it going? Decide the next step."
FOLLOW_UP_KEY_PERSON = (
    "Today {name} follows up on your concern {ref}. If there is news, you can tell them here."
)


async def _decide(office: Office, reference: str, *choices: tuple[str, str]) -> list:
    await office.confidant.press(f"case:decide:{reference}")
    replies = []
    for action, arg in choices:
        replies = await office.confidant.choose(action, arg)
    return replies


async def _assess(office: Office, reference: str, risk: str = "medium") -> None:
    confidant = office.confidant
    await confidant.press(f"case:assess:{reference}")
    await confidant.choose("risk", risk)
    await confidant.choose("done")
    await confidant.choose("skip")


# --- assessment ---------------------------------------------------------------------------


async def test_assessment_records_risk_confirmed_signals_and_a_cleaned_note(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    confidant = office.confidant
    [question] = await confidant.press(f"case:assess:{reference}")
    assert [b.data.split(":")[3] for row in question.buttons for b in row] == [
        "low",
        "medium",
        "high",
        "acute",
    ]
    _hint, picker = await confidant.choose("risk", "acute")
    assert "Bruises or injuries" in render(picker.text)  # the key person's signals, ticked
    await confidant.choose("group", "honour")
    await confidant.choose("tick", "honour.threat")
    await confidant.choose("back")
    await confidant.choose("done")
    [shown] = await confidant.send("Volgens Fatima is het ernstig, bel 0612345678.")
    assert "Fatima" not in render(shown.text) and "names, phone numbers" in render(shown.text)
    acute, recorded = await confidant.choose("keep")
    assert "112" in acute.text.msgid
    assert recorded.buttons[0][0].data == f"case:decide:{reference}"
    case = await office.case(reference)
    assert case.risk == "acute" and case.honour
    assert case.signals == ("phys.bruises", "honour.threat")
    async with db.unit_of_work() as uow:
        [event] = [e for e in await uow.cases.events(case.id) if e.action.startswith("assessed")]
    assert event.action == "assessed.acute" and event.actor_id == confidant.id
    assert event.body == "Volgens [name] is het ernstig, bel [phone]."
    async with db.engine.connect() as conn:
        stored = (await conn.execute(text("SELECT body FROM case_event"))).scalars().all()
    assert [b for b in stored if b] and not any("Volgens" in b for b in stored if b)


# --- decisions ----------------------------------------------------------------------------


async def test_monitor_sets_one_follow_up_that_reminds_handler_and_key_person(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    [done] = await _decide(office, reference, ("decide", "monitor"), ("when", "2w"))
    assert done.text.params["date"] == clock.now() + timedelta(weeks=2)
    await _decide(office, reference, ("decide", "monitor"), ("when", "1w"))  # replaces it
    case = await office.case(reference)
    assert case.status == "monitoring" and case.follow_up_at == clock.now() + timedelta(weeks=1)
    told = [m for p, m, _b in await office.outbox() if p == office.key_person.id]
    assert told[-1].startswith("{name} keeps following your concern {ref}")
    assert await tick(office, timedelta(days=6)) == []
    assert await tick(office, timedelta(days=1)) == [
        (office.confidant.id, FOLLOW_UP_HANDLER),
        (office.key_person.id, FOLLOW_UP_KEY_PERSON),
    ]
    assert await tick(office, timedelta(days=30)) == []
    [_created, *_rest, last] = await office.events(reference)
    assert last == ("follow_up", None, office.confidant.id)
    [listing] = await office.key_person.command("cases")
    assert listing.text.params["lines"][0].params["status"].msgid.startswith("being followed")


async def test_consult_shows_whom_to_call_and_an_anonymised_summary(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office, note="Ze heeft blauwe plekken op haar armen.")
    await office.confidant.press(f"case:msg:{reference}")
    await office.confidant.send("Kun je vertellen hoe het nu gaat?")
    await office.key_person.press(f"case:msg:{reference}")
    await office.key_person.send("Het gaat slechter, ze huilt vaak.")
    await _assess(office, reference, "high")
    async with db.unit_of_work() as uow:
        await uow.directory.add(
            office.org, kind="neighbourhood_team", name="Buurtteam Noord", phone="020 555 1234",
            now=clock.now(),
        )  # fmt: skip
        await uow.directory.add(
            office.org, kind="child_abuse", name="Kindpunt", phone="020 555 9999", now=clock.now()
        )
        other = await uow.people.add_organisation("Elders", now=clock.now())
        await uow.directory.add(
            other, kind="neighbourhood_team", name="Wijkteam Elders", phone="010 555 0000",
            now=clock.now(),
        )  # fmt: skip
    [kinds] = await _decide(office, reference, ("decide", "consult"))
    offered = [b.data.split(":")[3] for row in kinds.buttons for b in row]
    assert offered == ["child_abuse", "neighbourhood_team", "veilig_thuis"]
    hint, again = await office.confidant.press(kinds.buttons[0][0].data.replace("child", "elder"))
    assert hint.text.msgid == "Please use the buttons of the last question."  # not in the list
    assert again == kinds
    [shown] = await office.confidant.choose("kind", "neighbourhood_team")
    assert shown.protect
    shown_text = render(shown.text)
    assert "Buurtteam Noord: 020 555 1234" in shown_text and "Elders" not in shown_text
    summary = render(shown.text.params["summary"])
    for fact in ("F.K.", "Child under 12", "Children in the household: Yes", "Bruises"):
        assert fact in summary
    assert "picked up by the confidant" in summary and "assessed: risk high" in summary
    for secret in ("blauwe plekken", "vertellen", "huilt", "Amina", "Saskia", "Relation"):
        assert secret not in summary, secret
    # Veilig Thuis is always there; the key person heard once that advice is asked.
    [national] = await _decide(office, reference, ("decide", "consult"), ("kind", "veilig_thuis"))
    assert "Veilig Thuis: 0800-2000" in render(national.text)
    told = [m for p, m, _b in await office.outbox() if p == office.key_person.id]
    assert sum(m.startswith("{name} is asking a professional") for m in told) == 1
    actions = [a for a, _actor, _t in await office.events(reference)]
    assert [a for a in actions if a.startswith("consulted")] == [
        "consulted.neighbourhood_team",
        "consulted.veilig_thuis",
    ]
    assert (await office.case(reference)).status == "acknowledged"


async def test_a_professional_took_over_then_a_report_was_made(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    await _decide(office, reference, ("decide", "monitor"), ("when", "1w"))
    [recorded] = await _decide(office, reference, ("decide", "took_over"))
    assert recorded.text.msgid == "Recorded for {ref}."
    await _decide(office, reference, ("decide", "reported"))
    assert (await office.case(reference)).status == "referred"
    told = [m for p, m, _b in await office.outbox() if p == office.key_person.id]
    assert sum(m.startswith("A professional is now involved") for m in told) == 1
    assert await tick(office, timedelta(weeks=2)) == []  # the follow-up was dropped
    actions = [a for a, _actor, _t in await office.events(reference)]
    assert actions[-2:] == ["took_over", "reported"]
    [listing] = await office.key_person.command("cases")
    assert listing.text.params["lines"][0].params["status"].msgid == "a professional is involved"


@pytest.mark.parametrize("farewell", [None, "Goed dat je het meldde."])
async def test_close_with_a_reason_tells_the_key_person_and_ends_the_case(db, clock, farewell):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    await _decide(office, reference, ("decide", "monitor"), ("when", "1w"))
    await _decide(office, reference, ("decide", "close"), ("reason", "resolved"))
    if farewell is None:
        [closed] = await office.confidant.choose("skip")
    else:
        [closed] = await office.confidant.send(farewell)
    assert closed.text.msgid == "{ref} is closed. The key person has been told."
    case = await office.case(reference)
    assert case.status == "closed" and case.closed_at == clock.now()
    person, msgid, _buttons = (await office.outbox())[-1]
    assert person == office.key_person.id
    assert msgid.startswith("Your concern {ref} is closed.")
    assert ("{text}" in msgid) == (farewell is not None)
    assert await tick(office, timedelta(weeks=2)) == []
    async with db.unit_of_work() as uow:
        last = (await uow.cases.events(case.id))[-1]
    assert (last.action, last.body) == ("closed.resolved", farewell)
    # Nothing more can happen to it; the buttons that remain say so.
    for who, action in [
        (office.confidant, "msg"),
        (office.confidant, "assess"),
        (office.confidant, "decide"),
        (office.key_person, "msg"),
        (office.key_person, "update"),
    ]:
        [reply] = await who.press(f"case:{action}:{reference}")
        assert reply.text.msgid == CLOSED, action
    [opened] = await office.confidant.press(f"case:open:{reference}")
    assert [b.data for row in opened.buttons for b in row] == [f"case:log:{reference}"]
    [own] = await office.key_person.press(f"case:open:{reference}")
    assert own.buttons == () and own.text.params["status"].msgid == "closed"


async def test_a_farewell_with_identifiers_is_shown_cleaned_before_it_goes(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    await _decide(office, reference, ("decide", "close"), ("reason", "no_concern"))
    [check] = await office.confidant.send("Groetjes aan Fatima, 0612345678")
    assert "[name]" in render(check.text) and "Fatima" not in render(check.text)
    await office.confidant.choose("rewrite")
    await office.confidant.send("Fijn dat het goed gaat.")
    case = await office.case(reference)
    assert case.status == "closed"
    events = await office.events(reference)
    assert events[-1][0] == "closed.no_concern"


# --- reassigning --------------------------------------------------------------------------


async def _escalate_to_coordinator(office: Office) -> str:
    reference = await log(office)
    for _step in ("reminder", "backup", "coordinators"):
        await tick(office, timedelta(minutes=240))
    return reference


async def test_the_coordinator_passes_an_escalated_case_on_and_the_chain_restarts(db, clock):
    office = await Office().open(db, clock)
    reference = await log(office)
    [early] = await office.coordinator.press(f"case:reassign:{reference}")
    assert early.text.msgid == NOT_AVAILABLE  # not escalated to her yet
    for _step in ("reminder", "backup", "coordinators"):
        await tick(office, timedelta(minutes=240))
    [opened] = await office.coordinator.press(f"case:open:{reference}")
    assert f"case:reassign:{reference}" in [b.data for row in opened.buttons for b in row]
    [question] = await office.coordinator.press(f"case:reassign:{reference}")
    names = [b.label.params["value"] for row in question.buttons[:-1] for b in row]
    assert names == ["Saskia", "Bram"]
    before = len(await office.outbox())
    [done] = await office.coordinator.choose("pick", str(office.backup.id))
    assert done.text.params["name"] == "Bram"
    case = await office.case(reference)
    assert (case.status, case.confidant_id, case.handler_id) == ("open", office.backup.id, None)
    [(person, msgid, buttons)] = (await office.outbox())[before:]
    assert person == office.backup.id and "passed on to you" in msgid
    assert buttons == (f"case:open:{reference}", f"case:ack:{reference}")
    assert await tick(office, timedelta(minutes=240)) == [
        (office.backup.id, "Reminder: concern {ref} from {name} is still waiting to be picked up.")
    ]
    await office.backup.press(f"case:ack:{reference}")
    told = [m for p, m, _b in await office.outbox() if p == office.key_person.id]
    assert told[-1] == "{name} has picked up your concern {ref}."
    assert ("reassigned", office.coordinator.id, office.backup.id) in await office.events(reference)


async def test_whoever_handled_it_before_is_told_and_loses_the_handling(db, clock):
    office = await Office().open(db, clock)
    reference = await _escalate_to_coordinator(office)
    await office.backup.press(f"case:ack:{reference}")
    await office.coordinator.press(f"case:reassign:{reference}")
    await office.coordinator.choose("pick", str(office.confidant.id))
    told = [m for p, m, _b in await office.outbox() if p == office.backup.id]
    assert told[-1] == "{name} passed {ref} on to {other}."
    [reply] = await office.backup.press(f"case:assess:{reference}")
    assert reply.text.msgid == NOT_AVAILABLE
    [reply] = await office.coordinator.press(f"case:reassign:{reference}")
    await office.coordinator.choose("cancel")
    assert (await office.case(reference)).confidant_id == office.confidant.id


# --- who may do what ----------------------------------------------------------------------

ACTIONS = ("open", "ack", "log", "msg", "assess", "decide", "update", "reassign", "clean")


async def test_every_role_against_every_case_action_with_forged_buttons(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    olga = await add_person(db, clock, 22, "Olga", CONFIDANT, office.org)
    bilal = await add_person(db, clock, 31, "Bilal", KEY_PERSON, office.org, confidant_id=olga)
    async with db.unit_of_work() as uow:
        elsewhere = await uow.people.add_organisation("Elders", now=clock.now())
    kees = await add_person(db, clock, 11, "Kees", COORDINATOR, elsewhere)
    allowed = {
        office.confidant.id: {"open", "ack", "log", "msg", "assess", "decide"},
        office.key_person.id: {"open", "msg", "update", "clean"},
    }
    people = [
        office.confidant,
        office.key_person,
        office.backup,  # a confidant, but neither assigned nor alerted
        office.coordinator,  # not escalated to her
        talker(office, 22, olga),
        talker(office, 31, bilal),
        talker(office, 11, kees),
    ]
    refused = []
    for person in people:
        for action in ACTIONS:
            replies = await person.press(f"case:{action}:{reference}:1")
            await person.command("cancel")  # leave any conversation the button opened
            mine = allowed.get(person.id, set())
            assert (replies[0].text.msgid == NOT_AVAILABLE) == (action not in mine), (
                person.id,
                action,
                replies[0].text.msgid,
            )
            if action not in mine:
                refused.append(person.id)
    denied = [actor for action, actor, _t in await office.events(reference) if action == "denied"]
    assert denied == refused and len(refused) == 7 * 9 - 10
    # Unknown references and actions give nothing away and touch no case.
    for data in ("case:msg:ZZZZ", "case:burn:" + reference, "case:", "case:msg:"):
        [reply] = await office.key_person.press(data)
        assert reply.text.msgid == NOT_AVAILABLE
    assert len([a for a, *_ in await office.events(reference) if a == "denied"]) == len(refused)


async def test_a_conversation_checks_again_before_it_acts(db, clock):
    """The confidant starts an assessment; meanwhile the case is passed on to Bram."""
    office = await Office().open(db, clock)
    reference = await _escalate_to_coordinator(office)
    await office.confidant.press(f"case:ack:{reference}")
    await office.confidant.press(f"case:assess:{reference}")
    await office.confidant.choose("risk", "low")
    await office.coordinator.press(f"case:reassign:{reference}")
    await office.coordinator.choose("pick", str(office.backup.id))
    await office.confidant.choose("done")
    [reply] = await office.confidant.choose("skip")
    assert reply.text.msgid == NOT_AVAILABLE
    assert (await office.case(reference)).risk is None
    assert (await office.events(reference))[-1][:2] == ("denied", office.confidant.id)


async def test_old_buttons_pressed_again(db, clock):
    office = await Office().open(db, clock)
    reference = await picked_up(office)
    confidant = office.confidant
    await confidant.press(f"case:decide:{reference}")
    monitor = confidant.button("decide", "monitor")
    await confidant.choose("decide", "monitor")
    week = confidant.button("when", "1w")
    await confidant.choose("when", "1w")
    for old in (monitor, week):
        [reply] = await confidant.press(old)
        assert reply.text == STALE
    [again] = await confidant.press(f"case:ack:{reference}")
    assert again.text.msgid == "You are already handling {ref}."
    assert [a for a, *_ in await office.events(reference)].count("monitor.1w") == 1


# --- end to end ---------------------------------------------------------------------------

NASTY = "Bel Fatima Yilmaz op 06-12345678 of mail fatima@example.com, Kerkstraat 12."
IDENTIFIERS = ("Fatima", "Yilmaz", "12345678", "example.com", "Kerkstraat")


async def test_the_whole_path_end_to_end(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api)
    kp, confidant = team.key_person, team.confidant
    reference = await log_concern(kp, note="Ze heeft blauwe plekken op haar armen.")
    [opened] = await confidant.tap("Open", alert(confidant))
    await confidant.tap("Acknowledge", opened)
    assert (await open_notice(kp)).text == f"Saskia heeft je zorg {reference} opgepakt."

    # Messages both ways, cleaned, protected, in each reader's language.
    [opened] = await press(confidant, f"case:open:{reference}")
    await confidant.tap("Message the key person", opened)
    [check] = await confidant.send(NASTY)
    assert "names, phone numbers, e-mail addresses, addresses" in check.text
    await confidant.choose("send")
    received = await open_notice(kp)
    assert received.text.startswith(f"Over {reference} schrijft Saskia (vertrouwenspersoon):")
    assert received.protect_content and "[name]" in received.text
    await kp.tap("Antwoorden", received)
    [sent] = await kp.send("Het gaat slechter met haar.")
    assert "Saskia" in sent.text
    assert (await open_notice(confidant)).text == (
        f"About {reference}, Amina (key person) writes:\n\nHet gaat slechter met haar."
    )

    # Assessment, then monitor: the follow-up comes on the clock.
    [opened] = await press(confidant, f"case:open:{reference}")
    await confidant.tap("Record assessment", opened)
    await confidant.choose("risk", "high")
    await confidant.choose("done")
    [recorded] = await confidant.choose("skip")
    await confidant.tap("Decide next step", recorded)
    await confidant.choose("decide", "monitor")
    await confidant.choose("when", "1w")
    assert "blijft je zorg" in (await open_notice(kp)).text
    clock.advance(timedelta(weeks=1))
    await runtime.tick()
    await runtime.dispatch_outbox()
    assert confidant.last.text.startswith(f"Today is the follow-up day of {reference}")
    assert (await open_notice(kp)).text.startswith(f"Vandaag volgt Saskia je zorg {reference} op")

    # Consult: the directory and a summary with no note, no messages, no names.
    async with runtime.db.unit_of_work() as uow:
        await uow.directory.add(
            team.org, kind="veilig_thuis", name="Veilig Thuis Amsterdam", phone="0800-2000",
            now=clock.now(),
        )  # fmt: skip
    await confidant.tap("Decide next step")
    await confidant.choose("decide", "consult")
    [shown] = await confidant.choose("kind", "veilig_thuis")
    assert "Veilig Thuis Amsterdam: 0800-2000" in shown.text and shown.protect_content
    summary = shown.text.split("(no names, no notes):")[1]
    assert "About: F.K." in summary and "Not enough food" in summary
    for secret in ("blauwe plekken", "slechter", "[name]", "Amina", "Saskia", *IDENTIFIERS):
        assert secret not in summary, secret
    assert "zonder namen" in (await open_notice(kp)).text

    # A professional took over; then closed with a message. The key person hears each.
    await confidant.tap("Decide next step", shown)
    await confidant.choose("decide", "took_over")
    involved = await open_notice(kp)
    assert involved.text.startswith(f"Er is nu een professional betrokken bij je zorg {reference}")
    await press(confidant, f"case:decide:{reference}")
    await confidant.choose("decide", "close")
    await confidant.choose("reason", "handed_over")
    [closed, tidy_offer] = await confidant.send("Dank je voor je oplettendheid.")
    assert reference in closed.text
    assert "still show its details" in tidy_offer.text
    notice, kp_tidy_offer = fake_api.messages_to(kp.user_id)[-2:]
    assert kp_tidy_offer.text.startswith(f"Zaak {reference} is gesloten.")
    closed_notice = await open_notice(kp, notice)
    assert closed_notice.text.startswith(f"Je zorg {reference} is gesloten. Saskia schrijft:")
    [listing] = await kp.send("/cases")
    assert "gesloten" in listing.text

    # Old buttons: the Reply under the message, a decision button from before.
    [reply] = await kp.tap("Antwoorden", received)
    assert reply.text == f"Zaak {reference} is gesloten."
    [reply] = await confidant.tap("Decide next step", recorded)
    assert reply.text == f"Case {reference} is closed."

    # The chronology: who did what when, and the messages.
    [chronology] = await press(confidant, f"case:log:{reference}")
    assert chronology.protect_content
    for line in (
        "Amina logged the concern",
        "Saskia picked up the case",
        "Saskia wrote to Amina",
        "“Het gaat slechter met haar.”",
        "risk high",
        "Saskia closed the case: handed over",
        "“Dank je voor je oplettendheid.”",
    ):
        assert line in chronology.text, line
    for identifier in IDENTIFIERS:
        assert identifier not in chronology.text
