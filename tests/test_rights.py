"""People's rights: /privacy, /mydata and /forget, end to end."""

from __future__ import annotations

import json

from people import add_organisation, enrol
from sqlalchemy import text
from team import log_concern, make_team, no_chat_pacing, press  # noqa: F401 - fixture

from flows.core.roles import COORDINATOR


async def test_privacy_shows_notice_limits_and_the_rights(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    notice, limits = await team.confidant.send("/privacy")
    assert "initials" in notice.text and "Autoriteit Persoonsgegevens" in notice.text
    assert "Telegram keeps this chat on its servers" in limits.text
    assert "closed cases 6 months; your own data at most 2 years" in notice.text
    assert [label for label, _ in fake_api.buttons(limits)] == ["Download my data", "Erase my data"]


async def test_mydata_sends_a_readable_summary_and_a_json_file(runtime, fake_api):
    team = await make_team(runtime, fake_api, key_person_language="en")
    reference = await log_concern(team.key_person, note="Ze was erg stil vandaag.")
    await team.key_person.send("/privacy")
    [export] = await team.key_person.tap("Download my data")
    assert "1 concern you logged" in export.text and export.protect_content
    data = json.loads(fake_api.calls_to("sendDocument")[-1].params["document_bytes"])
    assert data["person"]["display_name"] == "Amina"
    assert data["person"]["roles"][0]["confidant"] == "Saskia"
    [case] = data["cases_logged"]
    assert case["reference"] == reference and case["note"] == "Ze was erg stil vandaag."
    assert any(a["action"] == "person.enrolled" for a in data["activity"])

    async with runtime.db.unit_of_work() as uow:
        case = await uow.cases.by_reference(reference)
        await uow.cases.record(
            case.id,
            "message",
            now=runtime.clock.now(),
            actor_id=team.ids["confidant"],
            body="Ik bel je morgen.",
        )
    await team.confidant.send("/mydata")
    data = json.loads(fake_api.calls_to("sendDocument")[-1].params["document_bytes"])
    assert data["cases_helped_with"] == [{"reference": reference, "status": "open"}]
    assert [t["text"] for t in data["texts_written"]] == ["Ik bel je morgen."]
    assert "Ze was erg stil" not in json.dumps(data)


async def test_forget_erases_the_person_and_keeps_their_open_case(runtime, fake_api, db):
    team = await make_team(runtime, fake_api, key_person_language="en")
    reference = await log_concern(team.key_person)
    await team.key_person.send("/forget")
    [kept] = await team.key_person.choose("keep")
    assert "Nothing was erased." in kept.text

    await team.key_person.send("/forget")
    [goodbye] = await team.key_person.choose("erase")
    assert "Your data has been erased" in goodbye.text
    await runtime.dispatch_outbox()
    for chat in (team.confidant, team.coordinator):
        assert (
            f"Amina has left Sleutel and erased their data. Their open cases stay: {reference}"
            in chat.last.text
        )

    async with db.engine.connect() as conn:
        names = [r[0] for r in await conn.execute(text("SELECT display_name FROM person"))]
        case = (
            await conn.execute(text('SELECT key_person_id, confidant_id, initials FROM "case"'))
        ).one()
        conversations = (
            await conn.execute(text("SELECT count(*) FROM conversation WHERE telegram_id = 30"))
        ).scalar()
    assert "Amina" not in names and conversations == 0
    assert case[0] is None and case[1] == team.ids["confidant"] and case[2] == "F.K."
    [shown] = await press(team.confidant, f"case:open:{reference}")
    assert f"Concern {reference} from former key person" in shown.text
    [chronology] = await press(team.confidant, f"case:log:{reference}")
    assert "· — logged the concern" in chronology.text
    assert "Sleutel alerted Saskia" in chronology.text
    # Back to a stranger: one neutral reply.
    [reply] = await team.key_person.send("/help")
    assert "closed service" in reply.text


async def test_audit_lists_who_touched_a_case_without_content(runtime, fake_api, tmp_path):
    import os
    import subprocess
    import sys

    from conftest import TEST_KEY

    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person, initials="Q.Z.", note="Zij was bang.")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLEUTEL_"))}
    env.update(
        SLEUTEL_DATA_DIR=str(tmp_path), DATABASE_URL=runtime.db.url, SLEUTEL_SECRET_KEY=TEST_KEY
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "audit", "--case", reference],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"P{team.ids['key_person']} Amina\tcreated" in result.stdout
    assert "Q.Z." not in result.stdout and "bang" not in result.stdout


async def test_privacy_notice_shows_the_organisations_own_periods(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    async with runtime.db.unit_of_work() as uow:
        await uow.people.configure_organisation(
            team.org, case_retention_days=45, person_retention_days=365
        )
    notice, _limits = await team.confidant.send("/privacy")
    assert "closed cases 45 days; your own data at most 1 year" in notice.text


async def test_coordinator_reads_the_access_log_without_content(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person, note="Zij sliep slecht.")
    await press(team.confidant, f"case:open:{reference}")
    [question] = await team.coordinator.tap("Access log")
    assert "Which case?" in question.text
    [log] = await team.coordinator.send(reference.lower())
    assert f"Access log of {reference}:" in log.text
    assert "Amina logged the concern" in log.text and "Saskia opened the case" in log.text
    assert "slecht" not in log.text and "F.K." not in log.text
    # A confidant may not; a coordinator of another organisation is refused, on record.
    [refused] = await team.confidant.send(f"/audit {reference}")
    assert refused.text == "This is not available for your role."
    other, _ = await enrol(
        runtime,
        fake_api,
        90,
        COORDINATOR,
        "Els",
        language="en",
        org_id=await add_organisation(runtime, "Elders"),
    )
    [outsider] = await other.send(f"/audit {reference}")
    assert outsider.text == "This case is not available to you."
    [again] = await team.coordinator.send(f"/audit {reference}")
    assert "Ingrid read the access log" in again.text and "Els was refused access" in again.text
