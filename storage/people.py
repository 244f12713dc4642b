"""Organisations, people, their memberships and the invites that enrol them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from itertools import groupby

from sqlalchemy import Row, Select, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import readahead
from storage.models import Invite, Membership, Organisation, Person
from storage.records import InviteRecord, MembershipRecord, OrganisationRecord, PersonRecord


def _person_with_memberships(key, *, many: bool = False) -> Select:
    """Built once: building a statement costs more than running it on SQLite."""
    person, membership = Person.__table__.c, Membership.__table__.c
    return (
        select(
            person.id,
            person.telegram_id,
            person.display_name,
            person.locale,
            person.active,
            person.reachable,
            person.area,
            person.digest_hour,
            membership.organisation_id,
            membership.role,
            membership.confidant_id,
            membership.backup_id,
        )
        .select_from(
            Person.__table__.outerjoin(Membership.__table__, membership.person_id == person.id)
        )
        .where(key.in_(bindparam("keys", expanding=True)) if many else key == bindparam("key"))
        .order_by(person.id, membership.id)
    )


_BY_TELEGRAM_ID = _person_with_memberships(Person.__table__.c.telegram_id)
_BY_TELEGRAM_IDS = _person_with_memberships(Person.__table__.c.telegram_id, many=True)
_BY_ID = _person_with_memberships(Person.__table__.c.id)
_BY_IDS = _person_with_memberships(Person.__table__.c.id, many=True)


def _person(rows: Iterable[Row]) -> PersonRecord:
    """A person from the rows of `_person_with_memberships`: one per membership, each
    with the person's columns and the membership's (`_record` reads them by name)."""
    rows = list(rows)
    return _record(rows[0], [row for row in rows if row.organisation_id is not None])


class PeopleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    # organisations -----------------------------------------------------
    async def add_organisation(self, name: str, *, now: datetime, locale: str = "nl") -> int:
        org = Organisation(name=name, default_locale=locale, created_at=now)
        self._s.add(org)
        await self._s.flush()
        return org.id

    async def configure_organisation(self, organisation_id: int, **settings: int | str) -> None:
        """Change an organisation's name or settings (locale, acknowledgement times,
        retention)."""
        allowed = {
            "name",
            "default_locale",
            "ack_minutes",
            "urgent_ack_minutes",
            "case_retention_days",
            "person_retention_days",
            "checkin_days",
            "visit_answer_minutes",
            "visit_ack_minutes",
            "visit_note_days",
            "wellbeing_days",
            "intervision_first_reminder_days",
            "intervision_last_reminder_days",
        }
        if set(settings) - allowed:
            raise ValueError(f"not an organisation setting: {sorted(set(settings) - allowed)}")
        await self._s.execute(
            update(Organisation).where(Organisation.id == organisation_id).values(**settings)
        )
        self._organisations.pop(organisation_id, None)

    async def organisation(self, organisation_id: int) -> OrganisationRecord | None:
        """Looked up once per unit of work: nearly every timer of a batch reads its
        organisation's settings, and within one transaction only
        `configure_organisation` changes them."""
        known = self._organisations
        if organisation_id not in known:
            known[organisation_id] = _org(await self._s.get(Organisation, organisation_id))
        return known[organisation_id]

    @property
    def _organisations(self) -> dict[int, OrganisationRecord | None]:
        return self._s.info.setdefault("organisations", {})

    async def organisation_by_name(self, name: str) -> OrganisationRecord | None:
        row = await self._s.scalar(select(Organisation).where(Organisation.name == name))
        return _org(row)

    async def organisations(self) -> list[OrganisationRecord]:
        rows = await self._s.scalars(select(Organisation).order_by(Organisation.name))
        return [_org(r) for r in rows]

    # people ------------------------------------------------------------
    async def by_telegram_id(self, telegram_id: int) -> PersonRecord | None:
        known = readahead.get(self._s, "person", ("telegram_id", telegram_id))
        if known is not readahead.MISSING:
            return known
        return await self._one(_BY_TELEGRAM_ID, telegram_id)

    async def read_ahead(self, telegram_ids: list[int]) -> list[PersonRecord]:
        """These people (with memberships) in one statement, kept for `by_telegram_id`
        (a round's senders: `readahead`), and for `get` too."""
        people = await self._many(_BY_TELEGRAM_IDS, telegram_ids)
        self._keep(people, "telegram_id", telegram_ids)
        return people

    async def read_ahead_by_id(self, person_ids: Iterable[int]) -> None:
        """These people (with memberships) in one statement, kept for `get` and
        `display_names` (a chunk of timers that each look up their own: `readahead`)."""
        ids = list(dict.fromkeys(person_ids))
        self._keep(await self._many(_BY_IDS, ids), "id", ids)

    def _keep(self, people: list[PersonRecord], key: str, asked: list[int]) -> None:
        """Keep what was read under both its keys; who was asked for and not found, as
        none."""
        rows: dict[tuple[str, int], PersonRecord | None] = {(key, k): None for k in asked}
        for person in people:
            rows[("id", person.id)] = rows[("telegram_id", person.telegram_id)] = person
        readahead.keep(self._s, "person", rows)

    async def get(self, person_id: int) -> PersonRecord | None:
        known = readahead.get(self._s, "person", ("id", person_id))
        if known is not readahead.MISSING:
            return known
        return await self._one(_BY_ID, person_id)

    async def _many(self, statement, keys: list[int]) -> list[PersonRecord]:
        rows = (await self._s.execute(statement, {"keys": keys})).all()
        return [_person(group) for _id, group in groupby(rows, key=lambda row: row.id)]

    async def _one(self, statement, key: int) -> PersonRecord | None:
        """A person and their memberships in one statement (Core: no ORM objects)."""
        rows = (await self._s.execute(statement, {"key": key})).all()
        return _person(rows) if rows else None

    async def add_person(
        self, *, telegram_id: int, display_name: str, locale: str, now: datetime
    ) -> int:
        person = Person(
            telegram_id=telegram_id,
            display_name=display_name,
            locale=locale,
            consented_at=now,
            created_at=now,
        )
        self._s.add(person)
        await self._s.flush()
        return person.id

    async def add_membership(
        self,
        person_id: int,
        organisation_id: int,
        role: str,
        *,
        confidant_id: int | None = None,
        backup_id: int | None = None,
    ) -> None:
        existing = await self._s.scalar(
            select(Membership).where(
                Membership.person_id == person_id,
                Membership.organisation_id == organisation_id,
                Membership.role == role,
            )
        )
        if existing is None:
            existing = Membership(person_id=person_id, organisation_id=organisation_id, role=role)
            self._s.add(existing)
        existing.confidant_id = confidant_id if confidant_id is not None else existing.confidant_id
        existing.backup_id = backup_id if backup_id is not None else existing.backup_id
        await self._s.flush()

    async def in_organisation(
        self, organisation_id: int, role: str | None = None
    ) -> list[PersonRecord]:
        """The organisation's people with all their memberships, in two statements
        (a broadcast reads thousands)."""
        query = (
            select(Person)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.organisation_id == organisation_id)
            .order_by(Person.id)
            .distinct()
        )
        if role is not None:
            query = query.where(Membership.role == role)
        rows = list(await self._s.scalars(query))
        memberships: dict[int, list[Membership]] = {row.id: [] for row in rows}
        for start in range(0, len(rows), 500):  # bound the parameters of one statement
            ids = [row.id for row in rows[start : start + 500]]
            for m in await self._s.scalars(
                select(Membership).where(Membership.person_id.in_(ids)).order_by(Membership.id)
            ):
                memberships[m.person_id].append(m)
        return [_record(row, memberships[row.id]) for row in rows]

    async def display_names(self, person_ids: Iterable[int]) -> dict[int, str]:
        """The names of many people in one statement (lists of who answered, who was
        not reached)."""
        names: dict[int, str] = {}
        ids = []
        for person_id in dict.fromkeys(person_ids):
            known = readahead.get(self._s, "person", ("id", person_id))
            if known is readahead.MISSING:
                ids.append(person_id)
            elif known is not None:
                names[person_id] = known.display_name
        if ids:
            rows = await self._s.execute(
                select(Person.id, Person.display_name).where(Person.id.in_(ids))
            )
            names.update(rows.all())
        return names

    async def set_area(self, person_id: int, area: str | None) -> None:
        await self._s.execute(update(Person).where(Person.id == person_id).values(area=area))

    async def areas(self, organisation_id: int) -> list[str]:
        """The areas set for the organisation's people, in alphabetical order."""
        rows = await self._s.scalars(
            select(Person.area)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.organisation_id == organisation_id, Person.area.is_not(None))
            .distinct()
        )
        return sorted(rows, key=str.casefold)

    async def set_digest_hour(self, person_id: int, hour: int | None) -> None:
        await self._s.execute(update(Person).where(Person.id == person_id).values(digest_hour=hour))

    async def duress_hash(self, person_id: int) -> str | None:
        return await self._s.scalar(select(Person.duress_hash).where(Person.id == person_id))

    async def set_duress_hash(self, person_id: int, value: str | None) -> None:
        await self._s.execute(
            update(Person).where(Person.id == person_id).values(duress_hash=value)
        )

    async def set_locale(self, person_id: int, locale: str) -> None:
        await self._s.execute(update(Person).where(Person.id == person_id).values(locale=locale))

    async def set_reachable(self, person_id: int, reachable: bool) -> None:
        await self._s.execute(
            update(Person).where(Person.id == person_id).values(reachable=reachable)
        )

    async def set_active(self, person_id: int, active: bool, *, now: datetime) -> None:
        await self._s.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(active=active, left_at=None if active else now)
        )

    async def assign(
        self,
        key_person_id: int,
        organisation_id: int,
        *,
        confidant_id: int | None = None,
        backup_id: int | None = None,
    ) -> None:
        """Set a key person's confidant and/or backup in one organisation."""
        values = {}
        if confidant_id is not None:
            values["confidant_id"] = confidant_id
        if backup_id is not None:
            values["backup_id"] = backup_id
        await self._s.execute(
            update(Membership)
            .where(
                Membership.person_id == key_person_id,
                Membership.organisation_id == organisation_id,
                Membership.role == "key_person",
            )
            .values(**values)
        )

    async def add_invite(
        self,
        *,
        code_hash: str,
        organisation_id: int,
        role: str,
        expires_at: datetime,
        now: datetime,
        confidant_id: int | None = None,
        backup_id: int | None = None,
        created_by_id: int | None = None,
    ) -> int:
        invite = Invite(
            code_hash=code_hash,
            organisation_id=organisation_id,
            role=role,
            confidant_id=confidant_id,
            backup_id=backup_id,
            created_by_id=created_by_id,
            created_at=now,
            expires_at=expires_at,
        )
        self._s.add(invite)
        await self._s.flush()
        return invite.id

    async def invite_by_hash(self, code_hash: str) -> InviteRecord | None:
        return _invite(await self._s.scalar(select(Invite).where(Invite.code_hash == code_hash)))

    async def invite(self, invite_id: int) -> InviteRecord | None:
        return _invite(await self._s.get(Invite, invite_id))

    async def pending_invites(self, organisation_id: int, *, now: datetime) -> list[InviteRecord]:
        """Invites of an organisation that can still be used, oldest first."""
        rows = await self._s.scalars(
            select(Invite)
            .where(
                Invite.organisation_id == organisation_id,
                Invite.used_at.is_(None),
                Invite.expires_at > now,
            )
            .order_by(Invite.id)
        )
        return [_invite(row) for row in rows]

    async def revoke_invite(self, invite_id: int, organisation_id: int, *, now: datetime) -> bool:
        """Make a pending invite unusable from now on; False when there is none such."""
        result = await self._s.execute(
            update(Invite)
            .where(
                Invite.id == invite_id,
                Invite.organisation_id == organisation_id,
                Invite.used_at.is_(None),
                Invite.expires_at > now,
            )
            .values(expires_at=now)
        )
        return result.rowcount == 1

    async def use_invite(self, invite_id: int, *, now: datetime) -> bool:
        """Mark an invite used; False when someone else used it first."""
        result = await self._s.execute(
            update(Invite)
            .where(Invite.id == invite_id, Invite.used_at.is_(None))
            .values(used_at=now)
        )
        return result.rowcount == 1


