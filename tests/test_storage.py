"""Storage on SQLite and PostgreSQL: migrations, timers, inbox, outbox, conversations."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage.database import MIGRATIONS, Database
from storage.models import Base
from storage.records import ConversationRecord


def revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


async def test_stairway_every_revision_goes_up_and_down(db: Database):
    await db.downgrade("base")
    async with db.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: c.dialect.get_table_names(c))
    assert set(tables) <= {"alembic_version"}
    for revision in revisions():
        await db.upgrade(revision)
        await db.downgrade("-1")
        await db.upgrade(revision)


async def test_models_and_migrations_agree(db: Database):
    async with db.engine.connect() as conn:
        diff = await conn.run_sync(
            lambda c: compare_metadata(MigrationContext.configure(c), Base.metadata)
        )
    assert diff == []


async def test_a_due_timer_is_claimed_once_even_by_two_workers(db: Database, clock):
    async with db.unit_of_work() as uow:
        await uow.timers.schedule("test.kind", "S1", clock.now(), now=clock.now())
        await uow.timers.schedule(
            "test.kind", "S2", clock.now() + timedelta(hours=1), now=clock.now()
        )

    async def claim():
        async with db.unit_of_work() as uow:
            return await uow.timers.claim_due(now=clock.now())

    first, second = await asyncio.gather(claim(), claim())
    assert sorted(t.subject for t in first + second) == ["S1"]
    # Claimed but never finished (a crash): after the lease it is claimed again.
    clock.advance(timedelta(minutes=3))
    again = await claim()
    assert [t.subject for t in again] == ["S1"] and again[0].attempts == 2
    async with db.unit_of_work() as uow:
        await uow.timers.finish(again[0].id, now=clock.now())
    clock.advance(timedelta(hours=2))
    assert [t.subject for t in await claim()] == ["S2"]


async def test_cancelled_timers_never_fire(db: Database, clock):
    async with db.unit_of_work() as uow:
        await uow.timers.schedule("case.remind", "K7F3", clock.now(), now=clock.now())
        assert await uow.timers.cancel("case.remind", "K7F3", now=clock.now()) == 1
    async with db.unit_of_work() as uow:
        assert await uow.timers.claim_due(now=clock.now() + timedelta(days=1)) == []


async def test_inbox_keeps_an_update_once_and_forgets_its_content(db: Database, clock):
    update = {"update_id": 7, "message": {"text": "Fatima woont op Damrak 1"}}
    async with db.unit_of_work() as uow:
        assert await uow.inbox.add(7, update, now=clock.now())
        assert not await uow.inbox.add(7, update, now=clock.now())
        assert await uow.inbox.next_offset() == 8
    async with db.engine.connect() as conn:
        raw = (await conn.execute(text("SELECT payload FROM inbox_update"))).scalar()
    assert "Fatima" not in raw  # encrypted at rest while it waits
    async with db.unit_of_work() as uow:
        assert await uow.inbox.pending() == [(7, update)]
        await uow.inbox.mark_done(7, now=clock.now())
        assert await uow.inbox.pending() == []
        assert await uow.inbox.next_offset() == 8


async def test_conversation_expires_after_a_day(db: Database, clock):
    state = ConversationRecord("enrol", "name", {"invite": 1}, 5)
    async with db.unit_of_work() as uow:
        await uow.conversations.save(1, state, expires_at=clock.now() + timedelta(hours=24))
    async with db.unit_of_work() as uow:
        assert await uow.conversations.get(1, now=clock.now()) == state
        assert await uow.conversations.get(1, now=clock.now() + timedelta(hours=25)) is None
        assert await uow.retention.expired_drafts(now=clock.now() + timedelta(hours=25)) == 1


async def test_a_failed_unit_of_work_leaves_nothing_behind(db: Database, clock):
    try:
        async with db.unit_of_work() as uow:
            await uow.people.add_organisation("Half", now=clock.now())
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    async with db.unit_of_work() as uow:
        assert await uow.people.organisation_by_name("Half") is None
