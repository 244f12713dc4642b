"""Enrolment: `/start <code>` → language → privacy notice and consent → display name → menu.

Nothing about the person is stored before they consent: until then only the
conversation row (keyed by Telegram id, holding the invite id and the chosen
language) exists, and it expires after 24 hours. The person row is written
when they have chosen a name. Someone already enrolled who opens a new invite
simply gains the new role.

```mermaid
stateDiagram-v2
    [*] --> language: /start code (valid)
    language --> consent: language chosen
    consent --> [*]: declines
    consent --> name: agrees
    name --> name: name refused
    name --> [*]: enrolled, menu shown
```
"""

from __future__ import annotations

import unicodedata

from flows.core.context import Choice, Context
from flows.core.languages import match_language
from flows.core.menu import role_welcome
from flows.core.messages import _
from flows.core.roles import KEY_PERSON, role_label
from flows.people.invitations import InviteProblem, check_invite
from flows.people.language import language_choices
from flows.privacy.notice import privacy_notice
from storage.records import InviteRecord

NAME = "enrol"
MAX_NAME = 32

_PROBLEMS = {
    InviteProblem.UNKNOWN: _(
        "This invite code is not known. Please check the link, "
        "or ask your coordinator for a new one."
    ),
    InviteProblem.USED: _(
        "This invite code has already been used. Ask your coordinator for a new one."
    ),
    InviteProblem.EXPIRED: _("This invite code has expired. Ask your coordinator for a new one."),
}


async def start(ctx: Context, code: str) -> None:
    """Check the code; a new person chooses a language next, an enrolled one gains the role."""
    invite = await check_invite(ctx.uow, code, now=ctx.now)
    if isinstance(invite, InviteProblem):
        ctx.reply(_PROBLEMS[invite])
        return
    if ctx.person is not None:
        await _complete(ctx, invite, ctx.person.id)
        return
    if match_language(ctx.event.language_code, ctx.config.locales) is None:
        # Telegram's language is not one of ours: start in the organisation's language.
        organisation = await ctx.uow.people.organisation(invite.organisation_id)
        if organisation.default_locale in ctx.config.locales:
            ctx.locale = organisation.default_locale
    ctx.ask(
        NAME,
        "language",
        _("Welcome to Sleutel. Which language do you prefer?"),
        language_choices(ctx),
        draft={"invite": invite.id},
    )


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    if ctx.state.step == "language" and action == "lang" and arg in ctx.config.locales:
        ctx.locale = ctx.draft["locale"] = arg
        await _ask_consent(ctx)
    elif ctx.state.step == "consent" and action == "agree":
        ctx.ask(
            NAME,
            "name",
            _(
                "Thank you. Which name should others in Sleutel see for you? "
                "Any name or nickname is fine."
            ),
        )
    elif ctx.state.step == "consent" and action == "decline":
        ctx.finish()
        ctx.reply(
            _(
                "That is all right. Without your consent Sleutel cannot help you, so we stop here. "
                "You can open your invite link again while it is valid."
            )
        )
    else:
        ctx.use_buttons()


async def _ask_consent(ctx: Context) -> None:
    invite = await ctx.uow.people.invite(ctx.draft["invite"])
    organisation = await ctx.uow.people.organisation(invite.organisation_id)
    notice = _("{notice}\n\nDo you agree?", notice=privacy_notice(organisation))
    ctx.ask(
        NAME,
        "consent",
        notice,
        [
            [Choice(_("I agree"), "agree")],
            [Choice(_("I do not agree"), "decline")],
        ],
    )


async def on_text(ctx: Context) -> None:
    if ctx.state.step != "name":
        ctx.use_buttons()
        return
    name = clean_display_name(ctx.event.text)
    if name is None:
        ctx.reply(
            _(
                "Please send a name of 1 to {max} letters, without links or numbers only.",
                max=MAX_NAME,
            )
        )
        return
    invite = await ctx.uow.people.invite(ctx.draft["invite"])
    person_id = await ctx.uow.people.add_person(
        telegram_id=ctx.event.telegram_id, display_name=name, locale=ctx.locale, now=ctx.now
    )
    await ctx.audit("person.consented", subject=f"P{person_id}")
    await _complete(ctx, invite, person_id)


async def _complete(ctx: Context, invite: InviteRecord, person_id: int) -> None:
    """Use the invite (once), add the role, welcome, and tell whoever should know."""
    ctx.finish()
    if not await ctx.uow.people.use_invite(invite.id, now=ctx.now):
        ctx.reply(_PROBLEMS[InviteProblem.USED])
        return
    await ctx.uow.people.add_membership(
        person_id,
        invite.organisation_id,
        invite.role,
        confidant_id=invite.confidant_id,
        backup_id=invite.backup_id,
    )
    ctx.person = await ctx.uow.people.get(person_id)
    ctx.commands_changed = True
    await ctx.audit(
        "person.enrolled", subject=f"P{person_id}", organisation_id=invite.organisation_id
    )
    ctx.reply(_("Welcome, {name}!", name=ctx.person.display_name))
    ctx.reply(role_welcome(invite.role), ctx.menu())
    joined = _(
        "{name} has joined Sleutel as {role}.",
        name=ctx.person.display_name,
        role=role_label(invite.role),
    )
    to_tell = {invite.created_by_id}
    if invite.role == KEY_PERSON:
        to_tell.add(invite.confidant_id)
    for other in to_tell - {None, person_id}:
        await ctx.notify(other, joined, protect=False)


def clean_display_name(raw: str) -> str | None:
    """A display name: normalised, single spaces, no control characters, some letters."""
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    if not 1 <= len(text) <= MAX_NAME or not any(ch.isalpha() for ch in text):
        return None
    if "/" in text or "@" in text or "://" in text:
        return None
    return text
