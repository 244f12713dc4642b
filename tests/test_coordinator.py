"""Coordinators in the bot: /invite and /people; everyone: /language, /help, /cancel."""

from __future__ import annotations

from chat import Chat
from people import add_organisation, enrol

from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON


async def team(runtime, api):
    org = await add_organisation(runtime)
    coordinator, _ = await enrol(runtime, api, 10, COORDINATOR, "Ingrid", language="en", org_id=org)
    _, saskia = await enrol(runtime, api, 20, CONFIDANT, "Saskia", org_id=org)
    _, joost = await enrol(runtime, api, 21, CONFIDANT, "Joost", org_id=org)
    return org, coordinator, saskia, joost


async def test_coordinator_invites_a_key_person_with_confidant_and_backup(runtime, fake_api):
    _, coordinator, saskia, joost = await team(runtime, fake_api)
    await coordinator.tap("Invite someone")
    await coordinator.choose("role", KEY_PERSON)
    await coordinator.choose("confidant", str(saskia))
    [invite] = await coordinator.choose("backup", str(joost))
    assert invite.protect_content
    code = invite.text.split("Code: ")[1].split()[0]
    assert f"t.me/{fake_api.bot_username}?start={code}" in invite.text

    amina = Chat(runtime, fake_api, 30, "en")
    await amina.send(f"/start {code}")
    await amina.choose("lang", "en")
    await amina.choose("agree")
    await amina.send("Amina")
    async with runtime.db.unit_of_work() as uow:
        membership = (await uow.people.by_telegram_id(30)).membership(KEY_PERSON)
    assert (membership.confidant_id, membership.backup_id) == (saskia, joost)


async def test_a_coordinator_sees_open_invites_and_revokes_one(runtime, fake_api):
    _, coordinator, _saskia, _joost = await team(runtime, fake_api)
    await coordinator.send("/invite")
    [invite] = await coordinator.choose("role", CONFIDANT)
    code = invite.text.split("Code: ")[1].split()[0]
    await coordinator.send("/invite")
    [listing] = await coordinator.choose("open")
    [(label, _data), (done, _)] = fake_api.buttons(listing)
    assert label.startswith("For a confidant, until ") and done == "Done"
    revoked, empty = await coordinator.tap("For a confidant", listing)
    assert "no longer works" in revoked.text and "no open invites" in empty.text
    stranger = Chat(runtime, fake_api, 40, "en")
    [refused] = await stranger.send(f"/start {code}")
    assert "Welcome" not in refused.text  # the code stopped working


async def test_inviting_a_key_person_needs_a_confidant_first(runtime, fake_api):
    coordinator, _ = await enrol(runtime, fake_api, 10, COORDINATOR, "Ingrid", language="en")
    await coordinator.send("/invite")
    [reply] = await coordinator.choose("role", KEY_PERSON)
    assert "no confidant" in reply.text


async def test_people_list_assign_and_pause(runtime, fake_api):
    org, coordinator, saskia, joost = await team(runtime, fake_api)
    amina_chat, amina = await enrol(
        runtime, fake_api, 30, KEY_PERSON, "Amina", org_id=org, confidant_id=saskia
    )
    [listing] = await coordinator.send("/people")
    assert f"P{amina} · Amina · key person, confidant: Saskia" in listing.text
    await coordinator.choose("pick", str(amina))
    await coordinator.choose("confidant")
    [done] = await coordinator.choose("set_confidant", str(joost))
    assert "Joost now supports Amina." in done.text
    await runtime.dispatch_outbox()
    assert "Joost" in amina_chat.last.text  # Amina is told, in Dutch

    await coordinator.send("/people")
    await coordinator.choose("pick", str(amina))
    [paused] = await coordinator.choose("pause")
    assert "Amina is paused." in paused.text
    [reply] = await amina_chat.send("/help")
    assert reply.text == "Je account is gepauzeerd. Neem contact op met je coördinator."


