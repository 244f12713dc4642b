"""`/invite` for coordinators: choose a role (and for a key person, the confidant
and an optional backup), get a one-time code and link to pass on in person.

Open invites are listed from the same question, each one tap away from being
revoked (a code given to the wrong person, or never used). Invites are made and
revoked by `flows.people.invitations`, as `sleutel invite` does in the terminal.

Its steps are drawn in docs/dialogues.md, generated from `INVITE`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import _, verbatim
from flows.core.roles import COORDINATOR, KEY_PERSON, ROLES, role_label
from flows.people import service
from flows.people.invitations import issue_invite, revoke_invite
from flows.people.manage import NO_CONFIDANT
from flows.people.service import Refused


@dataclass
class InviteDraft:
    role: str = ""
    confidant: int | None = None
    backup: int | None = None


def _org_id(ctx: Context) -> int:
    return ctx.person.membership(COORDINATOR).organisation_id


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, INVITE, InviteDraft())


def _ask_role(_ctx: Context, _draft: InviteDraft) -> Question:
    return Question(
        _("Whom do you want to invite?"),
        [[Choice(role_label(role), "role", role)] for role in ROLES]
        + [[Choice(_("Open invites"), "open")]],
    )


async def _role(ctx: Context, draft: InviteDraft, role: str) -> Next:
    if role != KEY_PERSON:
        return await _issue(ctx, replace(draft, role=role))
    if not await service.active_confidants(ctx.uow, _org_id(ctx)):
        ctx.reply(NO_CONFIDANT, ctx.menu())
        return Done()
    draft.role = role
    return Go("confidant")


async def _ask_confidant(ctx: Context, _draft: InviteDraft) -> Question:
    confidants = await service.active_confidants(ctx.uow, _org_id(ctx))
    return Question(
        _("Who will be the confidant of this key person?"),
        [[Choice(verbatim(p.display_name), "confidant", str(p.id))] for p in confidants],
    )


async def _confidant(ctx: Context, draft: InviteDraft, arg: str) -> Next:
    if not await _is_confidant(ctx, arg):
        ctx.use_buttons()
        return STAY
    draft.confidant = int(arg)
    return Go("backup")


async def _ask_backup(ctx: Context, draft: InviteDraft) -> Question:
    others = [
        p for p in await service.active_confidants(ctx.uow, _org_id(ctx)) if p.id != draft.confidant
    ]
    return Question(
        _("And who is the backup confidant, for when the first does not answer?"),
        [[Choice(verbatim(p.display_name), "backup", str(p.id))] for p in others]
        + [[Choice(_("No backup"), "backup", "")]],
    )


async def _backup(ctx: Context, draft: InviteDraft, arg: str) -> Next:
    """A backup, or none (""); `issue_invite` checks the backup."""
    if arg and not arg.isdigit():
        ctx.use_buttons()
        return STAY
    return await _issue(ctx, replace(draft, backup=int(arg) if arg else None))


async def _is_confidant(ctx: Context, arg: str) -> bool:
    if not arg.isdigit():
        return False
    try:
        await service.confidant(ctx.uow, _org_id(ctx), int(arg))
    except Refused:
        return False
    return True


async def _issue(ctx: Context, draft: InviteDraft) -> Next:
    """Create the invite and show the code and link, with how to pass it on safely.
    `draft` is a copy with the last answer in: a refusal leaves the stored one as it was."""
    try:
        invite = await issue_invite(
            ctx.uow,
            organisation_id=_org_id(ctx),
            role=draft.role,
            now=ctx.now,
            days=ctx.config.invite_days,
            confidant_id=draft.confidant,
            backup_id=draft.backup,
            created_by_id=ctx.person.id,
        )
    except Refused:
        ctx.use_buttons()
        return STAY
    text = _(
        "Invite for a {role}. Code: {code}\nLink: {link}\n\n"
        "The code works once, until {expires}. Give it in person or by phone.",
        role=role_label(draft.role),
        code=invite.code,
        link=invite.link(ctx.config.bot_username),
        expires=invite.expires_at,
    )
    ctx.reply(text, ctx.menu(), protect=True)
    return Done()


async def _open(ctx: Context, _draft: InviteDraft, _arg: str) -> Next:
    """The invites that can still be used, or that there are none."""
    if not await ctx.uow.people.pending_invites(_org_id(ctx), now=ctx.now):
        ctx.reply(_("There are no open invites."), ctx.menu())
        return Done()
    return Go("open")


async def _ask_open(ctx: Context, _draft: InviteDraft) -> Question:
    """Each invite that can still be used is a button that revokes it."""
    invites = await ctx.uow.people.pending_invites(_org_id(ctx), now=ctx.now)
    return Question(
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


async def _revoke(ctx: Context, draft: InviteDraft, arg: str) -> Next:
    if not arg.isdigit():
        ctx.use_buttons()
        return STAY
    try:
        await revoke_invite(
            ctx.uow,
            organisation_id=_org_id(ctx),
            invite_id=int(arg),
            actor_id=ctx.person.id,
            now=ctx.now,
        )
    except Refused:
        ctx.use_buttons()
        return STAY
    ctx.reply(_("Revoked: that code no longer works."))
    return await _open(ctx, draft, "")


async def _done(ctx: Context, _draft: InviteDraft, _arg: str) -> Next:
    ctx.reply(_("What would you like to do?"), ctx.menu())
    return Done()


INVITE = Dialogue(
    "invite",
    InviteDraft,
    steps=(
        Step(
            "role",
            ask=_ask_role,
            buttons={
                "role": Answer(
                    _role,
                    to=("confidant", END),
                    label="a role (code shown); a key person: their confidant, if any",
                    args=ROLES,
                ),
                "open": Answer(_open, to=("open", END), label="open invites, if any"),
            },
        ),
        Step(
            "confidant",
            ask=_ask_confidant,
            buttons={"confidant": Answer(_confidant, to=("backup",), label="a confidant")},
        ),
        Step(
            "backup",
            ask=_ask_backup,
            buttons={"backup": Answer(_backup, to=(END,), label="a backup or none (code shown)")},
        ),
        Step(
            "open",
            ask=_ask_open,
            buttons={
                "revoke": Answer(
                    _revoke, to=("open", END), label="revoke one (the rest again, if any)"
                ),
                "done": Answer(_done, to=(END,), label="done"),
            },
        ),
    ),
    title="/invite",
)
NAME = INVITE.name
