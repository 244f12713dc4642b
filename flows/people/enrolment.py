"""Enrolment: `/start <code>` → language → privacy notice and consent → display name → menu.

Nothing about the person is stored before they consent: until then only the
conversation row (keyed by Telegram id, holding the invite id and the chosen
language) exists, and it expires after 24 hours. The person row is written
when they have chosen a name. Someone already enrolled who opens a new invite
simply gains the new role.

Its steps are drawn in docs/dialogues.md, generated from `ENROL`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.languages import match_language
from flows.core.menu import role_welcome
from flows.core.messages import _
from flows.core.roles import KEY_PERSON, role_label
from flows.people.invitations import InviteProblem, check_invite
from flows.people.language import language_choices, offered
from flows.privacy.notice import privacy_notice
from storage.records import InviteRecord

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


@dataclass
class EnrolDraft:
    invite: int
    locale: str | None = None  # chosen before the person exists (the engine reads it)


async def start(ctx: Context, code: str) -> None:
    """Check the code; a new person chooses a language next, an enrolled one gains the role."""
    invite = await check_invite(ctx.uow, code, now=ctx.now)
    if isinstance(invite, InviteProblem):
        ctx.reply(_PROBLEMS[invite])
        return
    if ctx.person is not None:
        ctx.finish()
        await _complete(ctx, invite, ctx.person.id)
        return
    if match_language(ctx.event.language_code, ctx.config.locales) is None:
        # Telegram's language is not one of ours: start in the organisation's language.
        organisation = await ctx.uow.people.organisation(invite.organisation_id)
        if organisation.default_locale in ctx.config.locales:
            ctx.locale = organisation.default_locale
    await begin(ctx, ENROL, EnrolDraft(invite.id))


def _ask_language(ctx: Context, _draft: EnrolDraft) -> Question:
    return Question(_("Welcome to Sleutel. Which language do you prefer?"), language_choices(ctx))


async def _language(ctx: Context, draft: EnrolDraft, code: str) -> Next:
    ctx.locale = draft.locale = code
    return Go("consent")


async def _ask_consent(ctx: Context, draft: EnrolDraft) -> Question:
    invite = await ctx.uow.people.invite(draft.invite)
    organisation = await ctx.uow.people.organisation(invite.organisation_id)
    notice = _("{notice}\n\nDo you agree?", notice=privacy_notice(organisation))
    return Question(
        notice, [[Choice(_("I agree"), "agree")], [Choice(_("I do not agree"), "decline")]]
    )


async def _agree(_ctx: Context, _draft: EnrolDraft, _arg: str) -> Next:
    return Go("name")


async def _decline(ctx: Context, _draft: EnrolDraft, _arg: str) -> Next:
    ctx.reply(
        _(
            "That is all right. Without your consent Sleutel cannot help you, so we stop here. "
            "You can open your invite link again while it is valid."
        )
    )
    return Done()


def _ask_name(_ctx: Context, _draft: EnrolDraft) -> Question:
    return Question(
        _(
            "Thank you. Which name should others in Sleutel see for you? "
            "Any name or nickname is fine."
        )
    )


async def _name(ctx: Context, draft: EnrolDraft, text: str) -> Next:
    name = clean_display_name(text)
    if name is None:
        ctx.reply(
            _(
                "Please send a name of 1 to {max} letters, without links or numbers only.",
                max=MAX_NAME,
            )
        )
        return STAY
    invite = await ctx.uow.people.invite(draft.invite)
    person_id = await ctx.uow.people.add_person(
        telegram_id=ctx.event.telegram_id, display_name=name, locale=ctx.locale, now=ctx.now
    )
    await ctx.audit("person.consented", subject=f"P{person_id}")
    await _complete(ctx, invite, person_id)
    return Done()


async def _complete(ctx: Context, invite: InviteRecord, person_id: int) -> None:
    """Use the invite (once), add the role, welcome, and tell whoever should know."""
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


ENROL = Dialogue(
    "enrol",
    EnrolDraft,
    steps=(
        Step(
            "language",
            ask=_ask_language,
            buttons={
                "lang": Answer(
                    _language,
                    to=("consent",),
                    label="a language",
                    args=offered,
                )
            },
        ),
        Step(
            "consent",
            ask=_ask_consent,
            buttons={
                "agree": Answer(_agree, to=("name",), label="agrees"),
                "decline": Answer(_decline, to=(END,), label="declines"),
            },
        ),
        Step(
            "name",
            ask=_ask_name,
            text=Answer(_name, to=(END,), label="a name (enrolled, menu shown; else refused)"),
        ),
    ),
    title="/start code (valid)",
)
NAME = ENROL.name
