"""After closing, the messages that showed a case can be deleted from each chat."""

from __future__ import annotations

from team import alert, log_concern, make_team, no_chat_pacing, press  # noqa: F401 - fixture


async def test_closing_offers_to_delete_what_showed_the_case(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person, note="Ze had een blauw oog.")
    confidant = team.confidant
    await press(confidant, f"case:ack:{reference}")
    [details] = await press(confidant, f"case:open:{reference}")
    [chronology] = await press(confidant, f"case:log:{reference}")
    assert "Ze had een blauw oog." in details.text

    await press(confidant, f"case:decide:{reference}")
    await confidant.choose("decide", "close")
    await confidant.choose("reason", "resolved")
    await confidant.choose("skip")
    await runtime.dispatch_outbox()
    offer = confidant.last
    assert f"Case {reference} is closed. Some messages in this chat still show" in offer.text
    [done] = await confidant.tap(f"Delete the messages about {reference}")
    assert done.text == f"The messages about {reference} are deleted from this chat."
    deleted = fake_api.calls_to("deleteMessages")[-1].params["message_ids"]
    assert set(deleted) == {details.message_id, chronology.message_id}
    remaining = {m.message_id for m in fake_api.messages_to(confidant.user_id)}
    assert details.message_id not in remaining and chronology.message_id not in remaining

    # A second tap finds nothing left; the key person, who never opened it, got no offer.
    [again] = await confidant.tap(f"Delete the messages about {reference}", offer)
    assert again.text == f"There is nothing left to delete for {reference}."
    assert not any("still show its details" in t for t in team.key_person.texts())


async def test_tidying_is_only_for_closed_cases_and_people_who_may_see_them(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person)
    [early] = await press(team.confidant, f"case:tidy:{reference}")
    assert early.text == f"This is not possible for {reference} at the moment."
    [stranger] = await press(team.backup, f"case:tidy:{reference}")
    assert stranger.text == "This case is not available to you."
