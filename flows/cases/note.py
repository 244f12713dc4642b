"""Free text about a case: cleaned before it is kept anywhere, even in a draft.

`clean` is the one door for every text people type about a case (the concern's
note, messages, assessments, updates): too long or not checkable, and nothing
is kept. `check` serves the notes: the writer sees the cleaned text and which
kinds of identifiers were taken out, and keeps it or writes it again. Once the
cleaned text is in the draft, the writer's own message (which still holds
everything) is deleted from the chat.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from flows.core.context import Choice, Context
from flows.core.messages import Inline, _, verbatim
from flows.redaction import Redaction, RedactionError, redact

log = logging.getLogger(__name__)

MAX_NOTE = 1000
KIND_LABELS = {  # every kind the redactor reports, as the writer reads it
    "name": _("names"),
    "phone": _("phone numbers"),
    "email": _("e-mail addresses"),
    "url": _("web links"),
    "handle": _("user names"),
    "postcode": _("postcodes"),
    "address": _("addresses"),
    "date": _("dates"),
    "bsn": _("citizen service numbers (BSN)"),
    "iban": _("bank account numbers"),
    "plate": _("licence plates"),
    "number": _("other numbers"),
}


def clean(ctx: Context, text: str) -> Redaction | None:
    """The redacted text, or None (and the writer told why) when nothing may be kept."""
    text = text.strip()
    if len(text) > MAX_NOTE:
        ctx.reply(_("That is a bit long. Please keep it under {max} characters.", max=MAX_NOTE))
        return None
    try:
        cleaned = redact(text)
    except RedactionError:
        log.warning("text could not be checked; nothing kept")
        ctx.reply(
            _(
                "Sorry, I could not check this text for names and numbers, so I did not keep "
                "it. Please write it again in other words, or skip it."
            )
        )
        return None
    if not cleaned.text.strip():  # nothing but invisible characters: nothing to keep or send
        ctx.ask_again()
        return None
    return cleaned


def removed_kinds(cleaned: Redaction) -> Inline:
    return Inline(tuple(KIND_LABELS[kind] for kind in cleaned.removed))


async def check(ctx: Context, text: str) -> None:
    """Clean the note, delete the raw message, show what is kept: keep or write again."""
    cleaned = clean(ctx, text)
    if cleaned is None:
        return
    ctx.draft["cleaned"] = cleaned.text
    ctx.delete_messages([ctx.event.message_id])
    if cleaned.removed:
        text_shown = _(
            "This is what I will keep:\n\n{note}\n\nI took out: {kinds}. I deleted your own "
            "message from this chat, as it still held them. Is this right?",
            note=verbatim(cleaned.text),
            kinds=removed_kinds(cleaned),
        )
    else:
        text_shown = _(
            "This is what I will keep:\n\n{note}\n\nI deleted your own message from this chat, "
            "so it does not stay on your phone. Is this right?",
            note=verbatim(cleaned.text),
        )
    ctx.ask(
        ctx.state.flow,
        "note_check",
        text_shown,
        [[Choice(_("Yes, keep this"), "keep")], [Choice(_("Write it again"), "rewrite")]],
        protect=True,
    )


async def send_cleaned(
    ctx: Context,
    check_step: str,
    send: Callable[[Context, str], Awaitable[None]],
    more: list[list[Choice]] | None = None,
) -> None:
    """A typed message on its way to someone: cleaned first; sent at once when nothing was
    taken out, else shown to the sender to confirm (`ask_to_send`)."""
    cleaned = clean(ctx, ctx.event.text)
    if cleaned is None:
        return
    if not cleaned.removed:
        await send(ctx, cleaned.text)
        return
    ask_to_send(ctx, check_step, cleaned, more)


def ask_to_send(
    ctx: Context, step: str, cleaned: Redaction, more: list[list[Choice]] | None = None
) -> None:
    """Before a message that lost identifiers goes out: show what is left and what was
    taken out, and delete the raw message from the sender's chat (it still holds them)."""
    ctx.draft["text"] = cleaned.text
    ctx.delete_messages([ctx.event.message_id])
    ctx.ask(
        ctx.state.flow,
        step,
        _(
            "This is what I will send:\n\n{text}\n\nI took out: {kinds}. I deleted your own "
            "message from this chat, as it still held them. Shall I send it?",
            text=verbatim(cleaned.text),
            kinds=removed_kinds(cleaned),
        ),
        [[Choice(_("Send"), "send")], [Choice(_("Write it again"), "rewrite")], *(more or [])],
        protect=True,
    )


async def on_text(ctx: Context) -> None:
    """For flows whose only typed answer is a note (step "note"): check it, else point
    to the buttons."""
    if ctx.state.step == "note":
        await check(ctx, ctx.event.text)
    else:
        ctx.use_buttons()
