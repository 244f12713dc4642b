"""Talking about a case through the bot: the key person and their confidant (whoever
handles the case) write to each other, seeing only display names and roles.

Every message passes `note.clean` before it is kept or sent. When something was
taken out, the writer's own message is deleted from the chat and they see the
cleaned text before it goes; otherwise it goes at once. The cleaned text lands in
the chronology (encrypted) and reaches the other side with the case reference and
a Reply button, sent protected. Nothing is sent about a closed case.

Its steps are drawn in docs/dialogues.md, generated from `TALK`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases import note
from flows.cases.buttons import open_button, reply_button
from flows.cases.casefile import CLOSED
from flows.core.context import Context
from flows.core.dialogue import Done, Next, begin
from flows.core.messages import Text, _, keyboard, verbatim
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON, role_label
from flows.privacy import access
from storage.records import CaseRecord, PersonRecord


@dataclass
class TalkDraft:
    ref: str
    recipient: str  # their display name, for the question
    again: bool = False  # asked once more after "write it again"


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    """Ask for the message; the next text the person sends is it."""
    recipient = await _recipient(ctx, case)
    if recipient is None or case.status == CLOSED:
        ctx.reply(_why_not(case, recipient), ctx.menu())
        return
    await begin(ctx, TALK, TalkDraft(case.reference, recipient.display_name))


async def _send(ctx: Context, draft: TalkDraft, text: str) -> Next:
    """Keep it in the chronology, pass it on, tell the writer."""
    case = await access.reload(ctx, draft.ref, access.may_talk)
    if case is None:
        return Done()
    recipient = await _recipient(ctx, case)
    if recipient is None or case.status == CLOSED:
        ctx.reply(_why_not(case, recipient), ctx.menu())
        return Done()
    await ctx.uow.cases.record(
        case.id, "message", now=ctx.now, actor_id=ctx.person.id, target_id=recipient.id, body=text
    )
    await ctx.notify(
        recipient.id,
        _(
            "About {ref}, {name} ({role}) writes:\n\n{text}",
            ref=case.reference,
            name=ctx.person.display_name,
            role=_role(ctx, case),
            text=verbatim(text),
        ),
        keyboard([reply_button(case.reference), open_button(case.reference)]),
        protect=True,
        shows_case=case.reference,
        case=case.reference,
    )
    ctx.reply(
        _("Sent to {name}.", name=recipient.display_name), keyboard(open_button(case.reference))
    )
    return Done()


TALK = note.message_dialogue(
    "casechat",
    TalkDraft,
    lambda draft: _(
        "Write your message about {ref} for {name}. No names or numbers, please.",
        ref=draft.ref,
        name=draft.recipient,
    ),
    lambda ctx, draft, text: _send(ctx, draft, text),
    title="Message my confidant / Message the key person / Reply",
)
NAME = TALK.name


def _why_not(case: CaseRecord, recipient: PersonRecord | None) -> Text:
    if case.status == CLOSED:
        return _(
            "Case {ref} is closed, so no more messages can be sent about it.", ref=case.reference
        )
    return _("There is nobody to pass a message on to for {ref} now.", ref=case.reference)


async def _recipient(ctx: Context, case: CaseRecord) -> PersonRecord | None:
    """The other side: the key person for a helper, the counterpart for the key person."""
    other_id = (
        access.counterpart_id(case) if ctx.person.id == case.key_person_id else case.key_person_id
    )
    other = await ctx.uow.people.get(other_id) if other_id else None
    return other if other is not None and other.active else None


def _role(ctx: Context, case: CaseRecord) -> Text:
    """The writer's role as the reader knows it."""
    if ctx.person.id == case.key_person_id:
        return role_label(KEY_PERSON)
    return role_label(CONFIDANT if CONFIDANT in ctx.person.roles else COORDINATOR)
