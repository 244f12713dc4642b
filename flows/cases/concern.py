"""`/concern`: a key person logs what does not feel right, step by step.

Acute danger comes first. When someone is in danger right now, the key
person sees 112 and Veilig Thuis before anything else, and the case row is
created at once (urgent, not yet confirmed) and alerted to the confidant, the
backup confidant and the coordinators in the same transaction — nobody waits
for the rest of the questions. Each later answer is written to that case as it
comes (the chronology says "updated"), so an opened alert shows what is known;
Confirm marks it complete. Stopping an urgent concern keeps the case: it was
already sent. A concern that is not urgent exists only as the (encrypted)
conversation draft until Confirm; then it is committed, routed, and only then
is the receipt sent (the engine sends replies after the commit). The receipt
offers to clear the conversation from the key person's chat (`flows.privacy.cleanphone`):
the draft remembers where it began — the `/concern` message, or, when a menu
button started it, the danger question (the tapped message may be an older one).

Initials only (`clean_initials`); the note passes `redact` before it is kept
anywhere, even in the draft, and the key person confirms the cleaned text.

```mermaid
stateDiagram-v2
    [*] --> danger: /concern
    danger --> initials: no
    danger --> initials: yes (112 first; case created and alerted)
    initials --> initials: more than initials, refused
    initials --> age: initials, or "I don't know"
    age --> relation
    relation --> children
    children --> signals
    signals --> group: a group
    group --> group: tick / untick
    group --> signals: back
    signals --> note: done (an honour signal shows the guidance)
    note --> note: too long, or the check failed
    note --> note_check: cleaned text shown
    note_check --> note: write again
    note_check --> honour: keep
    note --> honour: skip
    honour --> summary: answered (yes shows the guidance)
    note_check --> summary: keep, honour signal chosen
    summary --> change: change
    change --> initials: one answer again, then back to the summary
    summary --> [*]: confirm (saved, routed, receipt that offers to clear the chat)
    summary --> [*]: cancel (an urgent case stays)
```
"""

from __future__ import annotations

from flows.cases import escalation, note, service, signalpicker
from flows.cases.casefile import AGE_GROUPS, RELATIONS, YES_NO_UNKNOWN, details
from flows.cases.signals import is_honour
from flows.core.context import Choice, Context
from flows.core.events import Kind
from flows.core.messages import Text, _, keyboard, verbatim
from flows.privacy import cleanphone
from flows.redaction import clean_initials
from storage.records import CaseRecord

NAME = "concern"
STOP = Choice(_("Stop"), "stop")  # a way out on every question, besides /cancel
ORDER = ("initials", "age", "relation", "children", "signals", "note", "honour")
CHOICES = {
    "age": AGE_GROUPS,
    "relation": RELATIONS,
    "children": YES_NO_UNKNOWN,
    "honour": YES_NO_UNKNOWN,
}
QUESTIONS = {
    "initials": _(
        "Whom is it about? Please send only their initials, for example F.K. Never a full name."
    ),
    "age": _("How old is this person, roughly?"),
    "relation": _("How do you know them?"),
    "children": _("Are there children in the household?"),
    "note": _(
        "What did you notice? Tell it in a few sentences, in your own words. "
        "No names or numbers, please."
    ),
    "honour": _(
        "Could family honour play a part? For example pressure from the family, "
        "a forced marriage, or someone kept hidden."
    ),
}
CHANGE_LABELS = {
    "initials": _("Whom it is about"),
    "age": _("Age"),
    "relation": _("How you know them"),
    "children": _("Children in the household"),
    "signals": _("What you noticed"),
    "note": _("Your note"),
    "honour": _("Family honour"),
}


async def start(ctx: Context, _arg: str) -> None:
    """Danger first; everything else follows from the answer."""
    first = ctx.event.message_id if ctx.event.kind == Kind.COMMAND else None
    ctx.ask(
        NAME,
        "danger",
        _("Is someone in danger right now?\n\n(You can stop at any moment: Stop, or /cancel.)"),
        [
            [Choice(_("Yes, right now"), "danger", "yes")],
            [Choice(_("No"), "danger", "no")],
            [STOP],
        ],
        draft={"done": [], "signals": [], "first": first},
    )


