"""The storage the people domain needs (implemented by `storage.people`)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from storage.records import InviteRecord, OrganisationRecord, PersonRecord


class PeopleStore(Protocol):
    async def get(self, person_id: int) -> PersonRecord | None: ...
    async def by_telegram_id(self, telegram_id: int) -> PersonRecord | None: ...
    async def in_organisation(
        self, organisation_id: int, role: str | None = None
    ) -> list[PersonRecord]: ...
    async def organisation(self, organisation_id: int) -> OrganisationRecord | None: ...
    async def organisations(self) -> list[OrganisationRecord]: ...
    async def add_person(
        self, *, telegram_id: int, display_name: str, locale: str, now: datetime
    ) -> int: ...
    async def add_membership(
        self,
        person_id: int,
        organisation_id: int,
        role: str,
        *,
        confidant_id: int | None = None,
        backup_id: int | None = None,
    ) -> None: ...
    async def assign(
        self,
        key_person_id: int,
        organisation_id: int,
        *,
        confidant_id: int | None = None,
        backup_id: int | None = None,
    ) -> None: ...
    async def set_active(self, person_id: int, active: bool, *, now: datetime) -> None: ...
    async def set_locale(self, person_id: int, locale: str) -> None: ...
    async def duress_hash(self, person_id: int) -> str | None: ...
    async def set_duress_hash(self, person_id: int, value: str | None) -> None: ...
    async def set_reachable(self, person_id: int, reachable: bool) -> None: ...
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
    ) -> int: ...
    async def invite(self, invite_id: int) -> InviteRecord | None: ...
    async def invite_by_hash(self, code_hash: str) -> InviteRecord | None: ...
    async def use_invite(self, invite_id: int, *, now: datetime) -> bool: ...
    async def pending_invites(
        self, organisation_id: int, *, now: datetime
    ) -> list[InviteRecord]: ...
    async def revoke_invite(
        self, invite_id: int, organisation_id: int, *, now: datetime
    ) -> bool: ...