async def test_people_sets_an_area_typed_tapped_and_cleared(runtime, fake_api):
    _, coordinator, saskia, joost = await team(runtime, fake_api)
    await coordinator.send("/people")
    await coordinator.choose("pick", str(saskia))
    [question] = await coordinator.tap("Area")
    assert question.text.startswith("Saskia has no area yet.")
    [done] = await coordinator.send("De  Pijp")
    assert done.text == "The area of Saskia is now De Pijp."

    [listing] = await coordinator.send("/people")
    assert f"P{saskia} · Saskia · confidant, area: De Pijp" in listing.text
    await coordinator.choose("pick", str(joost))
    await coordinator.tap("Area")
    [done] = await coordinator.tap("De Pijp")  # tapped, not typed again
    assert done.text == "The area of Joost is now De Pijp."

    await coordinator.send("/people")
    await coordinator.choose("pick", str(joost))
    await coordinator.tap("Area")
    [refused] = await coordinator.send("Noord " * 10)
    assert "1 to 40 characters" in refused.text
    [cleared] = await coordinator.tap("No area")
    assert cleared.text == "Joost no longer has an area."
    async with runtime.db.unit_of_work() as uow:
        areas = [(await uow.people.get(person)).area for person in (saskia, joost)]
    assert areas == ["De Pijp", None]


async def test_people_of_another_organisation_cannot_be_managed(runtime, fake_api):
    _, coordinator, _, _ = await team(runtime, fake_api)
    other_org = await add_organisation(runtime, "Elders")
    _, outsider = await enrol(runtime, fake_api, 99, CONFIDANT, "Outsider", org_id=other_org)
    [listing] = await coordinator.send("/people")
    assert "Outsider" not in listing.text
    # A forged tap with the outsider's id is refused.
    data = coordinator.find_button(listing, "Saskia").rsplit(":", 1)[0] + f":{outsider}"
    fake_api.push_callback(10, data, message=listing)
    reply, again = await coordinator._round()
    assert "Please use the buttons" in reply.text
    assert again.text == listing.text  # the list again, to choose from


async def test_key_person_cannot_use_coordinator_commands(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    [reply] = await chat.send("/people")
    assert "not available for your role" in reply.text


async def test_language_switch_changes_every_later_message(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="nl")
    await chat.tap("Taal")
    [confirmation] = await chat.choose("lang", "en")
    assert confirmation.text == "From now on I will write to you in English."
    [help_reply] = await chat.send("/help")
    assert help_reply.text.startswith("Hello Amina.")


async def test_cancel_help_and_unknown_input(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    assert "nothing to stop" in (await chat.send("/cancel"))[0].text
    [question] = await chat.send("/language")
    help_reply, again = await chat.send("/help")
    assert "in the middle of something" in help_reply.text
    assert again.text == question.text
    [stopped] = await chat.send("/cancel")
    assert "Stopped" in stopped.text
    assert "do not know that command" in (await chat.send("/frobnicate"))[0].text
    assert "did not understand" in (await chat.send("hello?"))[0].text


async def test_edited_messages_are_not_new_input(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    before = len(fake_api.calls_to("sendMessage"))
    fake_api.push_edited_text(30, "/people", message_id=1)
    await runtime.poll_once()
    assert len(fake_api.calls_to("sendMessage")) == before + 1  # said so, nothing done
    assert chat.last.text.startswith("I cannot see changes to a message")
    [question] = await chat.send("/language")
    fake_api.push_edited_text(30, "F.K.", message_id=2)
    _note, again = await chat._round()
    assert again.text == question.text  # in the middle of something: asked again
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 0


async def test_each_person_gets_the_commands_of_their_role_in_their_language(runtime, fake_api):
    await enrol(runtime, fake_api, 10, COORDINATOR, "Ingrid", language="en")
    key_person, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="nl")

    def names(chat_id: int) -> list[str]:
        return [c["command"] for c in fake_api.commands[(f"chat:{chat_id}", "")]]

    assert {"invite", "people", "directory", "audit"} <= set(names(10))
    assert "concern" not in names(10)
    assert "concern" in names(30) and "invite" not in names(30)
    described = {c["command"]: c["description"] for c in fake_api.commands[("chat:30", "")]}
    assert described["concern"] == "Een zorg melden"
    await key_person.send("/language")
    await key_person.choose("lang", "en")
    described = {c["command"]: c["description"] for c in fake_api.commands[("chat:30", "")]}
    assert described["concern"] == "Log a concern"


async def test_command_menu_is_published_per_language(runtime, fake_api):
    dutch = fake_api.commands[("all_private_chats", "nl")]
    english = fake_api.commands[("all_private_chats", "en")]
    assert [c["command"] for c in dutch] == [c["command"] for c in english]
    assert {"help", "language", "privacy", "cancel"} <= {c["command"] for c in dutch}
    assert dutch != english
