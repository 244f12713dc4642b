"""The key person's concern dialogue: flow tests (engine and storage, no Telegram) first,
then end to end through the real bot and the fake Bot API."""

from __future__ import annotations

import re

from flowkit import Office
from sqlalchemy import select, text
from team import (
    KEY_PERSON_ID,
    alert,
    answer_until_note,
    describe,
    make_team,
    newest_reference,
    no_chat_pacing,  # noqa: F401 (autouse fixture)
    open_notice,
    press,
)

from flows.cases import note
from flows.cases.signals import GROUPS, LABELS, OTHER
from flows.core import references
from flows.redaction import KINDS, RedactionError
from storage.crypto import Cipher
from storage.models import Base, Case

# --- the catalogue and references ----------------------------------------------------------


def test_the_catalogue_has_the_31_signals_of_signals_md_with_stable_codes():
    codes = [code for group in GROUPS for code, _label in group.signals]
    assert len(codes) == len(set(codes)) == 31
    assert all(code.startswith(group.code + ".") for group in GROUPS for code, _ in group.signals)
    assert [code for code in codes if code.startswith("honour.")] == [
        "honour.threat",
        "honour.forced_marriage",
        "honour.hidden_woman",
    ]
    assert OTHER in LABELS


def test_every_kind_the_redactor_removes_has_a_label():
    assert set(note.KIND_LABELS) == set(KINDS)


async def test_references_are_four_unambiguous_characters_and_unique(db, clock, monkeypatch):
    office = await Office().open(db, clock)
    assert not set("0O1I") & set(references.ALPHABET)
    first = await _concern(office)
    assert re.fullmatch(f"[{references.ALPHABET}]{{4}}", first)
    # The next random reference is taken: a new one is drawn.
    drawn = iter(first + "ABCD")
    monkeypatch.setattr(references.secrets, "choice", lambda _alphabet: next(drawn))
    assert await _concern(office) == "ABCD"


# --- flow tests ---------------------------------------------------------------------------


async def _concern(office: Office, *, confirm: bool = True) -> str | None:
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    await describe(
        kp, age="adult", relation="participant", children="no",
        signals=(("isol", "isol.fear_partner"),),
    )  # fmt: skip
    if not confirm:
        return None
    await kp.choose("confirm")
    return re.search(r"^[A-Z0-9]{4}$", _receipt_ref(kp), re.M).group(0)


def _receipt_ref(kp) -> str:
    return kp.replies[-1].text.params["ref"]


async def test_nothing_is_stored_before_confirm_and_cancel_leaves_nothing(db, clock):
    office = await Office().open(db, clock)
    await _concern(office, confirm=False)
    assert office.key_person.msgids()[-1].startswith("Please check your concern")
    async with db.engine.connect() as conn:
        assert (await conn.execute(select(Case))).all() == []
    [stopped] = await office.key_person.choose("cancel")
    assert stopped.text.msgid == "Stopped. Nothing was saved."
    assert await office.outbox() == []


