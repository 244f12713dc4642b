"""What shows on a phone: lock-screen notices, a name typed by mistake, buttons that fit,
a way out of every question, and /start in the middle of enrolment."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from chat import Chat
from people import add_organisation, invite_code
from team import log_concern, make_team, no_chat_pacing, open_notice, press  # noqa: F401

from bot.delivery import ROW_WIDTH, Sender, label_width
from bot.emulator import FakeBotAPI
from bot.i18n import Renderer, load_catalogs
from flows.core.messages import Button, keyboard, verbatim
from flows.core.roles import KEY_PERSON


async def test_a_case_message_shows_nothing_on_the_lock_screen_until_opened(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp, confidant = team.key_person, team.confidant
    reference = await log_concern(kp)
    await press(confidant, f"case:ack:{reference}")
    notice = kp.last
    # What Telegram shows in the notification: the reference and nothing else.
    assert notice.text == f"Er is iets nieuws over {reference}."
    assert "Saskia" not in notice.text and "opgepakt" not in notice.text
    assert fake_api.buttons(notice) == [("Openen", f"case:news:{reference}")]
    shown = await open_notice(kp, notice)
    assert shown.text == f"Saskia heeft je zorg {reference} opgepakt."
    assert shown.protect_content

    # A message: the notice says nothing of it; Open shows it, with its own buttons.
    [opened] = await press(confidant, f"case:open:{reference}")
    await confidant.tap("Message the key person", opened)
    await confidant.send("Ik bel je morgen.")
    notice = kp.last
    assert notice.text == f"Er is iets nieuws over {reference}." and "morgen" not in notice.text
    shown = await open_notice(kp, notice)
    assert "Ik bel je morgen." in shown.text
    assert [d for _l, d in fake_api.buttons(shown)] == [
        f"case:msg:{reference}",
        f"case:open:{reference}",
    ]

    # A forged Open, or one whose message is no longer kept, opens the case instead.
    [case_view] = await press(kp, f"case:news:{reference}")
    assert reference in case_view.text and "Ik bel je morgen." not in case_view.text


async def test_a_full_name_at_the_initials_question_is_deleted_from_the_chat(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    await kp.send("/concern")
    await kp.choose("danger", "no")
    [refusal] = await kp.send("Fatima Yilmaz")
    typed = refusal.message_id - 1
    assert [c.params["message_ids"] for c in fake_api.calls_to("deleteMessages")][-1] == [typed]
    assert "Ik heb je bericht uit deze chat verwijderd." in refusal.text


async def test_every_question_of_a_concern_has_a_way_out(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    kp = team.key_person
    [first] = await kp.send("/concern")
    assert "/cancel" in first.text and "Stoppen" in [label for label, _d in fake_api.buttons(first)]
    await kp.choose("danger", "no")
    for answer in (lambda: kp.send("F.K."), lambda: kp.choose("age", "child")):
        assert "Stoppen" in [label for label, _d in fake_api.buttons(kp.with_buttons())]
        await answer()
    [stopped] = await kp.choose("stop")
    assert stopped.text.startswith("Gestopt. Er is niets bewaard.")


async def test_a_bare_start_during_enrolment_goes_on_with_it(runtime, fake_api: FakeBotAPI):
    org = await add_organisation(runtime)
    code = await invite_code(runtime, org, KEY_PERSON)
    chat = Chat(runtime, fake_api, 77, "nl")
    await chat.send(f"/start {code}")
    [asked] = await chat.send("/start")
    assert "closed service" not in asked.text and "gesloten" not in asked.text
    assert fake_api.buttons(asked)  # the language question again, with its buttons
    await chat.choose("lang", "nl")
    await chat.choose("agree")
    await chat.send("Amina")
    async with runtime.db.unit_of_work() as uow:
        assert await uow.people.by_telegram_id(77) is not None


def test_buttons_too_wide_for_a_small_phone_go_one_to_a_row():
    sender = Sender(None, Renderer(load_catalogs(), ZoneInfo("Europe/Amsterdam")))
    short = keyboard([Button(verbatim("Ja"), "a"), Button(verbatim("Nee"), "b")])
    assert [len(row) for row in sender.markup(short, "nl")["inline_keyboard"]] == [2]
    long = "x" * (ROW_WIDTH // 2 + 1)
    wide = keyboard([Button(verbatim(long), "a"), Button(verbatim(long), "b")])
    assert [len(row) for row in sender.markup(wide, "so")["inline_keyboard"]] == [1, 1]
    # Arabic vowel signs take no room of their own.
    assert label_width("مُتَابَعَة") == 6


def test_the_privacy_notice_names_the_account_id_never_the_phone_number():
    from flows.privacy.notice import privacy_notice
    from storage.records import OrganisationRecord

    renderer = Renderer(load_catalogs(), ZoneInfo("Europe/Amsterdam"))
    org = OrganisationRecord(1, "Buurtwerk Noord", "nl", 240, 15)
    english = renderer.render(privacy_notice(org), "en")
    assert "Telegram account id (never your phone number)" in english
    for locale in renderer.locales:
        assert "Telegram number" not in renderer.render(privacy_notice(org), locale)
    assert "Telegram-nummer" not in renderer.render(privacy_notice(org), "nl")
