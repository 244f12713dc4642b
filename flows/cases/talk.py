"""Talking about a case through the bot: the key person and their confidant (whoever
handles the case) write to each other, seeing only display names and roles.

Every message passes `note.clean` before it is kept or sent. When something was
taken out, the writer's own message is deleted from the chat and they see the
cleaned text before it goes; otherwise it goes at once. The cleaned text lands in
the chronology (encrypted) and reaches the other side with the case reference and
a Reply button, sent protected. Nothing is sent about a closed case.

```mermaid
stateDiagram-v2
    [*] --> write: Message my confidant / Message the key person / Reply
    write --> write: too long, or the check failed
    write --> [*]: nothing taken out (sent)
    write --> check: something taken out (cleaned text shown)
    check --> [*]: send
    check --> write: write again
    write --> [*]: cancel
    check --> [*]: cancel
```
"""

from __future__ import annotations

from flows.cases import note
from flows.cases.casefile import CLOSED
from flows.cases.escalation import open_button
from flows.core.context import Choice, Context
from flows.core.messages import Button, Text, _, keyboard, verbatim
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON, role_label
from flows.privacy import access
from storage.records import CaseRecord, PersonRecord

NAME = "casechat"
CANCEL = Choice(_("Cancel"), "cancel")


def reply_button(reference: str) -> Button:
    return Button(_("Reply"), f"case:msg:{reference}")


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    """Ask for the message; the next text the person sends is it."""
    recipient = await _recipient(ctx, case)
    if recipient is None or case.status == CLOSED:
        ctx.reply(_why_not(case, recipient), ctx.menu())
    else:
        ctx.ask(
            NAME,
            "write",
            _(
                "Write your message about {ref} for {name}. No names or numbers, please.",
                ref=case.reference,
                name=recipient.display_name,
            ),
            [[CANCEL]],
            draft={"ref": case.reference},
        )


async def on_text(ctx: Context) -> None:
    if ctx.state.step != "write":
        ctx.use_buttons()
        return
    await note.send_cleaned(ctx, "check", _send, [[CANCEL]])


async def on_choice(ctx: Context, action: str, _arg: str) -> None:
    step = ctx.state.step
    if action == "cancel":
        ctx.finish()
        ctx.reply(_("Stopped. Your message was not sent."), ctx.menu())
    elif step == "check" and action == "send":
        await _send(ctx, ctx.draft["text"])
    elif step == "check" and action == "rewrite":
        ctx.ask(NAME, "write", _("Write your message again."), [[CANCEL]])
    else:
        ctx.use_buttons()


async def _send(ctx: Context, text: str) -> None:
    """Keep it in the chronology, pass it on, tell the writer."""
    case = await access.reload(ctx, ctx.draft["ref"], access.may_talk)
    if case is None:
        return
    ctx.finish()
    recipient = await _recipient(ctx, case)
    if recipient is None or case.status == CLOSED:
        ctx.reply(_why_not(case, recipient), ctx.menu())
        return
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
