"""`/digest`: non-urgent news at once, or together once a day at an hour of your choosing.

Coordinators and confidants hear of much that can wait: answers to an invitation,
delivery reports, a key person who has had no intervision for a while. The decision:
such news (whatever goes through `flows.core.news.tell`) may wait for a daily summary
at a local hour the person chooses; urgent alerts (a concern, a visit, the code word,
an escalation, a key person who needs to talk) never do, and neither does a message
with buttons, which would lose them in a summary. Nothing held is lost: a new hour
moves the waiting summary to it, and *At once* sends what was held straight away.

One question (a look: an open question waits underneath and comes back). Its steps are
drawn in docs/dialogues.md, generated from `DIGEST`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.core import news
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Question, Step, begin
from flows.core.messages import Text, _, ticked, verbatim

HOURS = (8, 12, 17, 20)  # local hours offered


@dataclass
class DigestDraft:
    pass


def _hour(hour: int) -> Text:
    return verbatim(f"{hour:02d}:00")


def _ask(ctx: Context, _draft: DigestDraft) -> Question:
    current = ctx.person.digest_hour
    if current is None:
        text = _(
            "News that is not urgent (answers to an invitation, delivery reports, "
            "reminders about intervision) now comes at once. You can have it once a "
            "day instead, together, at an hour you choose. Urgent alerts always come "
            "at once."
        )
    else:
        text = _(
            "News that is not urgent (answers to an invitation, delivery reports, "
            "reminders about intervision) now comes once a day at {hour}. Urgent "
            "alerts always come at once.",
            hour=_hour(current),
        )
    hours = [Choice(ticked(_hour(h), h == current), "hour", str(h)) for h in HOURS]
    return Question(
        text,
        [[Choice(ticked(_("At once"), current is None), "off")], hours[:2], hours[2:]],
    )


async def _off(ctx: Context, _draft: DigestDraft, _arg: str) -> Done:
    await ctx.uow.people.set_digest_hour(ctx.person.id, None)
    await news.replan(ctx, ctx.person.id, None)
    ctx.reply(_("From now on news comes at once."), ctx.menu())
    return Done()


async def _at(ctx: Context, _draft: DigestDraft, arg: str) -> Done:
    hour = int(arg)
    await ctx.uow.people.set_digest_hour(ctx.person.id, hour)
    await news.replan(ctx, ctx.person.id, hour)
    ctx.reply(
        _(
            "From now on news that is not urgent comes once a day at {hour}. Urgent "
            "alerts still come at once.",
            hour=_hour(hour),
        ),
        ctx.menu(),
    )
    return Done()


DIGEST = Dialogue(
    "digest",
    DigestDraft,
    steps=(
        Step(
            "choose",
            ask=_ask,
            buttons={
                "off": Answer(_off, to=(END,), label="at once"),
                "hour": Answer(_at, to=(END,), label="an hour", args=[str(h) for h in HOURS]),
            },
        ),
    ),
    title="/digest",
)


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, DIGEST, DigestDraft())
