"""What a round reads ahead is what a query would return: a write in the round to its
tables, through any repository or an ORM flush, makes the next lookup ask the database.

`Engine.handle_all` reads each sender's person, conversation and open visit for the
whole round in one statement each (`storage.readahead`); the round's updates are then
handled one after another in the same transaction, and one of them may change another's
rows (a coordinator pausing a key person, a visit started).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, update

from storage.database import Database
from storage.models import Person
from storage.records import ConversationRecord

ALICE, BOB = 501, 502


async def two_people(db: Database, clock) -> tuple[int, int]:
    async with db.unit_of_work() as uow:
        org = await uow.people.add_organisation("Noord", now=clock.now())
        people = []
        for telegram_id in (ALICE, BOB):
            person = await uow.people.add_person(
                telegram_id=telegram_id, display_name="K", locale="nl", now=clock.now()
            )
            await uow.people.add_membership(person, org, "key_person")
            people.append(person)
    return people[0], people[1]


def count_statements(db: Database) -> list[str]:
    """Every statement sent from now on."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        sent.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    return sent


async def test_a_round_reads_its_senders_in_one_statement_per_table(db: Database, clock):
    alice, bob = await two_people(db, clock)
    async with db.unit_of_work() as uow:
        await uow.conversations.save(
            BOB, ConversationRecord("concern", "what", {}), expires_at=clock.now() + timedelta(1)
        )
    sent = count_statements(db)
    async with db.unit_of_work() as uow:
        await uow.read_ahead([ALICE, BOB, 503])
        read = len(sent)
        for telegram_id, person_id in ((ALICE, alice), (BOB, bob), (503, None)):
            job = await uow.fresh()
            person = await job.people.by_telegram_id(telegram_id)
            assert (person.id if person else None) == person_id
            assert person is None or person.memberships[0].role == "key_person"
            conversation = await job.conversations.get(telegram_id, now=clock.now())
            assert (conversation.step if conversation else None) == (
                "what" if telegram_id == BOB else None
            )
            if person_id is not None:
                assert await job.visits.open_of(person_id) is None
    assert read == 3
    assert len(sent) == read  # the lookups asked the database nothing


async def test_a_write_in_the_round_is_seen_by_the_next_lookup(db: Database, clock):
    alice, bob = await two_people(db, clock)
    async with db.unit_of_work() as uow:
        await uow.read_ahead([ALICE, BOB])
        # Alice's update pauses Bob (any repository, any statement) ...
        job = await uow.fresh()
        await job.session.execute(update(Person).where(Person.id == bob).values(active=False))
        # ... and starts a conversation for him, and a visit (an ORM flush).
        await job.conversations.save(
            BOB, ConversationRecord("visit", "note", {}), expires_at=clock.now() + timedelta(1)
        )
        visit = await job.visits.add(
            reference="V-1",
            organisation_id=1,
            key_person_id=bob,
            confidant_id=None,
            note=None,
            due_at=clock.now() + timedelta(hours=1),
            now=clock.now(),
        )
        # Bob's update, next in the round, sees all three.
        job = await uow.fresh()
        assert (await job.people.by_telegram_id(BOB)).active is False
        assert (await job.conversations.get(BOB, now=clock.now())).step == "note"
        assert (await job.visits.open_of(bob)).id == visit.id
        assert (await job.people.by_telegram_id(ALICE)).id == alice


async def test_changes_not_yet_written_are_not_passed_by(db: Database, clock):
    """A lookup would flush them first (autoflush); a read-ahead hit must not skip that."""
    _alice, bob = await two_people(db, clock)
    async with db.unit_of_work() as uow:
        await uow.read_ahead([ALICE, BOB])
        job = await uow.fresh()
        row = await job.session.get(Person, bob)
        row.display_name = "L"  # pending in the session, not yet flushed
        assert (await job.people.by_telegram_id(BOB)).display_name == "L"


async def test_people_read_by_id_for_a_chunk_of_timers_see_a_write(db: Database, clock):
    """`read_ahead_by_id` (a chunk of escalation timers) answers `get` and `display_names`
    without asking the database, until something writes the people's tables."""
    alice, bob = await two_people(db, clock)
    sent = count_statements(db)
    async with db.unit_of_work() as uow:
        await uow.people.read_ahead_by_id([alice, bob, 999])
        read = len(sent)
        job = await uow.fresh()
        assert (await job.people.get(alice)).memberships[0].role == "key_person"
        assert await job.people.get(999) is None
        assert await job.people.display_names([alice, bob, 999]) == {alice: "K", bob: "K"}
        assert len(sent) == read  # nothing asked
        await job.people.set_reachable(bob, False)
        job = await uow.fresh()
        assert (await job.people.get(bob)).reachable is False
    assert read == 1
