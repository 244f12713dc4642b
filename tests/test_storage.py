"""Storage on SQLite and PostgreSQL: migrations, timers, inbox, outbox, conversations."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import migration_script
from sqlalchemy import text

from storage.database import Database
from storage.inbox import LEASE, REPLY_LEASE, IncomingUpdate
from storage.models import Base
from storage.records import ConversationRecord


def revisions() -> list[str]:
    return [rev.revision for rev in reversed(list(migration_script().walk_revisions()))]


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


def incoming(update_id: int, chat_id: int | None = 30, text: str = "hallo") -> IncomingUpdate:
    payload = {"update_id": update_id, "message": {"text": text, "from": {"id": chat_id}}}
    return IncomingUpdate(update_id, chat_id, "message", payload)


async def test_inbox_keeps_an_update_once_and_forgets_its_content(db: Database, clock):
    update = incoming(7, text="Fatima woont op Damrak 1")
    async with db.unit_of_work() as uow:
        assert await uow.inbox.add([update], now=clock.now()) == 1
        assert await uow.inbox.add([update], now=clock.now()) == 0
        assert await uow.inbox.next_offset() == 8
    async with db.engine.connect() as conn:
        raw = (await conn.execute(text("SELECT payload FROM inbox_update"))).scalar()
    assert "Fatima" not in raw  # encrypted at rest while it waits
    async with db.unit_of_work() as uow:
        [claimed] = await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
        assert (claimed.update_id, claimed.payload, claimed.attempts) == (7, update.payload, 1)
        await uow.inbox.mark_handled([7], now=clock.now())
    async with db.unit_of_work() as uow:
        assert await uow.inbox.claim_heads(now=clock.now(), skip_locked=False) == []
        assert await uow.inbox.next_offset() == 8


async def test_inbox_hands_out_one_update_per_person_at_a_time(db: Database, clock):
    async with db.unit_of_work() as uow:
        chatless = [incoming(4, None), incoming(5, None)]
        await uow.inbox.add(
            [incoming(1, 30), incoming(2, 30), incoming(3, 31), *chatless], now=clock.now()
        )
    async with db.unit_of_work() as uow:
        first = await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
    # 2 waits behind 1, same person; updates without a chat wait for no other
    assert [u.update_id for u in first] == [1, 3, 4, 5]
    async with db.unit_of_work() as uow:  # a second worker gets nothing meanwhile
        assert await uow.inbox.claim_heads(now=clock.now(), skip_locked=False) == []
        await uow.inbox.mark_handled([1], now=clock.now())
    async with db.unit_of_work() as uow:  # ... nor while the replies to 1 are being sent
        assert await uow.inbox.claim_heads(now=clock.now(), skip_locked=False) == []
        await uow.inbox.mark_done([1])
    async with db.unit_of_work() as uow:
        assert [
            u.update_id for u in await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
        ] == [2]


async def test_answering_a_round_and_claiming_the_next_is_one_step(db: Database, clock):
    """The last round's updates marked answered and the next heads claimed together (on
    PostgreSQL one statement of its own): nothing else changes, none is claimed twice."""
    async with db.unit_of_work() as uow:
        await uow.inbox.add([incoming(n, 30 + n % 3) for n in range(1, 7)], now=clock.now())
    async with db.one_statement() as uow:  # nothing answered yet: only a claim
        first = await uow.inbox.answer_and_claim([], now=clock.now(), limit=2)
    assert [u.update_id for u in first] == [1, 2]
    async with db.unit_of_work() as uow:
        await uow.inbox.mark_handled([1, 2], now=clock.now())
        assert await uow.inbox.count_unanswered() == 6
    async with db.one_statement() as uow:  # 1 and 2 answered: 4 and 5 are heads now
        second = await uow.inbox.answer_and_claim([1, 2], now=clock.now(), limit=5)
    assert [u.update_id for u in second] == [3, 4, 5]
    async with db.unit_of_work() as uow:
        assert await uow.inbox.count_unanswered() == 4
        assert await uow.inbox.count_pending() == 4


async def test_a_worker_that_died_before_replying_holds_up_the_next_update_only_briefly(db, clock):
    """Handled, then the worker died before its replies went out: the sender's next
    update goes once REPLY_LEASE has passed, not after the whole claim's lease."""
    async with db.unit_of_work() as uow:
        await uow.inbox.add([incoming(1, 30), incoming(2, 30)], now=clock.now())
        await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
        await uow.inbox.mark_handled([1], now=clock.now())  # ... and the worker dies
    clock.advance(REPLY_LEASE - timedelta(seconds=1))
    async with db.unit_of_work() as uow:
        assert await uow.inbox.claim_heads(now=clock.now(), skip_locked=False) == []
    clock.advance(timedelta(seconds=2))
    async with db.unit_of_work() as uow:
        [next_one] = await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
    assert next_one.update_id == 2 and REPLY_LEASE < LEASE


async def test_a_claim_that_was_never_finished_is_taken_again_after_its_lease(db, clock):
    async with db.unit_of_work() as uow:
        await uow.inbox.add([incoming(1)], now=clock.now())
        await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)  # the worker dies
    clock.advance(timedelta(minutes=2))
    async with db.unit_of_work() as uow:
        [again] = await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
    assert (again.update_id, again.attempts) == (1, 2)


async def test_a_lone_worker_starting_frees_what_a_killed_one_held(db: Database, clock):
    async with db.unit_of_work() as uow:
        await uow.inbox.add([incoming(1), incoming(2)], now=clock.now())
        await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)  # then killed
    async with db.unit_of_work() as uow:
        for queue in (uow.inbox, uow.outbox, uow.timers):
            await queue.release_all()
    async with db.unit_of_work() as uow:  # at once, not after the lease
        [again] = await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
    assert again.update_id == 1


async def test_a_set_aside_update_keeps_only_its_id_kind_and_reason(db: Database, clock):
    async with db.unit_of_work() as uow:
        await uow.inbox.add(
            [IncomingUpdate(5, 30, "message", None, "flood"), incoming(6)], now=clock.now()
        )
        assert await uow.inbox.set_aside_since(30, "flood", clock.now()) == 1
        assert [
            u.update_id for u in await uow.inbox.claim_heads(now=clock.now(), skip_locked=False)
        ] == [6]
    async with db.engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT status, kind, reason, payload FROM inbox_update WHERE update_id = 5")
            )
        ).one()
    assert tuple(row) == ("failed", "message", "flood", None)


async def test_outbox_hands_out_a_persons_messages_in_order_once(db: Database, clock):
    async with db.unit_of_work() as uow:
        org = await uow.people.add_organisation("Noord", now=clock.now())
        people = [
            await uow.people.add_person(
                telegram_id=t, display_name="K", locale="nl", now=clock.now()
            )
            for t in (1, 2)
        ]
        await uow.people.add_membership(people[0], org, "key_person")
        first, second, other = [
            await uow.outbox.add(p, {"n": n}, now=clock.now())
            for n, p in enumerate([people[0], people[0], people[1]])
        ]
    async with db.unit_of_work() as uow:
        assert [m.id for m in await uow.outbox.claim_due(now=clock.now())] == [first, other]
    async with db.unit_of_work() as uow:  # claimed: a second worker takes none of them
        assert await uow.outbox.claim_due(now=clock.now()) == []
        await uow.outbox.mark_sent(first, now=clock.now(), telegram_message_id=9)
    async with db.unit_of_work() as uow:
        assert [m.id for m in await uow.outbox.claim_due(now=clock.now())] == [second]


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