async def _danger(ctx: Context, urgent: bool) -> None:
    """Yes: emergency numbers first, then the case goes out at once; then the questions."""
    ctx.draft["first"] = ctx.draft.get("first") or ctx.event.message_id
    if urgent:
        ctx.reply(
            _(
                "Call 112 now if someone is in immediate danger (police, ambulance).\n"
                "Veilig Thuis gives advice day and night: 0800-2000, free of charge."
            )
        )
        case = await service.create(ctx, urgent=True)
        ctx.draft["ref"] = case.reference
        await escalation.route(ctx, case)
        ctx.reply(
            _(
                "Your confidant and the coordinator are being alerted right now "
                "(reference {ref}). If you can, answer a few more questions: "
                "each answer is passed on at once.",
                ref=case.reference,
            )
        )
    await _next(ctx)


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    """A button of the open question; anything else is answered with a hint."""
    step = ctx.state.step
    if action == "stop":
        await on_cancel(ctx)
    elif step == "danger" and action == "danger":
        await _danger(ctx, arg == "yes")
    elif step in (signalpicker.GROUPS_STEP, signalpicker.GROUP_STEP):
        if signalpicker.on_choice(ctx, action, arg):
            await _answered(ctx, "signals")
    elif step in ("initials", "note") and action == "skip":
        ctx.draft[step] = None
        await _answered(ctx, step)
    elif step in CHOICES and action == step and arg in CHOICES[step]:
        ctx.draft[step] = arg
        await _answered(ctx, step)
    elif step == "note_check" and action == "keep":
        ctx.draft["note"] = ctx.draft.pop("cleaned")
        ctx.draft["note_locale"] = ctx.locale  # a confidant may read another language
        await _answered(ctx, "note")
    elif step == "note_check" and action == "rewrite":
        ctx.draft.pop("cleaned")
        _ask(ctx, "note")
    elif step == "summary" and action in ("confirm", "change", "cancel"):
        await {"confirm": _confirm, "change": _ask_change, "cancel": on_cancel}[action](ctx)
    elif step == "change" and action == "change" and arg in ctx.draft["done"]:
        ctx.draft["done"].remove(arg)
        _ask(ctx, arg)
    elif step == "change" and action == "back":
        await _next(ctx)
    else:
        ctx.use_buttons()


async def on_text(ctx: Context) -> None:
    """Typed text counts only for the initials and the note."""
    step = ctx.state.step
    if step == "initials":
        initials = clean_initials(ctx.event.text)
        if initials is None:
            ctx.delete_messages([ctx.event.message_id])  # a name must not stay in the chat
            ctx.reply(
                _(
                    "Please send only initials, like F.K. or A.B.C. Sleutel never keeps names: "
                    "initials are enough for your confidant, and they protect the person "
                    "if a phone is lost or read by someone else. "
                    "I have deleted the message you sent from this chat."
                )
            )
            return
        ctx.draft["initials"] = initials
        await _answered(ctx, "initials")
    elif step == "note":
        await note.check(ctx, ctx.event.text.strip())
    else:
        ctx.use_buttons()


def _honour(draft: dict) -> bool:
    return is_honour(draft.get("signals", [])) or draft.get("honour") == "yes"


def _fields(draft: dict) -> dict:
    return {
        "initials": draft.get("initials"),
        "age_group": draft.get("age"),
        "relation": draft.get("relation"),
        "children": draft.get("children"),
        "signals": draft.get("signals", []),
        "honour": _honour(draft),
        "note": draft.get("note"),
        "note_locale": draft.get("note_locale"),
    }


async def _answered(ctx: Context, step: str) -> None:
    """Mark a step done, show the honour guidance the first time it applies, move on."""
    if step not in ctx.draft["done"]:
        ctx.draft["done"].append(step)
    if _honour(ctx.draft) and not ctx.draft.get("guided"):
        ctx.draft["guided"] = True
        ctx.reply(
            _(
                "This may be honour-related. Then the danger can come from several family "
                "members at once, so your confidant will always consult an expert. "
                "Please do not talk to the family about it yourself."
            )
        )
    if "ref" in ctx.draft:
        case = await ctx.uow.cases.by_reference(ctx.draft["ref"])
        await ctx.uow.cases.update(case.id, **_fields(ctx.draft))
        await ctx.uow.cases.record(case.id, "updated", now=ctx.now, actor_id=ctx.person.id)
    await _next(ctx)


async def _next(ctx: Context) -> None:
    """Ask the first question not answered yet, or show the summary."""
    for step in ORDER:
        skipped = step == "honour" and is_honour(ctx.draft["signals"])
        if step not in ctx.draft["done"] and not skipped:
            _ask(ctx, step)
            return
    await _summary(ctx)


