"""`/directory` for coordinators: the professionals their organisation works with, by
kind, whom a confidant can call when consulting (`flows.cases.consult`).

Entries are organisations and their public numbers, not people the bot serves,
so they are kept as they are. Phone numbers are checked with `phonenumbers`
(Dutch numbers without the +31 too). The same checks serve `sleutel directory`.

```mermaid
stateDiagram-v2
    [*] --> menu: /directory (the list)
    menu --> kind: add
    kind --> name: a kind
    name --> name: empty or too long
    name --> phone: a name
    phone --> phone: not a phone number
    phone --> [*]: a number (added)
    menu --> remove: remove
    remove --> [*]: an entry (removed)
    menu --> [*]: done
```
"""

from __future__ import annotations

import phonenumbers

from flows.core.context import Choice, Context
from flows.core.messages import N_, Text, _, verbatim
from flows.core.roles import COORDINATOR
from storage.records import DirectoryRecord

NAME = "directory"
KINDS = {
    "domestic_violence": N_("Domestic violence"),
    "child_abuse": N_("Child abuse"),
    "elder_abuse": N_("Elder abuse"),
    "honour": N_("Honour-related violence"),
    "neighbourhood_team": N_("Neighbourhood team"),
    "veilig_thuis": N_("Veilig Thuis"),
}
MAX_NAME = 120
MAX_LISTED = 40


def clean_name(text: str) -> str | None:
    name = " ".join(text.split())
    return name if 0 < len(name) <= MAX_NAME else None


def clean_phone(text: str) -> str | None:
    """The number as typed (tidied), when it can be a Dutch or international number."""
    number = " ".join(text.split())
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return None
    return number if len(number) <= 40 and phonenumbers.is_possible_number(parsed) else None


def entry_line(entry: DirectoryRecord) -> Text:
    return _(
        "{kind}: {name}, {phone}",
        kind=_(KINDS.get(entry.kind, entry.kind)),
        name=verbatim(entry.name),
        phone=entry.phone,
    )


def _org_id(ctx: Context) -> int:
    return ctx.person.membership(COORDINATOR).organisation_id


async def start(ctx: Context, _arg: str) -> None:
    """The list, with Add, Remove (when there is something) and Done."""
    entries = await ctx.uow.directory.entries(_org_id(ctx))
    if entries:
        text = _(
            "Your organisation's directory:\n{lines}",
            lines=[entry_line(e) for e in entries[:MAX_LISTED]],
        )
    else:
        text = _(
            "Your organisation's directory is empty. Add the professionals your confidants "
            "can call: Veilig Thuis, the neighbourhood team, and others."
        )
    choices = [[Choice(_("Add"), "add")]]
    if entries:
        choices.append([Choice(_("Remove"), "remove")])
    choices.append([Choice(_("Done"), "done")])
    ctx.ask(NAME, "menu", text, choices, draft={})


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    step = ctx.state.step
    if step == "menu" and action == "add":
        choices = [[Choice(_(label), "kind", code)] for code, label in KINDS.items()]
        ctx.ask(NAME, "kind", _("What kind of help do they give?"), choices)
    elif step == "kind" and action == "kind" and arg in KINDS:
        ctx.draft["kind"] = arg
        ctx.ask(NAME, "name", _("What is their name? For example: Veilig Thuis Amsterdam."))
    elif step == "menu" and action == "remove":
        entries = await ctx.uow.directory.entries(_org_id(ctx))
        choices = [[Choice(entry_line(e), "remove", str(e.id))] for e in entries[:MAX_LISTED]]
        ctx.ask(NAME, "remove", _("Which one should go?"), choices)
    elif step == "remove" and action == "remove" and arg.isdigit():
        await _remove(ctx, int(arg))
    elif step == "menu" and action == "done":
        ctx.finish()
        ctx.reply(_("What would you like to do?"), ctx.menu())
    else:
        ctx.use_buttons()


async def on_text(ctx: Context) -> None:
    """The name, then the phone number."""
    step = ctx.state.step
    if step == "name":
        name = clean_name(ctx.event.text)
        if name is None:
            ctx.reply(_("Please send a name of at most {max} characters.", max=MAX_NAME))
            return
        ctx.draft["name"] = name
        ctx.ask(NAME, "phone", _("And their phone number?"))
    elif step == "phone":
        phone = clean_phone(ctx.event.text)
        if phone is None:
            ctx.reply(_("That does not look like a phone number. Please try again."))
            return
        await _add(ctx, phone)
    else:
        ctx.use_buttons()


async def _add(ctx: Context, phone: str) -> None:
    org = _org_id(ctx)
    entry = await ctx.uow.directory.add(
        org, kind=ctx.draft["kind"], name=ctx.draft["name"], phone=phone, now=ctx.now
    )
    await ctx.audit("directory.add", f"D{entry.id}", org)
    ctx.finish()
    ctx.reply(_("Added: {entry}", entry=entry_line(entry)), ctx.menu())


async def _remove(ctx: Context, entry_id: int) -> None:
    """Only an entry of the coordinator's own organisation."""
    org = _org_id(ctx)
    if not await ctx.uow.directory.remove(org, entry_id):
        ctx.use_buttons()
        return
    await ctx.audit("directory.remove", f"D{entry_id}", org)
    ctx.finish()
    ctx.reply(_("Removed from the directory."), ctx.menu())
