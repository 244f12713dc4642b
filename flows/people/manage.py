"""`/people` for coordinators: the organisation's people, and for each one: assign
a confidant or backup (key persons), deactivate or reactivate.

People are shown with short ids (`P12`), the same ids the CLI uses.

```mermaid
stateDiagram-v2
    [*] --> pick: /people (the list)
    pick --> action: a person
    action --> confidant: assign confidant
    action --> backup: assign backup
    confidant --> [*]: chosen (both told)
    backup --> [*]: chosen
    action --> [*]: pause / make active again
```
"""

from __future__ import annotations

from flows.core.context import Choice, Context
from flows.core.messages import Inline, Text, _, verbatim
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON, role_label
from storage.records import PersonRecord

NAME = "people"
MAX_BUTTONS = 40
NO_CONFIDANT = _(
    "There is no confidant in your organisation yet. "
    "Invite a confidant first, then the key persons."
)


def short_id(person_id: int) -> str:
    return f"P{person_id}"


async def active_confidants(ctx: Context, organisation_id: int) -> list[PersonRecord]:
    return [p for p in await ctx.uow.people.in_organisation(organisation_id, CONFIDANT) if p.active]


def _org_id(ctx: Context) -> int:
    return ctx.person.membership(COORDINATOR).organisation_id


def person_line(person: PersonRecord, organisation_id: int, names: dict[int, str]) -> Text:
    """`P12 · Amina · key person · confidant: Saskia`, with paused/unreachable marks."""
    roles = [m.role for m in person.memberships if m.organisation_id == organisation_id]
    kp = next(
        (
            m
            for m in person.memberships
            if m.role == KEY_PERSON and m.organisation_id == organisation_id
        ),
        None,
    )
    parts: list[Text] = [role_label(r) for r in roles]
    if kp is not None:
        parts.append(_("confidant: {name}", name=names.get(kp.confidant_id, "—")))
    if not person.active:
        parts.append(_("paused"))
    elif not person.reachable:
        parts.append(_("cannot be reached"))
    return _(
        "{id} · {name} · {details}",
        id=short_id(person.id),
        name=person.display_name,
        details=Inline(tuple(parts)),
    )


async def start(ctx: Context, _arg: str) -> None:
    """List everyone, one button per person to manage them."""
    org = _org_id(ctx)
    people = await ctx.uow.people.in_organisation(org)
    names = {p.id: p.display_name for p in people}
    lines = [person_line(p, org, names) for p in people]
    ctx.ask(
        NAME,
        "pick",
        _("People in your organisation:\n{lines}", lines=lines),
        [
            [Choice(verbatim(f"{short_id(p.id)} {p.display_name}"), "pick", str(p.id))]
            for p in people[:MAX_BUTTONS]
            if p.id != ctx.person.id
        ],
        draft={},
    )


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    org = _org_id(ctx)
    target = await _member(ctx, org, ctx.draft.get("person") if action != "pick" else arg)
    if target is None:
        ctx.use_buttons()
        return
    if action == "pick":
        ctx.draft["person"] = target.id
        await _actions(ctx, target)
    elif action in ("confidant", "backup") and target.membership(KEY_PERSON):
        await _ask_confidant(ctx, org, target, action)
    elif action in ("set_confidant", "set_backup"):
        await _assign(ctx, org, target, action.removeprefix("set_"), arg)
    elif action in ("pause", "resume"):
        await ctx.uow.people.set_active(target.id, action == "resume", now=ctx.now)
        await ctx.audit(f"person.{action}", subject=short_id(target.id), organisation_id=org)
        ctx.finish()
        done = (
            _("{name} is paused.", name=target.display_name)
            if action == "pause"
            else _("{name} is active again.", name=target.display_name)
        )
        ctx.reply(done, ctx.menu())
    else:
        ctx.use_buttons()


async def _member(ctx: Context, org: int, person_id: object) -> PersonRecord | None:
    """Only people of the coordinator's own organisation can be managed."""
    if not str(person_id).isdigit():
        return None
    person = await ctx.uow.people.get(int(str(person_id)))
    if person is None or not any(m.organisation_id == org for m in person.memberships):
        return None
    return person


async def _actions(ctx: Context, target: PersonRecord) -> None:
    choices = []
    if target.membership(KEY_PERSON):
        choices += [
            [Choice(_("Assign confidant"), "confidant")],
            [Choice(_("Assign backup confidant"), "backup")],
        ]
    if target.active:
        choices.append([Choice(_("Pause this person"), "pause")])
    else:
        choices.append([Choice(_("Make active again"), "resume")])
    ctx.ask(
        NAME, "action", _("What do you want to do for {name}?", name=target.display_name), choices
    )


async def _ask_confidant(ctx: Context, org: int, target: PersonRecord, which: str) -> None:
    candidates = [p for p in await active_confidants(ctx, org) if p.id != target.id]
    if not candidates:
        ctx.finish()
        ctx.reply(NO_CONFIDANT, ctx.menu())
        return
    ctx.ask(
        NAME,
        which,
        _(
            "Choose the new {role} for {name}.",
            role=_("backup confidant") if which == "backup" else role_label(CONFIDANT),
            name=target.display_name,
        ),
        [[Choice(verbatim(p.display_name), f"set_{which}", str(p.id))] for p in candidates],
    )


async def _assign(ctx: Context, org: int, target: PersonRecord, which: str, arg: str) -> None:
    chosen = next((p for p in await active_confidants(ctx, org) if str(p.id) == arg), None)
    if chosen is None or chosen.id == target.id:
        ctx.use_buttons()
        return
    await ctx.uow.people.assign(target.id, org, **{f"{which}_id": chosen.id})
    await ctx.audit(f"person.assign_{which}", subject=short_id(target.id), organisation_id=org)
    ctx.finish()
    ctx.reply(
        _(
            "{confidant} now supports {name}.",
            confidant=chosen.display_name,
            name=target.display_name,
        ),
        ctx.menu(),
    )
    await ctx.notify(
        chosen.id,
        _("You now support {name} as their confidant.", name=target.display_name),
        protect=False,
    )
    if which == "confidant":
        await ctx.notify(
            target.id, _("Your confidant is now {name}.", name=chosen.display_name), protect=False
        )
