"""Retention on the clock: what is past its time is deleted or made anonymous."""

from __future__ import annotations

import subprocess
from datetime import timedelta

from sqlalchemy import select, text, update
from team import log_concern, make_team, no_chat_pacing  # noqa: F401 - fixture

from flows.privacy import retention
from storage.models import Case, CaseEvent, Invite, OutboxMessage, Person


async def close_case(runtime, reference: str) -> None:
    async with runtime.db.unit_of_work() as uow:
        await uow.session.execute(
            update(Case)
            .where(Case.reference == reference)
            .values(status="closed", closed_at=runtime.clock.now())
        )


async def test_closed_cases_become_anonymous_figures_after_180_days(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person, note="Ze huilde bij de deur.")
    await close_case(runtime, reference)
    clock.advance(timedelta(days=179))
    await runtime.tick()
    async with runtime.db.unit_of_work() as uow:
        case = await uow.session.scalar(select(Case).where(Case.reference == reference))
        assert case.initials == "F.K." and case.note is not None

    clock.advance(timedelta(days=2))
    await runtime.tick()
    async with runtime.db.unit_of_work() as uow:
        case = await uow.session.scalar(select(Case).where(Case.reference == reference))
        events = await uow.session.scalar(
            select(text("count(*)")).select_from(CaseEvent).where(CaseEvent.case_id == case.id)
        )
    assert (case.initials, case.note, case.key_person_id, case.confidant_id) == (None,) * 4
    assert case.signals == ["neglect.hunger"] and case.age_group == "child"
    assert case.anonymised_at is not None and events == 0


async def test_a_backlog_of_cases_is_anonymised_in_batches_a_minute_apart(
    runtime, fake_api, clock, monkeypatch
):
    """Years of closed cases (a first purge after an upgrade) go in short transactions:
    one batch per run, the next run a minute later, until none is left."""
    monkeypatch.setattr(retention, "CASES_PER_RUN", 2)
    team = await make_team(runtime, fake_api)
    references = [await log_concern(team.key_person, note=f"Zorg {n}.") for n in range(3)]
    for reference in references:
        await close_case(runtime, reference)
    clock.advance(timedelta(days=181))

    async def anonymised() -> int:
        async with runtime.db.unit_of_work() as uow:
            return await uow.session.scalar(
                select(text("count(*)")).select_from(Case).where(Case.anonymised_at.is_not(None))
            )

    await runtime.tick()
    assert await anonymised() == 2
    clock.advance(timedelta(minutes=1))
    await runtime.tick()
    assert await anonymised() == 3


async def test_people_who_left_are_deleted_after_two_years(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person)
    async with runtime.db.unit_of_work() as uow:
        await uow.people.set_active(team.ids["key_person"], False, now=clock.now())
    clock.advance(timedelta(days=729))
    await runtime.tick()
    async with runtime.db.unit_of_work() as uow:
        assert await uow.people.get(team.ids["key_person"]) is not None
    clock.advance(timedelta(days=2))
    await runtime.tick()
    async with runtime.db.unit_of_work() as uow:
        assert await uow.people.get(team.ids["key_person"]) is None
        assert await uow.people.by_telegram_id(30) is None
        case = await uow.cases.by_reference(reference)
        assert case is not None and case.key_person_id is None  # the case stays
        names = list(await uow.session.scalars(select(Person.display_name)))
    assert "Amina" not in names


async def test_invites_messages_and_updates_go_after_their_time(runtime, fake_api, clock):
    await make_team(runtime, fake_api)
    await runtime.dispatch_outbox()
    clock.advance(timedelta(days=31))
    await runtime.tick()
    async with runtime.db.unit_of_work() as uow:
        invites = await uow.session.scalar(select(text("count(*)")).select_from(Invite))
        messages = await uow.session.scalar(select(text("count(*)")).select_from(OutboxMessage))
        updates = await uow.session.scalar(text("SELECT count(*) FROM inbox_update"))
        pending_purges = await uow.timers.pending_for("daily")
    assert invites == 0 and messages == 0
    assert updates == 1  # the newest id stays: it carries the polling offset
    assert len(pending_purges) == 1 and pending_purges[0].due_at == clock.now() + timedelta(days=1)


async def test_a_dry_run_counts_what_would_go_and_keeps_it(runtime, fake_api, clock):
    from flows.privacy.retention import purge

    await make_team(runtime, fake_api)
    clock.advance(timedelta(days=31))
    async with runtime.db.unit_of_work() as uow:
        counts = await purge(uow, clock.now())
        uow.discard()
    assert counts["invites"] == 4 and counts["drafts"] == 0
    async with runtime.db.unit_of_work() as uow:
        assert await uow.session.scalar(select(text("count(*)")).select_from(Invite)) == 4


def test_purge_command_reports_per_kind(tmp_path):
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLEUTEL_"))}
    env.update(SLEUTEL_DATA_DIR=str(tmp_path), DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/d.db")
    made = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, capture_output=True, timeout=60
    )
    assert made.returncode == 0
    dry = subprocess.run(
        [sys.executable, "-m", "bot.cli", "purge", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert dry.returncode == 0
    assert "cases_anonymised: 0 would go" in dry.stdout and "people: 0 would go" in dry.stdout
