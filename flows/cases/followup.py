"""Monitoring: a follow-up date on the clock, and what happens when it comes.

Choosing *monitor* sets one follow-up timer per case (a new choice replaces the
old one). On the day, the handler is reminded to decide the next step and the key
person hears that their confidant will follow up — nothing else. A case that
was closed, taken over or passed on meanwhile is left alone. The follow-up falls
at the same time of day the decision was made: a moment the confidant was at work.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flows.cases.buttons import case_button, decide_button, open_button, update_button
from flows.cases.casefile import MONITORING
from flows.cases.escalation import subject_reference, timer_subject
from flows.core.context import Context
from flows.core.messages import _, keyboard
from storage.records import CaseRecord, TimerRecord

TIMER = "case.follow_up"
PERIODS = {"1w": timedelta(weeks=1), "2w": timedelta(weeks=2), "1m": timedelta(days=30)}


async def schedule(ctx: Context, case: CaseRecord, period: str) -> datetime:
    due = ctx.now + PERIODS[period]
    await cancel(ctx, case)
    await ctx.uow.timers.schedule(TIMER, timer_subject(case.reference), due, now=ctx.now)
    return due


async def cancel(ctx: Context, case: CaseRecord) -> None:
    await ctx.uow.timers.cancel(TIMER, timer_subject(case.reference), now=ctx.now)


async def on_timer(ctx: Context, timer: TimerRecord) -> None:
    """The follow-up day: remind the handler and tell the key person."""
    case = await ctx.uow.cases.by_reference(subject_reference(timer.subject))
    if case is None or case.status != MONITORING or case.handler_id is None:
        return
    await ctx.uow.cases.record(case.id, "follow_up", now=ctx.now, target_id=case.handler_id)
    ref = case.reference
    await ctx.notify(
        case.handler_id,
        _("Today is the follow-up day of {ref}. How is it going? Decide the next step.", ref=ref),
        keyboard([open_button(ref), decide_button(ref)]),
    )
    if case.key_person_id:
        handler = await ctx.uow.people.get(case.handler_id)
        await ctx.notify(
            case.key_person_id,
            _(
                "Today {name} follows up on your concern {ref}. If there is news, you can "
                "tell them here.",
                name=handler.display_name if handler else "—",
                ref=ref,
            ),
            keyboard(
                case_button(_("Message my confidant"), "msg", ref),
                update_button(ref),
            ),
            case=ref,
        )
