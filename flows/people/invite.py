"""`/invite` for coordinators: choose a role (and for a key person, the confidant
and an optional backup), get a one-time code and link to pass on in person.

Open invites are listed from the same question, each one tap away from being
revoked (a code given to the wrong person, or never used).

```mermaid
stateDiagram-v2
    [*] --> role: /invite
    role --> [*]: confidant or coordinator (code shown)
    role --> [*]: key person, but no confidant yet
    role --> confidant: key person
    confidant --> backup
    backup --> [*]: a backup or none (code shown)
    role --> open: open invites
    open --> [*]: revoke one, or done
```
"""

from __future__ import annotations

from flows.core.context import Choice, Context
from flows.core.messages import _, verbatim
from flows.core.roles import COORDINATOR, KEY_PERSON, ROLES, role_label
from flows.people.invitations import create_invite
from flows.people.manage import NO_CONFIDANT, active_confidants
from storage.records import PersonRecord

NAME = "invite"


def _org_id(ctx: Context) -> int:
    return ctx.person.membership(COORDINATOR).organisation_id


async def start(ctx: Context, _arg: str) -> None:
    ctx.ask(
        NAME,
        "role",
        _("Whom do you want to invite?"),
        [[Choice(role_label(role), "role", role)] for role in ROLES]
        + [[Choice(_("Open invites"), "open")]],
        draft={},
    )


async def _ask_open(ctx: Context) -> None:
    """The invites that can still be used, each a button that revokes it."""
    invites = await ctx.uow.people.pending_invites(_org_id(ctx), now=ctx.now)
    if not invites:
        ctx.finish()
        ctx.reply(_("There are no open invites."), ctx.menu())
        return
    ctx.ask(
        NAME,
        "open",
        _("These invites can still be used. Tap one to revoke it: its code stops working."),
        [
            [
                Choice(
                    _(
                        "For a {role}, until {expires}",
                        role=role_label(i.role),
                        expires=i.expires_at,
                    ),
                    "revoke",
                    str(i.id),
                )
            ]
            for i in invites
        ]
        + [[Choice(_("Done"), "done")]],
    )


async def _revoke(ctx: Context, arg: str) -> None:
    org = _org_id(ctx)
    if not arg.isdigit() or not await ctx.uow.people.revoke_invite(int(arg), org, now=ctx.now):
        ctx.use_buttons()
        return
    await ctx.audit("invite.revoked", subject=f"I{arg}", organisation_id=org)
    ctx.reply(_("Revoked: that code no longer works."))
    await _ask_open(ctx)


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    step = ctx.state.step
    if step == "role" and action == "open":
        await _ask_open(ctx)
    elif step == "open" and action == "revoke":
        await _revoke(ctx, arg)
    elif step == "open" and action == "done":
        ctx.finish()
        ctx.reply(_("What would you like to do?"), ctx.menu())
    elif step == "role" and action == "role" and arg in ROLES:
        ctx.draft["role"] = arg
        if arg != KEY_PERSON:
            await _issue(ctx)
            return
        confidants = await _confidants(ctx)
        if not confidants:
            ctx.finish()
            ctx.reply(NO_CONFIDANT, ctx.menu())
            return
        ctx.ask(
            NAME,
            "confidant",
            _("Who will be the confidant of this key person?"),
            [[Choice(verbatim(p.display_name), "confidant", str(p.id))] for p in confidants],
        )
    elif step == "confidant" and action == "confidant" and await _is_confidant(ctx, arg):
        ctx.draft["confidant"] = int(arg)
        others = [p for p in await _confidants(ctx) if p.id != int(arg)]
        ctx.ask(
            NAME,
            "backup",
            _("And who is the backup confidant, for when the first does not answer?"),
            [[Choice(verbatim(p.display_name), "backup", str(p.id))] for p in others]
            + [[Choice(_("No backup"), "backup", "")]],
        )
    elif step == "backup" and action == "backup" and (not arg or await _is_confidant(ctx, arg)):
        ctx.draft["backup"] = int(arg) if arg else None
        await _issue(ctx)
    else:
        ctx.use_buttons()


async def _confidants(ctx: Context) -> list[PersonRecord]:
    return await active_confidants(ctx, _org_id(ctx))


async def _is_confidant(ctx: Context, arg: str) -> bool:
    return arg.isdigit() and any(p.id == int(arg) for p in await _confidants(ctx))


async def _issue(ctx: Context) -> None:
    """Create the invite and show the code and link, with how to pass it on safely."""
    role = ctx.draft["role"]
    invite = await create_invite(
        ctx.uow,
        organisation_id=_org_id(ctx),
        role=role,
        now=ctx.now,
        days=ctx.config.invite_days,
        confidant_id=ctx.draft.get("confidant"),
        backup_id=ctx.draft.get("backup"),
        created_by_id=ctx.person.id,
    )
    ctx.finish()
    text = _(
        "Invite for a {role}. Code: {code}\nLink: {link}\n\n"
        "The code works once, until {expires}. Give it in person or by phone.",
        role=role_label(role),
        code=invite.code,
        link=invite.link(ctx.config.bot_username),
        expires=invite.expires_at,
    )
    ctx.reply(text, ctx.menu(), protect=True)
