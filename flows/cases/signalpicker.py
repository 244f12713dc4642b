"""The signal question: a group first, then the signals in it; a sub-dialogue that
hands the chosen codes back to whichever dialogue started it (a concern, an
assessment, an update).

One message is edited in place while the person moves between the groups and
ticks signals (✓), so the chat does not fill up with keyboards. "Done" hands
back once at least one signal, or "Other / not in the list", is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.cases.signals import GROUP_BY_CODE, GROUPS, OTHER, in_catalogue_order, signal_label
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Go, Next, Question, Step
from flows.core.messages import _, ticked


@dataclass
class SignalDraft:
    signals: list[str] = field(default_factory=list)
    group: str = ""  # the group being looked at


def _groups(_ctx: Context, draft: SignalDraft) -> Question:
    """The groups, each with how many of its signals are ticked, then Other and Done."""
    buttons = []
    for group in GROUPS:
        count = sum(1 for code in draft.signals if code.startswith(group.code + "."))
        label = _(group.label) if not count else _("{group} ({n})", group=_(group.label), n=count)
        buttons.append(Choice(label, "group", group.code))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([Choice(ticked(signal_label(OTHER), OTHER in draft.signals), "other")])
    rows.append([Choice(_("Done"), "done")])
    chosen = [signal_label(code) for code in in_catalogue_order(draft.signals)]
    text = _(
        "Which signals did you notice? Choose a group, tick what fits, then tap Done.\n\n"
        "Chosen so far:\n{chosen}",
        chosen=chosen or [_("nothing yet")],
    )
    return Question(text, rows)


def _group(_ctx: Context, draft: SignalDraft) -> Question:
    group = GROUP_BY_CODE[draft.group]
    rows = [
        [Choice(ticked(signal_label(signal), signal in draft.signals), "tick", signal)]
        for signal, _label in group.signals
    ]
    rows.append([Choice(_("Back to the groups"), "back")])
    text = _("{group}: tap everything that fits. Tap again to take it away.", group=_(group.label))
    return Question(text, rows)


def _toggle(signals: list[str], code: str) -> None:
    if code in signals:
        signals.remove(code)
    else:
        signals.append(code)


async def _open_group(_ctx: Context, draft: SignalDraft, code: str) -> Next:
    draft.group = code
    return Go("group", edit=True)


async def _other(_ctx: Context, draft: SignalDraft, _arg: str) -> Next:
    _toggle(draft.signals, OTHER)
    return Go("groups", edit=True)


async def _done(ctx: Context, draft: SignalDraft, _arg: str) -> Next:
    if draft.signals:
        return Done(draft.signals)
    ctx.toast = _("Please choose at least one signal, or “Other / not in the list”.")
    ctx.reply(ctx.toast)
    return Go("groups", edit=True)


async def _tick_signal(_ctx: Context, draft: SignalDraft, code: str) -> Next:
    _toggle(draft.signals, code)
    return Go("group", edit=True)


async def _back(_ctx: Context, _draft: SignalDraft, _arg: str) -> Next:
    return Go("groups", edit=True)


def _in_group(_ctx: Context, draft: SignalDraft) -> list[str]:
    return [code for code, _label in GROUP_BY_CODE[draft.group].signals]


SIGNALS = Dialogue(
    "signalpicker",
    SignalDraft,
    steps=(
        Step(
            "groups",
            ask=_groups,
            buttons={
                "group": Answer(_open_group, to=("group",), label="a group", args=GROUP_BY_CODE),
                "other": Answer(_other, to=("groups",), label="other: tick / untick"),
                "done": Answer(_done, to=(END, "groups"), label="done (none chosen: again)"),
            },
        ),
        Step(
            "group",
            ask=_group,
            buttons={
                "tick": Answer(_tick_signal, to=("group",), label="tick / untick", args=_in_group),
                "back": Answer(_back, to=("groups",), label="back"),
            },
        ),
    ),
    sub=True,
    title="handed over by a concern, an assessment or an update",
)
