"""`/goals`: a key person's personal development plan (handbook annex 5.2) — up to three
goals for the year, in their own words, cleaned like every text and kept encrypted.
They come along, to the key person alone, when an intervision session begins, so the
goals are looked at together; they are in `/mydata` and go with `/forget`.

Its steps are drawn in docs/dialogues.md, generated from `GOALS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases import note
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import _, verbatim

MAX_GOALS = 3


@dataclass
class GoalsDraft:
    pass


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, GOALS, GoalsDraft())


async def _ask_goals(ctx: Context, _draft: GoalsDraft) -> Question:
    goals = await ctx.uow.intervision.goals(ctx.person.id)
    rows = []
    if len(goals) < MAX_GOALS:
        rows.append([Choice(_("Add a goal"), "add")])
    rows += [
        [Choice(_("Remove: {goal}", goal=verbatim(text[:40])), "remove", str(goal_id))]
        for goal_id, text in goals
    ]
    rows.append([Choice(_("Done"), "done")])
    if not goals:
        return Question(
            _(
                "Your development plan: up to three goals for this year, for yourself and "
                "to look at in intervision. You have none yet."
            ),
            rows,
        )
    listed = [verbatim(text) for _id, text in goals]
    return Question(_("Your development goals:\n{goals}", goals=listed), rows, protect=True)


async def _goal_ids(ctx: Context, _draft: GoalsDraft) -> list[str]:
    return [str(goal_id) for goal_id, _text in await ctx.uow.intervision.goals(ctx.person.id)]


async def _add(ctx: Context, _draft: GoalsDraft, _arg: str) -> Next:
    if len(await ctx.uow.intervision.goals(ctx.person.id)) >= MAX_GOALS:
        return Go("goals")
    return Go("write")


async def _kept(ctx: Context, _draft: GoalsDraft, text: str) -> Next:
    await ctx.uow.intervision.add_goal(ctx.person.id, text, now=ctx.now)
    return Go("goals")


async def _remove(ctx: Context, _draft: GoalsDraft, goal_id: str) -> Next:
    await ctx.uow.intervision.remove_goal(ctx.person.id, int(goal_id))
    return Go("goals")


async def _done(ctx: Context, _draft: GoalsDraft, _arg: str) -> Next:
    ctx.reply(_("Your plan is saved."), ctx.menu())
    return Done()


GOALS = Dialogue(
    "goals",
    GoalsDraft,
    steps=(
        Step(
            "goals",
            ask=_ask_goals,
            buttons={
                "add": Answer(_add, to=("write", "goals"), label="add (up to three)"),
                "remove": Answer(_remove, to=("goals",), label="remove one", args=_goal_ids),
                "done": Answer(_done, to=(END,), label="done"),
            },
        ),
        note.note_step(
            "write",
            lambda _ctx, _d: Question(
                _("Write the goal in a sentence. No names or numbers, please.")
            ),
            _kept,
            to=("goals",),
            label="kept",
        ),
    ),
    title="/goals",
)
