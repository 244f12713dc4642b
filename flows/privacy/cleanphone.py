"""A clean phone: once a concern is saved, the key person can have the bot delete the
whole concern conversation from their own chat, leaving only the reference; and
once a case is closed, everyone whose chat showed its details (the opened case,
the chronology, messages about it) is offered to have those messages deleted —
the bot remembers their ids (`Reply.shows_case`), never their content.

In a private chat the person's and the bot's messages share one counter of message
ids, so the conversation is the range from where the concern began up to the
message before the receipt. The first id travels in the receipt's button
(`case:clean:K7F3:118`), so the button works after a restart, long after the draft
is gone. Only the key person of the case may press it (`flows.privacy.access`); a forged
first id can only reach into their own chat, and the range is capped.
"""

from __future__ import annotations

from flows.cases.buttons import case_button
from flows.core.context import Context
from flows.core.messages import Button, _, keyboard
from storage.records import CaseRecord

MAX_MESSAGES = 300  # a long concern conversation is about a hundred messages


def button(reference: str, first_id: int) -> Button:
    return case_button(
        _("Clear this conversation from my phone"), "clean", reference, str(first_id)
    )


async def clear(ctx: Context, case: CaseRecord, extra: str) -> None:
    """Delete from the first message up to the receipt, then the receipt shows only the
    reference."""
    receipt = ctx.event.message_id
    if not extra.isdigit() or receipt is None:
        ctx.use_buttons()
        return
    first = max(int(extra), receipt - MAX_MESSAGES, 1)
    ctx.delete_messages(list(range(first, receipt)))
    await ctx.uow.cases.record(case.id, "cleared", now=ctx.now, actor_id=ctx.person.id)
    ctx.toast = _("Cleared.")
    ctx.reply(
        _(
            "Your concern {ref} is saved. The conversation about it is cleared from this chat.",
            ref=case.reference,
        ),
        ctx.menu(),
        edit=True,
    )


def tidy_button(reference: str) -> Button:
    return case_button(_("Delete the messages about {ref}", ref=reference), "tidy", reference)


async def offer_tidy(ctx: Context, case: CaseRecord) -> None:
    """At closing: everyone whose chat still shows the case's details may have those
    messages deleted (a phone may be looked at by someone else)."""
    for reader in await ctx.uow.shown.readers(case.id):
        await ctx.notify(
            reader,
            _(
                "Case {ref} is closed. Some messages in this chat still show its details. "
                "Shall I delete them?",
                ref=case.reference,
            ),
            keyboard(tidy_button(case.reference)),
            protect=False,
        )


async def tidy(ctx: Context, case: CaseRecord, _extra: str) -> None:
    """Delete the messages in this chat that showed the case (Telegram may refuse old ones:
    then the bot says so)."""
    message_ids = await ctx.uow.shown.take(case.id, ctx.person.id)
    if not message_ids:
        ctx.reply(_("There is nothing left to delete for {ref}.", ref=case.reference))
        return
    ctx.delete_messages(message_ids)
    await ctx.uow.cases.record(case.id, "tidied", now=ctx.now, actor_id=ctx.person.id)
    ctx.reply(_("The messages about {ref} are deleted from this chat.", ref=case.reference))
