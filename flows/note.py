"""The concern's free-text note: cleaned before it is kept anywhere, even in the draft.

The key person sees the cleaned text and which kinds of identifiers were taken
out, and keeps it or writes it again. When the redactor fails, nothing is kept
and the question stays open.
"""

from __future__ import annotations

import logging

from flows.context import Choice, Context
from flows.messages import Inline, _, verbatim
from flows.redaction import RedactionError, redact

log = logging.getLogger(__name__)

FLOW = "concern"
MAX_NOTE = 1000
KIND_LABELS = {  # every kind the redactor reports, as the key person reads it
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


async def check(ctx: Context, text: str) -> None:
    """Clean the note before it is kept anywhere, and show the key person what is left."""
    if len(text) > MAX_NOTE:
        ctx.reply(_("That is a bit long. Please keep it under {max} characters.", max=MAX_NOTE))
        return
    try:
        cleaned = redact(text)
    except RedactionError:
        log.warning("note could not be checked; nothing kept")
        ctx.reply(
            _(
                "Sorry, I could not check this text for names and numbers, so I did not keep "
                "it. Please write it again in other words, or skip it."
            )
        )
        return
    ctx.draft["cleaned"] = cleaned.text
    if cleaned.removed:
        kinds = Inline(tuple(KIND_LABELS[kind] for kind in cleaned.removed))
        text_shown = _(
            "This is what I will keep:\n\n{note}\n\nI took out: {kinds}.\n"
            "Please delete your own message above, it still holds them. Is this right?",
            note=verbatim(cleaned.text),
            kinds=kinds,
        )
    else:
        text_shown = _(
            "This is what I will keep:\n\n{note}\n\nIs this right?", note=verbatim(cleaned.text)
        )
    ctx.ask(
        FLOW,
        "note_check",
        text_shown,
        [[Choice(_("Yes, keep this"), "keep")], [Choice(_("Write it again"), "rewrite")]],
        protect=True,
    )