def _org(row: Organisation | None) -> OrganisationRecord | None:
    if row is None:
        return None
    return OrganisationRecord(
        row.id,
        row.name,
        row.default_locale,
        row.ack_minutes,
        row.urgent_ack_minutes,
        row.case_retention_days,
        row.person_retention_days,
        row.checkin_days,
        row.visit_answer_minutes,
        row.visit_ack_minutes,
        row.visit_note_days,
        row.wellbeing_days,
        row.intervision_first_reminder_days,
        row.intervision_last_reminder_days,
    )


def _invite(row: Invite | None) -> InviteRecord | None:
    if row is None:
        return None
    return InviteRecord(
        row.id,
        row.organisation_id,
        row.role,
        row.confidant_id,
        row.backup_id,
        row.expires_at,
        row.used_at,
        row.created_by_id,
    )


def _record(row: Person | Row, memberships: list[Membership] | list[Row]) -> PersonRecord:
    return PersonRecord(
        id=row.id,
        telegram_id=row.telegram_id,
        display_name=row.display_name,
        locale=row.locale,
        active=row.active,
        reachable=row.reachable,
        memberships=tuple(
            MembershipRecord(m.organisation_id, m.role, m.confidant_id, m.backup_id)
            for m in memberships
        ),
        area=row.area,
        digest_hour=row.digest_hour,
    )