def _ask(ctx: Context, step: str) -> None:
    if step == "signals":
        signalpicker.ask_groups(ctx)
        return
    if step in CHOICES:
        choices = [[Choice(_(label), step, code)] for code, label in CHOICES[step].items()]
    elif step == "initials":
        choices = [[Choice(_("I don't know their initials"), "skip")]]
    else:
        choices = [[Choice(_("Skip"), "skip")]]
    ctx.ask(NAME, step, QUESTIONS[step], [*choices, [STOP]])


async def _summary(ctx: Context) -> None:
    facts = details(**_fields(ctx.draft))
    if "ref" in ctx.draft:
        text = _(
            "Your urgent concern {ref} has already gone out. This is what you added:\n\n"
            "{details}\n\nIs this right?",
            ref=ctx.draft["ref"],
            details=facts,
        )
    else:
        text = _("Please check your concern:\n\n{details}\n\nShall I send it?", details=facts)
    choices = [
        [Choice(_("Confirm"), "confirm")],
        [Choice(_("Change something"), "change")],
        [Choice(_("Cancel"), "cancel")],
    ]
    ctx.ask(NAME, "summary", text, choices, protect=True)


async def _ask_change(ctx: Context) -> None:
    steps = [s for s in ORDER if not (s == "honour" and is_honour(ctx.draft["signals"]))]
    choices = [[Choice(CHANGE_LABELS[s], "change", s)] for s in steps]
    choices.append([Choice(_("Back to the summary"), "back")])
    ctx.ask(NAME, "change", _("What would you like to change?"), choices)


async def _confirm(ctx: Context) -> None:
    """Commit the case (the receipt goes out only after the commit) and route it."""
    fields = _fields(ctx.draft)
    if "ref" in ctx.draft:
        case = await ctx.uow.cases.by_reference(ctx.draft["ref"])
        case = await ctx.uow.cases.update(case.id, **fields, confirmed_at=ctx.now)
        await ctx.uow.cases.record(case.id, "confirmed", now=ctx.now, actor_id=ctx.person.id)
        await _tell_helpers_complete(ctx, case)
    else:
        case = await service.create(ctx, urgent=False, **fields, confirmed_at=ctx.now)
        await escalation.route(ctx, case)
    first = ctx.draft.get("first")
    ctx.finish()
    clear = keyboard(cleanphone.button(case.reference, first)) if first else ()
    ctx.reply(
        _(
            "Thank you. Your concern has been saved as {ref}.\n\n"
            "{who} will pick it up, and you will hear here when they do. You do not need to do "
            "anything else now. If someone is in danger, call 112.",
            ref=case.reference,
            who=await _who(ctx, case),
        ),
        clear + ctx.menu(),
    )


async def _tell_helpers_complete(ctx: Context, case: CaseRecord) -> None:
    """Whoever was alerted to an urgent case hears that its description is complete."""
    helpers = {case.handler_id} if case.handler_id else await ctx.uow.cases.alerted(case.id)
    text = _(
        "{name} has finished describing concern {ref}.",
        name=ctx.person.display_name,
        ref=escalation.case_label(case),
    )
    for helper in sorted(helpers):
        await ctx.notify(helper, text, keyboard(escalation.open_button(case.reference)))


async def _who(ctx: Context, case: CaseRecord) -> Text:
    """Whom the key person can expect: the handler, else their confidant, else whoever
    was alerted."""
    alerted = await ctx.uow.cases.alerted(case.id)
    for person_id in (case.handler_id, case.confidant_id, *sorted(alerted)):
        if person_id and (person_id == case.handler_id or person_id in alerted):
            person = await ctx.uow.people.get(person_id)
            return verbatim(person.display_name)
    return _("Your coordinator")


async def on_cancel(ctx: Context) -> None:
    """Stop. An urgent case was already sent, so it stays, with what is known so far."""
    reference = ctx.draft.get("ref")
    ctx.finish()
    if reference is None:
        ctx.reply(_("Stopped. Nothing was saved."), ctx.menu())
        return
    case = await ctx.uow.cases.by_reference(reference)
    await ctx.uow.cases.record(case.id, "stopped", now=ctx.now, actor_id=ctx.person.id)
    ctx.reply(
        _(
            "Stopped. Your urgent concern {ref} was already sent and stays open with what "
            "you told me so far. Your confidant will contact you.",
            ref=reference,
        ),
        ctx.menu(),
    )