async def test_initials_only_with_a_kind_explanation(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    for attempt in ("Fatima Yilmaz", "Ali", "F.K. 0612345678", "ABCDE", "😀"):
        [refusal] = await kp.send(attempt)
        assert "Sleutel never keeps names" in refusal.text.msgid, attempt
    await describe(
        kp, initials="f.k", age="older", children="unknown", honour="unknown",
        signals=(("phys", "phys.bruises"),),
    )  # fmt: skip
    await kp.choose("confirm")
    case = await office.case(_receipt_ref(kp))
    assert case.initials == "F.K." and case.age_group == "older" and case.children == "unknown"
    assert case.signals == ("phys.bruises",) and not case.honour and case.note is None


async def test_initials_may_be_skipped(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    [question] = await kp.choose("skip")
    assert question.text.msgid == "How old is this person, roughly?"


async def test_signals_are_toggled_in_place_and_at_least_one_is_needed(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    await kp.send("A.B.")
    await kp.choose("age", "teen")
    await kp.choose("relation", "participant_child")
    await kp.choose("children", "yes")
    warning, picker = await kp.choose("done")
    assert warning.text.msgid.startswith("Please choose at least one signal")
    assert picker.edit and kp.toast == warning.text
    [group] = await kp.choose("group", "child")
    assert group.edit
    [ticked] = await kp.choose("tick", "child.late")
    labels = [b.label for row in ticked.buttons for b in row]
    assert labels[0].msgid == "✓ {label}" and labels[0].params["label"].msgid == "Child often late"
    await kp.choose("tick", "child.hides")
    [unticked] = await kp.choose("tick", "child.late")
    assert unticked.buttons[0][0].label.msgid == "Child often late"
    [groups] = await kp.choose("back")
    assert groups.edit
    child = groups.buttons[1][1].label  # the "Child" group shows one ticked signal
    assert child.params["group"].msgid == "Child" and child.params["n"] == 1
    await kp.choose("other")
    [note_question] = await kp.choose("done")
    assert note_question.text.msgid.startswith("What did you notice? Tell it")
    assert kp.replies[-2].text.msgid.startswith("Which signals")  # no edit: a new message


async def _to_the_note(kp, signal: tuple[str, str] = ("house", "house.fights")) -> None:
    """A key person's concern, answered up to the note."""
    await kp.command("concern")
    await kp.choose("danger", "no")
    await answer_until_note(kp, age="adult", relation="other", children="no", signals=(signal,))


async def test_note_is_redacted_before_it_is_kept_and_can_be_rewritten(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await _to_the_note(kp)
    [too_long] = await kp.send("x" * 1001)
    assert too_long.text.params == {"max": 1000}
    [shown] = await kp.send("Haar naam is Fatima, bel 0612345678.")
    assert shown.protect and shown.text.params["note"].params["value"] == (
        "Haar naam is [name], bel [phone]."
    )
    assert [k.msgid for k in shown.text.params["kinds"].items] == ["names", "phone numbers"]
    [again] = await kp.choose("rewrite")
    assert again.text.msgid.startswith("What did you notice? Tell it")
    [shown] = await kp.send("Veel ruzie, de buren horen het.")
    assert "kinds" not in shown.text.params
    await kp.choose("keep")
    await kp.choose("honour", "no")
    await kp.choose("confirm")
    case = await office.case(_receipt_ref(kp))
    assert case.note == "Veel ruzie, de buren horen het."


async def test_a_word_that_may_be_a_name_is_put_back_with_one_tap(db, clock):
    """The redactor takes "bahar" (spring, and a name) out, everywhere, and asks; the
    writer's tap puts it back wherever it stood. A second tap on the old button is stale."""
    office = await Office().open(db, clock)
    kp = office.key_person
    await _to_the_note(kp)
    [shown] = await kp.send("Veel ruzie bij de buren, bahar huilt elke avond. Bahar is bang.")
    assert shown.text.msgid == "{text}\n\n{question}"
    assert shown.text.params["question"].msgid.startswith("I also took out words that may")
    note_shown = shown.text.params["text"].params["note"].params["value"]
    assert note_shown == "Veel ruzie bij de buren, [name] huilt elke avond. [name] is bang."
    assert [b.data.split(":")[2:4] for row in shown.buttons[:1] for b in row] == [["back", "0"]]
    [again] = await kp.choose("back", "0")
    note_shown = again.text.params["note"].params["value"]
    assert note_shown == "Veel ruzie bij de buren, bahar huilt elke avond. Bahar is bang."
    assert again.text.msgid.startswith("This is what I will keep")  # no question left
    assert "{kinds}" not in again.text.msgid  # nothing is taken out any more
    await kp.press(shown.buttons[0][0].data)  # a second tap on the old button: stale
    await kp.choose("keep")
    await kp.choose("honour", "no")
    await kp.choose("confirm")
    case = await office.case(_receipt_ref(kp))
    assert case.note == "Veel ruzie bij de buren, bahar huilt elke avond. Bahar is bang."


async def test_a_failing_redactor_stores_nothing_and_asks_again(db, clock, monkeypatch):
    def broken(_text):
        raise RedactionError("boom")

    monkeypatch.setattr(note, "redact", broken)
    office = await Office().open(db, clock)
    kp = office.key_person
    await _to_the_note(kp, ("told", "told.adult"))
    [sorry] = await kp.send("Fatima 0612345678")
    assert sorry.text.msgid.startswith("Sorry, I could not check this text")
    async with db.unit_of_work() as uow:
        state = await uow.conversations.get(30, now=clock.now())
    assert state.step == "note" and state.draft["note"] is None and state.parent is None
    [honour] = await kp.choose("skip")  # the question stays open
    assert honour.text.msgid.startswith("Could family honour play a part?")


async def test_an_honour_signal_flags_the_case_skips_the_question_and_shows_guidance(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    guidance, note_question = await answer_until_note(
        kp, age="adult", relation="participant_family",
        signals=(("honour", "honour.forced_marriage"),),
    )  # fmt: skip
    assert "always consult an expert" in guidance.text.msgid
    assert note_question.text.msgid.startswith("What did you notice? Tell it")
    await kp.choose("skip")
    assert kp.msgids()[-1].startswith("Please check your concern")  # no honour question
    summary = kp.replies[-1].text.params["details"]
    assert summary.params["honour"].msgid == "yes — always consult an expert"
    await kp.choose("confirm")
    assert (await office.case(_receipt_ref(kp))).honour


async def test_saying_yes_to_the_honour_question_flags_the_case(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    await answer_until_note(kp, age="adult", children="no", signals=(("isol", "isol.rarely_out"),))
    await kp.choose("skip")
    guidance, summary = await kp.choose("honour", "yes")
    assert "always consult an expert" in guidance.text.msgid
    assert summary.text.params["details"].params["honour"].msgid.startswith("yes")
    await kp.choose("confirm")
    assert (await office.case(_receipt_ref(kp))).honour


async def test_change_from_the_summary_asks_one_question_and_comes_back(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await _concern(office, confirm=False)
    await kp.choose("change")
    [question] = await kp.choose("change", "age")
    assert question.text.msgid == "How old is this person, roughly?"
    [summary] = await kp.choose("age", "child")
    assert summary.text.params["details"].params["age"].msgid == "Child under 12"
    await kp.choose("change")
    await kp.choose("change", "signals")
    await kp.choose("group", "neglect")
    await kp.choose("tick", "neglect.unkempt")
    await kp.choose("back")
    [summary] = await kp.choose("done")
    signals = summary.text.params["details"].params["signals"]
    assert [s.msgid for s in signals] == ["Looks unkempt", "Afraid of partner or family"]
    await kp.choose("change")
    [summary] = await kp.choose("back")
    assert summary.text.msgid.startswith("Please check your concern")
    await kp.choose("confirm")
    case = await office.case(_receipt_ref(kp))
    assert case.age_group == "child" and set(case.signals) == {
        "neglect.unkempt",
        "isol.fear_partner",
    }


async def test_urgent_case_is_created_and_alerted_before_any_other_question(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    emergency, alerted, question = await kp.choose("danger", "yes")
    assert "112" in emergency.text.msgid and "0800-2000" in emergency.text.msgid
    reference = alerted.text.params["ref"]
    assert question.text.msgid.startswith("Whom is it about?")
    case = await office.case(reference)
    assert case.urgent and case.status == "open" and case.confirmed_at is None
    recipients = {person for person, _msgid, _buttons in await office.outbox()}
    assert recipients == {office.confidant.id, office.backup.id, office.coordinator.id}
    # Each answer lands in the case at once.
    await kp.send("F.K.")
    assert (await office.case(reference)).initials == "F.K."
    # /cancel keeps the case: it was already sent.
    [stopped] = await kp.command("cancel")
    assert stopped.text.params == {"ref": reference}
    assert (await office.case(reference)).status == "open"
    actions = [action for action, _actor, _target in await office.events(reference)]
    assert actions[0] == "created" and actions.count("alerted") == 3
    assert actions[-2:] == ["updated", "stopped"]


async def test_text_where_a_button_is_expected_and_unknown_buttons(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    [question] = await kp.command("concern")
    hint, again = await kp.send("yes")
    assert hint.text.msgid == "Please use the buttons of the last question."
    assert again == question  # asked again, with buttons that still work
    version = kp.button("danger", "no").split(":")[1]
    hint, again = await kp.press(f"c:{version}:age:child")
    assert hint.text.msgid == "Please use the buttons of the last question."
    assert again == question
    await kp.press(kp.button("danger", "no"))


# --- end to end ---------------------------------------------------------------------------

NASTY_INITIALS = "Fatima Yilmaz"
NASTY_NOTE = (
    "Fatima Yilmaz heeft blauwe plekken. Haar telefoon is 06-12345678, mail "
    "fatima.yilmaz@example.com, ze woont op de Kerkstraat 12, 1234 AB Amsterdam. "
    "BSN 111222333."
)
IDENTIFIERS = (
    "Fatima",
    "Yilmaz",
    "12345678",
    "fatima.yilmaz@example.com",
    "example.com",
    "Kerkstraat",
    "1234 AB",
    "111222333",
)


async def test_a_concern_with_identifiers_reaches_the_confidant_clean(
    runtime, fake_api, db, monkeypatch
):
    """Dutch key person, English confidant: what is kept, what is sent, in which language."""
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    await kp.send("/concern")
    await kp.choose("danger", "no")
    [refusal] = await kp.send(NASTY_INITIALS)
    assert "initialen" in refusal.text and "Sleutel bewaart nooit namen" in refusal.text
    await answer_until_note(kp, initials="F.Y.")
    [shown] = await kp.send(NASTY_NOTE)
    assert "[naam]" not in shown.text  # markers are the redactor's, the list is translated
    assert "namen, telefoonnummers, e-mailadressen" in shown.text
    assert shown.protect_content
    await kp.choose("keep")
    await kp.choose("honour", "no")
    [receipt] = await kp.choose("confirm")
    reference = await newest_reference(runtime)
    assert reference in receipt.text and "Saskia" in receipt.text
    assert "Bedankt" in receipt.text

    # The alert: no content, protected, Open / Acknowledge.
    message = alert(team.confidant)
    assert message.text == f"New concern {reference} from Amina."
    assert message.protect_content
    assert fake_api.buttons(message) == [
        ("Open", f"case:open:{reference}"),
        ("Acknowledge", f"case:ack:{reference}"),
    ]

    # Open: the details in the confidant's language.
    [opened] = await team.confidant.tap("Open", message)
    assert opened.protect_content
    assert "About: F.Y." in opened.text and "Children in the household: Yes" in opened.text
    assert "Not enough food" in opened.text and "Honour-related: no" in opened.text
    assert "[name] heeft blauwe plekken" in opened.text
    for identifier in IDENTIFIERS:
        assert identifier not in opened.text

    # Acknowledge: the key person hears it, in Dutch.
    [thanks] = await team.confidant.tap("Acknowledge", opened)
    assert reference in thanks.text
    assert (await open_notice(kp)).text == f"Saskia heeft je zorg {reference} opgepakt."

    await _assert_nothing_stored_anywhere(db)


async def _assert_nothing_stored_anywhere(db):
    """Every text column of every table, raw; and the decrypted note and outbox payloads."""
    from conftest import TEST_KEY

    cipher = Cipher([TEST_KEY])
    async with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in (await conn.execute(table.select())).mappings():
                for column, value in row.items():
                    for identifier in IDENTIFIERS:
                        assert identifier not in str(value), (table.name, column)
        notes = (await conn.execute(text('SELECT note FROM "case"'))).scalars().all()
        payloads = (await conn.execute(text("SELECT payload FROM outbox_message"))).scalars()
        readable = [cipher.decrypt(n) for n in notes if n] + [cipher.decrypt(p) for p in payloads]
    assert any("[phone]" in value for value in readable)
    for value in readable:
        for identifier in IDENTIFIERS:
            assert identifier not in value


async def test_urgent_path_e2e_first_to_acknowledge_wins(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    await kp.send("/concern")
    emergency, alerted, question = await kp.choose("danger", "yes")
    assert "112" in emergency.text and "0800-2000" in emergency.text
    assert "initialen" in question.text
    reference = await newest_reference(runtime)
    assert reference in alerted.text
    for chat in (team.confidant, team.backup, team.coordinator):
        message = alert(chat)
        assert message.text == f"New concern {reference} (urgent) from Amina."
        assert message.protect_content

    # The backup opens it while the key person is still answering: what is known so far.
    await kp.send("F.K.")
    [opened] = await team.backup.tap("Open", alert(team.backup))
    assert "About: F.K." in opened.text and "still being described" in opened.text
    [mine] = await team.backup.tap("Acknowledge", opened)
    assert "You are handling" in mine.text
    [late] = await press(team.coordinator, f"case:ack:{reference}")
    assert late.text == f"Bram is already handling {reference}."
    assert team.confidant.last.text == f"Bram is handling {reference}."
    assert (await open_notice(kp)).text == f"Bram heeft je zorg {reference} opgepakt."

    # The key person finishes; the handler hears that the description is complete.
    await describe(kp, initials="F.K.", note="Ze is bang.")
    [receipt] = await kp.choose("confirm")
    assert "Bram" in receipt.text
    assert team.backup.last.text == f"Amina has finished describing concern {reference} (urgent)."


async def test_honour_related_concern_e2e(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    await kp.send("/concern")
    await kp.choose("danger", "no")
    await describe(kp, signals=(("honour", "honour.hidden_woman"),), honour=None)
    assert any("altijd een deskundige" in t for t in kp.texts())
    await kp.choose("confirm")
    reference = await newest_reference(runtime)
    message = alert(team.confidant)
    assert message.text == f"New concern {reference} (honour-related) from Amina."
    [opened] = await team.confidant.tap("Open", message)
    assert "Honour-related: yes — always consult an expert" in opened.text
    assert "Kept hidden, under coercion" in opened.text


async def test_a_word_that_may_be_a_name_stays_out_unless_put_back_e2e(runtime, fake_api):
    """ "bahar" is spring and a name: it goes out like a name, and the writer who knows it
    is the spring puts it back with one tap; untouched, the note keeps "[name]"."""
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    stored = []
    for put_back in (True, False):
        await kp.send("/concern")
        await kp.choose("danger", "no")
        await answer_until_note(
            kp, age="adult", relation="other", children="no", signals=(("house", "house.fights"),)
        )
        [shown] = await kp.send("Veel ruzie bij de buren, bahar huilt elke avond.")
        assert "[name] huilt" in shown.text and "bahar huilt" not in shown.text
        assert "geen naam? Tik erop" in shown.text
        if put_back:
            assert await kp.tap("Terugzetten: bahar", shown) == []  # edited in place
            edited = kp.last
            assert edited.message_id == shown.message_id
            assert "bahar huilt" in edited.text and "Terugzetten" not in str(edited.reply_markup)
            assert "Ik heb weggehaald" not in edited.text  # nothing else was taken out
        await kp.choose("keep")
        await kp.choose("honour", "no")
        await kp.choose("confirm")
        reference = await newest_reference(runtime)
        async with runtime.db.unit_of_work() as uow:
            stored.append((await uow.cases.by_reference(reference)).note)
    assert stored == [
        "Veel ruzie bij de buren, bahar huilt elke avond.",
        "Veel ruzie bij de buren, [name] huilt elke avond.",
    ]


async def test_restart_in_the_middle_of_a_concern_continues_where_it_was(
    runtime, fake_api, clock, tmp_path
):
    from conftest import make_settings

    from bot.runtime import Runtime

    team = await make_team(runtime, fake_api)
    kp = team.key_person
    await kp.send("/concern")
    await kp.choose("danger", "no")
    await kp.send("F.K.")
    await kp.choose("age", "adult")
    await runtime.close()

    restarted = Runtime(make_settings(fake_api, runtime.db.url, tmp_path), clock)
    await restarted.open()
    try:
        for chat in (kp, team.confidant):
            chat.rt = restarted
        await kp.choose("relation", "neighbour")
        await kp.choose("children", "no")
        await kp.choose("group", "behav")
        await kp.choose("tick", "behav.tired")
        await kp.choose("back")
        await kp.choose("done")
        await kp.choose("skip")
        await kp.choose("honour", "no")
        [receipt] = await kp.choose("confirm")
        assert "Saskia" in receipt.text
        assert "from Amina" in alert(team.confidant).text
    finally:
        await restarted.close()
        runtime.application = restarted.application
        runtime.db = restarted.db


async def test_old_buttons_commands_and_stickers_in_the_middle_of_a_concern(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    [danger] = await kp.send("/concern")
    stale = kp.find_button(danger, "Nee")
    await kp.choose("danger", "no")
    fake_api.push_callback(KEY_PERSON_ID, stale, message=danger, language_code="nl")
    reply, again = await kp._round()
    assert "niet meer open" in reply.text
    assert "initialen" in again.text  # the open question, asked again
    refusal, again = await kp.send_media("sticker")
    assert "foto's" in refusal.text and "initialen" in again.text
    help_text, again = await kp.send("/help")
    assert "/cancel" in help_text.text and "initialen" in again.text
    # The question is still open after all that.
    await kp.send("F.K.")
    await kp.choose("age", "adult")
    # A voice message instead of the note is refused, too; nothing is kept.
    await kp.choose("relation", "neighbour")
    await kp.choose("children", "no")
    await kp.choose("group", "phys")
    await kp.choose("tick", "phys.bruises")
    await kp.choose("back")
    await kp.choose("done")
    refusal, _again = await kp.send_media("voice")
    assert "spraakberichten" in refusal.text
    # Changing the language leaves the concern waiting; another command ends it, and says so.
    [language_question] = await kp.send("/language")
    assert "taal" in language_question.text
    stopped, *_cases = await kp.send("/cases")
    assert stopped.text == "Gestopt. Er is niets bewaard."
    assert await newest_reference(runtime) is None
    assert "New concern" not in " ".join(team.confidant.texts())
