"""`/wellbeing`: how the key persons are doing, from their check-ins.

A confidant sees, for each of their key persons, the last answers with their
dates: a simple trend, codes only. A coordinator sees only anonymous counts for
the organisation over the last 90 days: how many check-ins got each answer, no
names.
"""

from __future__ import annotations

from datetime import timedelta, tzinfo

from flows.checkins.wellbeing import ANSWERS, DETAILS
from flows.core.context import Context
from flows.core.messages import Inline, Text, _, verbatim
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from storage.records import CheckinAnswerRecord

SHOWN = 6  # answers per key person
COUNTED = timedelta(days=90)


async def start(ctx: Context, _arg: str) -> None:
    texts = []
    for membership in ctx.person.memberships:
        if membership.role == CONFIDANT:
            texts.append(await confidant_view(ctx, membership.organisation_id))
        elif membership.role == COORDINATOR:
            texts.append(await coordinator_view(ctx, membership.organisation_id))
    for index, text in enumerate(texts):
        ctx.reply(text, ctx.menu() if index == len(texts) - 1 else ())


async def confidant_view(ctx: Context, organisation_id: int) -> Text:
    rows = []
    for person in await ctx.uow.people.in_organisation(organisation_id, KEY_PERSON):
        membership = person.membership(KEY_PERSON)
        if not person.active or membership.confidant_id != ctx.person.id:
            continue
        plan = await ctx.uow.checkins.plan(person.id)
        answers = await ctx.uow.checkins.answers_of(person.id, limit=SHOWN)
        items = [_item(a, ctx.config.tz) for a in answers] or [_("no check-ins yet")]
        if plan is not None and plan.paused:
            items.insert(0, _("on leave"))
        rows.append(
            _("{name}: {answers}", name=verbatim(person.display_name), answers=Inline(tuple(items)))
        )
    if not rows:
        return _("You have no key persons yet.")
    return _("How your key persons are doing, the newest check-in first:\n{rows}", rows=rows)


def _item(answer: CheckinAnswerRecord, tz: tzinfo) -> Text:
    day = answer.asked_at.astimezone(tz).date()
    if answer.answer is None:
        return _("{date} no answer", date=day)
    label = _(ANSWERS[answer.answer])
    if answer.detail in DETAILS:
        label = _("{answer} ({detail})", answer=label, detail=_(DETAILS[answer.detail]))
    return _("{date} {answer}", date=day, answer=label)


async def coordinator_view(ctx: Context, organisation_id: int) -> Text:
    counts = await ctx.uow.checkins.counts(organisation_id, since=ctx.now - COUNTED)
    return _(
        "Check-ins in the last 90 days, all key persons together:\n"
        "Good: {good}\nCould be better: {better}\nI need to talk: {talk}\nNo answer: {none}",
        good=counts.get("good", 0),
        better=counts.get("better", 0),
        talk=counts.get("talk", 0),
        none=counts.get(None, 0),
    )
