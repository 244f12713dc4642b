"""`/mydata`: everything Sleutel keeps about the person, readable and as a JSON file.

The export holds what the person themselves gave or did: their profile and
roles, the cases they logged (with initials and their own cleaned note), the
messages and notes they wrote about cases, and their activity log. Cases they
helped with are listed by reference and status only: the content of those
belongs to someone else's concern. Their wellbeing check-ins are there as the codes
that are kept, their visits with the note they left for their confidant, and the
goals of their development plan.
"""

from __future__ import annotations

import json
from typing import Any

from flows.cases.casefile import NOT_CLOSED
from flows.core.context import Context
from flows.core.messages import Document, _n
from storage.records import CaseRecord

NAME = "mydata"


async def start(ctx: Context, _arg: str) -> None:
    export = await collect(ctx)
    content = json.dumps(export, ensure_ascii=False, indent=2, default=str).encode()
    ctx.reply(
        _n(
            "Here is everything Sleutel keeps about you, with {n} concern you logged. "
            "Keep the file safe: once forwarded, it is no longer protected.",
            "Here is everything Sleutel keeps about you, with {n} concerns you logged. "
            "Keep the file safe: once forwarded, it is no longer protected.",
            len(export["cases_logged"]),
        ),
        protect=True,
        document=Document("sleutel-my-data.json", content),
    )
    await ctx.audit("person.exported", subject=f"P{ctx.person.id}")


async def collect(ctx: Context) -> dict[str, Any]:
    person, uow = ctx.person, ctx.uow
    names = {}
    for membership in person.memberships:
        for other in (membership.confidant_id, membership.backup_id):
            if other and other not in names:
                record = await uow.people.get(other)
                names[other] = record.display_name if record else None
    organisations = {
        m.organisation_id: await uow.people.organisation(m.organisation_id)
        for m in person.memberships
    }
    helped = await uow.cases.for_helper(person.id, (*NOT_CLOSED, "closed"), limit=1000)
    return {
        "exported_at": ctx.now.isoformat(),
        "person": {
            "id": f"P{person.id}",
            "display_name": person.display_name,
            "language": person.locale,
            "active": person.active,
            "telegram_user_id": person.telegram_id,
            "roles": [
                {
                    "organisation": organisations[m.organisation_id].name,
                    "role": m.role,
                    "confidant": names.get(m.confidant_id),
                    "backup_confidant": names.get(m.backup_id),
                }
                for m in person.memberships
            ],
        },
        "cases_logged": [_case(c) for c in await uow.cases.of_key_person(person.id, limit=1000)],
        "cases_helped_with": [{"reference": c.reference, "status": c.status} for c in helped],
        "texts_written": [
            {
                "case": reference,
                "at": event.at.isoformat(),
                "kind": event.action,
                "text": event.body,
            }
            for reference, event in await uow.cases.texts_by(person.id)
        ],
        "activity": [
            {"at": a.at.isoformat(), "action": a.action, "subject": a.subject}
            for a in await uow.audit.by_actor(person.id)
        ],
        "wellbeing_checkins": [
            {
                "asked_at": a.asked_at.isoformat(),
                "answered_at": a.answered_at.isoformat() if a.answered_at else None,
                "answer": a.answer,
                "detail": a.detail,
            }
            for a in await uow.checkins.answers_of(person.id)
        ],
        "visits": [
            {
                "reference": v.reference,
                "started_at": v.started_at.isoformat(),
                "due_at": v.due_at.isoformat(),
                "ended_at": v.ended_at.isoformat() if v.ended_at else None,
                "status": v.status,
                "note": v.note,
            }
            for v in await uow.visits.of_key_person(person.id)
        ],
        "development_goals": [text for _id, text in await uow.intervision.goals(person.id)],
    }


def _case(case: CaseRecord) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "status": case.status,
        "created_at": case.created_at.isoformat(),
        "urgent": case.urgent,
        "initials": case.initials,
        "age_group": case.age_group,
        "relation": case.relation,
        "children_in_household": case.children,
        "signals": list(case.signals),
        "honour_related": case.honour,
        "note": case.note,
        "note_language": case.note_locale,
    }
