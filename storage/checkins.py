"""Wellbeing check-ins: each key person's plan and the answers, as codes only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CheckinAnswer, CheckinPlan, Membership, Person
from storage.records import CheckinAnswerRecord, CheckinPlanRecord

PLAN_FIELDS = {"weekday", "hour", "paused", "unanswered", "next_at"}


class CheckinRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    # plans -------------------------------------------------------------
    async def plan(self, person_id: int) -> CheckinPlanRecord | None:
        return _plan(await self._s.get(CheckinPlan, person_id))

    async def add_plan(
        self, person_id: int, organisation_id: int, *, hour: int, next_at: datetime | None
    ) -> CheckinPlanRecord:
        row = CheckinPlan(
            person_id=person_id,
            organisation_id=organisation_id,
            weekday=None,
            hour=hour,
            paused=False,
            unanswered=0,
            next_at=next_at,
        )
        self._s.add(row)
        await self._s.flush()
        return _plan(row)

    async def update_plan(self, person_id: int, **changes: Any) -> None:
        if set(changes) - PLAN_FIELDS:
            raise ValueError(f"not a plan field: {sorted(set(changes) - PLAN_FIELDS)}")
        await self._s.execute(
            update(CheckinPlan).where(CheckinPlan.person_id == person_id).values(**changes)
        )

    async def unplanned(self, role: str, *, limit: int) -> list[tuple[int, int]]:
        """(person id, organisation id) of active people in `role` without a planned round:
        no plan at all, or a plan that is not paused but has no next round; at most
        `limit` rows."""
        rows = await self._s.execute(
            select(Membership.person_id, Membership.organisation_id)
            .join(Person, Person.id == Membership.person_id)
            .outerjoin(CheckinPlan, CheckinPlan.person_id == Membership.person_id)
            .where(
                Membership.role == role,
                Person.active.is_(True),
                (CheckinPlan.person_id.is_(None))
                | and_(CheckinPlan.paused.is_(False), CheckinPlan.next_at.is_(None)),
            )
            .order_by(Membership.person_id)
            .limit(limit)
        )
        seen: dict[int, int] = {}
        for person_id, organisation_id in rows:
            seen.setdefault(person_id, organisation_id)
        return list(seen.items())

    # answers -----------------------------------------------------------
    async def ask(self, person_id: int, organisation_id: int, *, now: datetime) -> int:
        row = CheckinAnswer(person_id=person_id, organisation_id=organisation_id, asked_at=now)
        self._s.add(row)
        await self._s.flush()
        return row.id

    async def answer(self, answer_id: int) -> CheckinAnswerRecord | None:
        return _answer(await self._s.get(CheckinAnswer, answer_id))

    async def set_answer(
        self, answer_id: int, *, answer: str, detail: str | None, now: datetime
    ) -> None:
        await self._s.execute(
            update(CheckinAnswer)
            .where(CheckinAnswer.id == answer_id)
            .values(answer=answer, detail=detail, answered_at=now)
        )

    async def answers_of(self, person_id: int, *, limit: int = 1000) -> list[CheckinAnswerRecord]:
        """A person's check-ins, newest first."""
        rows = await self._s.scalars(
            select(CheckinAnswer)
            .where(CheckinAnswer.person_id == person_id)
            .order_by(CheckinAnswer.asked_at.desc(), CheckinAnswer.id.desc())
            .limit(limit)
        )
        return [_answer(r) for r in rows]

    async def counts(self, organisation_id: int, *, since: datetime) -> dict[str | None, int]:
        """How many check-ins asked since `since` got each answer (None: no answer)."""
        rows = await self._s.execute(
            select(CheckinAnswer.answer, func.count())
            .where(
                CheckinAnswer.organisation_id == organisation_id,
                CheckinAnswer.asked_at >= since,
            )
            .group_by(CheckinAnswer.answer)
        )
        return {answer: n for answer, n in rows}


def _plan(row: CheckinPlan | None) -> CheckinPlanRecord | None:
    if row is None:
        return None
    return CheckinPlanRecord(
        row.person_id,
        row.organisation_id,
        row.weekday,
        row.hour,
        row.paused,
        row.unanswered,
        row.next_at,
    )


def _answer(row: CheckinAnswer | None) -> CheckinAnswerRecord | None:
    if row is None:
        return None
    return CheckinAnswerRecord(
        row.id,
        row.person_id,
        row.organisation_id,
        row.asked_at,
        row.answered_at,
        row.answer,
        row.detail,
    )
