"""The signal question of the concern flow: a group first, then the signals in it.

One message is edited in place while the key person moves between the groups
and ticks signals (✓), so the chat does not fill up with keyboards. "Done"
hands back once at least one signal, or "Other / not in the list", is chosen.
The choice lives in `ctx.draft["signals"]` as codes. The picker asks within
whichever flow is running (a concern, an assessment, an update), so that flow
gets the taps back.
"""

from __future__ import annotations

from flows.cases.signals import GROUP_BY_CODE, GROUPS, OTHER, in_catalogue_order, signal_label
from flows.core.context import Choice, Context
from flows.core.messages import Text, _

GROUPS_STEP = "signals"
GROUP_STEP = "group"


def chosen(ctx: Context) -> list[str]:
    return ctx.draft.setdefault("signals", [])


def _tick(label: Text, on: bool) -> Text:
    return _("✓ {label}", label=label) if on else label


def ask_groups(ctx: Context, *, edit: bool = False) -> None:
    """The groups, each with how many of its signals are ticked, then Other and Done."""
    signals = chosen(ctx)
    buttons = []
    for group in GROUPS:
        count = sum(1 for code in signals if code.startswith(group.code + "."))
        label = _(group.label) if not count else _("{group} ({n})", group=_(group.label), n=count)
        buttons.append(Choice(label, "group", group.code))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([Choice(_tick(signal_label(OTHER), OTHER in signals), "other")])
    rows.append([Choice(_("Done"), "done")])
    ticked = [signal_label(code) for code in in_catalogue_order(signals)] or [_("nothing yet")]
    text = _(
        "Which signals did you notice? Choose a group, tick what fits, then tap Done.\n\n"
        "Chosen so far:\n{chosen}",
        chosen=ticked,
    )
    ctx.ask(ctx.state.flow, GROUPS_STEP, text, rows, edit=edit)


def _ask_group(ctx: Context, code: str) -> None:
    group = GROUP_BY_CODE[code]
    signals = chosen(ctx)
    ctx.draft["group"] = code
    rows = [
        [Choice(_tick(signal_label(signal), signal in signals), "tick", signal)]
        for signal, _label in group.signals
    ]
    rows.append([Choice(_("Back to the groups"), "back")])
    text = _("{group}: tap everything that fits. Tap again to take it away.", group=_(group.label))
    ctx.ask(ctx.state.flow, GROUP_STEP, text, rows, edit=True)


def _toggle(signals: list[str], code: str) -> None:
    if code in signals:
        signals.remove(code)
    else:
        signals.append(code)


def on_choice(ctx: Context, action: str, arg: str) -> bool:
    """Handle a tap on the picker; True when the key person is done choosing."""
    step = ctx.state.step
    if step == GROUPS_STEP and action == "group" and arg in GROUP_BY_CODE:
        _ask_group(ctx, arg)
    elif step == GROUPS_STEP and action == "other":
        _toggle(chosen(ctx), OTHER)
        ask_groups(ctx, edit=True)
    elif step == GROUPS_STEP and action == "done":
        if chosen(ctx):
            return True
        ctx.toast = _("Please choose at least one signal, or “Other / not in the list”.")
        ctx.reply(ctx.toast)
        ask_groups(ctx, edit=True)
    elif step == GROUP_STEP and action == "tick":
        group = GROUP_BY_CODE[ctx.draft["group"]]
        if any(arg == code for code, _label in group.signals):
            _toggle(chosen(ctx), arg)
        _ask_group(ctx, group.code)
    elif step == GROUP_STEP and action == "back":
        ask_groups(ctx, edit=True)
    else:
        ctx.use_buttons()
    return False
