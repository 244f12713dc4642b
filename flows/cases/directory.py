"""`/directory` for coordinators: the professionals their organisation works with, by
kind, whom a confidant can call when consulting (`flows.cases.consult`).

What is checked and recorded is `flows.cases.directory_service`, which
`sleutel directory` uses too.

Its steps are drawn in docs/dialogues.md, generated from `DIRECTORY`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases.directory_service import (
    KINDS,
    MAX_NAME,
    BadName,
    BadPhone,
    add_entry,
    checked_name,
    remove_entry,
)
from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import Text, _, verbatim
from flows.core.roles import COORDINATOR
from flows.people.service import Refused
from storage.records import DirectoryRecord

MAX_LISTED = 40


@dataclass
class DirectoryDraft:
    kind: str = ""
    name: str = ""


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
    await begin(ctx, DIRECTORY, DirectoryDraft())


async def _ask_menu(ctx: Context, _draft: DirectoryDraft) -> Question:
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
    return Question(text, choices)


async def _add(_ctx: Context, _draft: DirectoryDraft, _arg: str) -> Next:
    return Go("kind")


async def _remove(ctx: Context, _draft: DirectoryDraft, _arg: str) -> Next:
    if not await ctx.uow.directory.entries(_org_id(ctx)):
        ctx.use_buttons()  # nothing to remove: the list offered no such button
        return STAY
    return Go("remove")


async def _done(ctx: Context, _draft: DirectoryDraft, _arg: str) -> Next:
    ctx.reply(_("What would you like to do?"), ctx.menu())
    return Done()


def _ask_kind(_ctx: Context, _draft: DirectoryDraft) -> Question:
    choices = [[Choice(_(label), "kind", code)] for code, label in KINDS.items()]
    return Question(_("What kind of help do they give?"), choices)


async def _kind(_ctx: Context, draft: DirectoryDraft, kind: str) -> Next:
    draft.kind = kind
    return Go("name")


def _ask_name(_ctx: Context, _draft: DirectoryDraft) -> Question:
    return Question(_("What is their name? For example: Veilig Thuis Amsterdam."))


async def _name(ctx: Context, draft: DirectoryDraft, text: str) -> Next:
    try:
        draft.name = checked_name(text)
    except BadName:
        ctx.reply(_("Please send a name of at most {max} characters.", max=MAX_NAME))
        return STAY
    return Go("phone")


def _ask_phone(_ctx: Context, _draft: DirectoryDraft) -> Question:
    return Question(_("And their phone number?"))


async def _phone(ctx: Context, draft: DirectoryDraft, text: str) -> Next:
    try:
        entry = await add_entry(
            ctx.uow,
            organisation_id=_org_id(ctx),
            kind=draft.kind,
            name=draft.name,
            phone=text,
            actor_id=ctx.person.id,
            now=ctx.now,
        )
    except BadPhone:
        ctx.reply(_("That does not look like a phone number. Please try again."))
        return STAY
    ctx.reply(_("Added: {entry}", entry=entry_line(entry)), ctx.menu())
    return Done()


async def _ask_remove(ctx: Context, _draft: DirectoryDraft) -> Question:
    entries = await ctx.uow.directory.entries(_org_id(ctx))
    choices = [[Choice(entry_line(e), "remove", str(e.id))] for e in entries[:MAX_LISTED]]
    return Question(_("Which one should go?"), choices)


async def _removed(ctx: Context, _draft: DirectoryDraft, arg: str) -> Next:
    """Only an entry of the coordinator's own organisation."""
    if not arg.isdigit():
        ctx.use_buttons()
        return STAY
    try:
        await remove_entry(
            ctx.uow,
            organisation_id=_org_id(ctx),
            entry_id=int(arg),
            actor_id=ctx.person.id,
            now=ctx.now,
        )
    except Refused:
        ctx.use_buttons()
        return STAY
    ctx.reply(_("Removed from the directory."), ctx.menu())
    return Done()


DIRECTORY = Dialogue(
    "directory",
    DirectoryDraft,
    steps=(
        Step(
            "menu",
            ask=_ask_menu,
            buttons={
                "add": Answer(_add, to=("kind",), label="add"),
                "remove": Answer(_remove, to=("remove",), label="remove"),
                "done": Answer(_done, to=(END,), label="done"),
            },
        ),
        Step(
            "kind",
            ask=_ask_kind,
            buttons={"kind": Answer(_kind, to=("name",), label="a kind", args=KINDS)},
        ),
        Step(
            "name",
            ask=_ask_name,
            text=Answer(_name, to=("phone",), label="a name (empty or too long: again)"),
        ),
        Step(
            "phone",
            ask=_ask_phone,
            text=Answer(_phone, to=(END,), label="a number (added; not a number: again)"),
        ),
        Step(
            "remove",
            ask=_ask_remove,
            buttons={"remove": Answer(_removed, to=(END,), label="an entry (removed)")},
        ),
    ),
    title="/directory (the list)",
)
NAME = DIRECTORY.name
