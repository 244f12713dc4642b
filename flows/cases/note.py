"""Free text about a case: cleaned before it is kept anywhere, even in a draft.

`clean` is the one door for every text people type about a case (the concern's
note, messages, assessments, updates): too long or not checkable, and nothing
is kept. `TEXT_CHECK` is the sub-dialogue that shows the writer the cleaned text
and which kinds of identifiers were taken out; it hands back the text to keep or
send, `REWRITE` (write it again) or `CANCELLED`. A note is always shown back
(`check_note`); a message is shown back only when something was taken out
(`check_message`). Once the cleaned text is in a draft, the writer's own message
(which still holds everything) is deleted from the chat.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from flows.core.context import Choice, Context
from flows.core.dialogue import (
    END,
    STAY,
    Answer,
    Dialogue,
    Done,
    Go,
    Next,
    Question,
    Start,
    Step,
)
from flows.core.messages import Inline, Text, _, verbatim
from flows.redaction import Redaction, RedactionError, marker, redact, take_all_out

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


REWRITE = None  # the result when the writer wants to write it again
CANCELLED = "cancelled"  # ... and when they stop (a message that is not sent)


@dataclass
class TextCheckDraft:
    """A cleaned text before the writer keeps or sends it. `text` still holds the words
    that may be names or ordinary words; those in `doubtful` are taken out of all that
    is shown, kept or sent (`cleaned`) until the writer puts one back."""

    text: str
    removed: list[str] = field(default_factory=list)  # kinds of identifiers taken out
    sending: bool = False  # a message on its way to someone, not a note to keep
    cancellable: bool = False
    doubtful: list[str] = field(default_factory=list)  # taken out, may be ordinary words

    @property
    def cleaned(self) -> str:
        return take_all_out(self.text, self.doubtful)


def check_note(ctx: Context, text: str) -> Next:
    """Clean a note, delete the raw message, and show what is kept: keep or write again."""
    cleaned = clean(ctx, text)
    if cleaned is None:
        return STAY
    ctx.delete_messages([ctx.event.message_id])
    draft = TextCheckDraft(
        cleaned.with_doubtful, list(cleaned.removed), doubtful=list(cleaned.doubtful)
    )
    return Start(TEXT_CHECK, draft)


async def check_message(
    ctx: Context,
    text: str,
    send: Callable[[str], Awaitable[Next]],
    *,
    cancellable: bool = False,
) -> Next:
    """A message on its way to someone: cleaned first; sent at once when nothing was
    taken out and no word may be a name, else shown to the writer to confirm (and their
    raw message deleted)."""
    cleaned = clean(ctx, text)
    if cleaned is None:
        return STAY
    if not cleaned.removed and not cleaned.doubtful:
        return await send(cleaned.text)
    ctx.delete_messages([ctx.event.message_id])
    draft = TextCheckDraft(
        cleaned.with_doubtful, list(cleaned.removed), True, cancellable, list(cleaned.doubtful)
    )
    return Start(TEXT_CHECK, draft)


def _shown(ctx: Context, draft: TextCheckDraft) -> Question:
    """The cleaned text and what was taken out; words taken out that may be ordinary
    words get a button each that puts them back: the writer knows whether "bahar" is a
    person or the spring. Until they tap, the word stays out."""
    question = _shown_text(ctx, draft)
    if not draft.doubtful:
        return question
    ask = _("I also took out words that may be names. If one is not a name, tap it to put it back.")
    back = [
        [Choice(_("Put back: {word}", word=verbatim(word)), "back", str(n))]
        for n, word in enumerate(draft.doubtful)
    ]
    text = _("{text}\n\n{question}", text=question.text, question=ask)
    return Question(text, [*back, *question.choices], protect=True)


def _shown_text(_ctx: Context, draft: TextCheckDraft) -> Question:
    cleaned = draft.cleaned
    # only the kinds still taken out: not "names" once every doubtful word is back
    taken = tuple(KIND_LABELS[kind] for kind in draft.removed if marker(kind) in cleaned)
    kinds = Inline(taken)
    if draft.sending:
        if taken:
            text = _(
                "This is what I will send:\n\n{text}\n\nI took out: {kinds}. I deleted your "
                "own message from this chat, as it still held them. Shall I send it?",
                text=verbatim(cleaned),
                kinds=kinds,
            )
        else:
            text = _(
                "This is what I will send:\n\n{text}\n\nI deleted your own message from this "
                "chat. Shall I send it?",
                text=verbatim(cleaned),
            )
        choices = [[Choice(_("Send"), "send")], [Choice(_("Write it again"), "rewrite")]]
        if draft.cancellable:
            choices.append([Choice(_("Cancel"), "cancel")])
        return Question(text, choices, protect=True)
    if taken:
        text = _(
            "This is what I will keep:\n\n{note}\n\nI took out: {kinds}. I deleted your own "
            "message from this chat, as it still held them. Is this right?",
            note=verbatim(cleaned),
            kinds=kinds,
        )
    else:
        text = _(
            "This is what I will keep:\n\n{note}\n\nI deleted your own message from this chat, "
            "so it does not stay on your phone. Is this right?",
            note=verbatim(cleaned),
        )
    choices = [[Choice(_("Yes, keep this"), "keep")], [Choice(_("Write it again"), "rewrite")]]
    return Question(text, choices, protect=True)


async def _accept(_ctx: Context, draft: TextCheckDraft, _arg: str) -> Next:
    return Done(draft.cleaned)


async def _put_back(_ctx: Context, draft: TextCheckDraft, arg: str) -> Next:
    """The writer says this word is no name: back it goes, wherever it stood."""
    draft.doubtful.pop(int(arg))
    return Go("check", edit=True)


def _doubtful_indexes(_ctx: Context, draft: TextCheckDraft) -> list[str]:
    return [str(n) for n in range(len(draft.doubtful))]


async def _rewrite(_ctx: Context, _draft: TextCheckDraft, _arg: str) -> Next:
    return Done(REWRITE)


async def _cancel(_ctx: Context, _draft: TextCheckDraft, _arg: str) -> Next:
    return Done(CANCELLED)


TEXT_CHECK = Dialogue(
    "textcheck",
    TextCheckDraft,
    steps=(
        Step(
            "check",
            ask=_shown,
            buttons={
                "back": Answer(
                    _put_back, to=("check",), label="put a word back", args=_doubtful_indexes
                ),
                "keep": Answer(_accept, to=(END,), label="keep"),
                "send": Answer(_accept, to=(END,), label="send"),
                "rewrite": Answer(_rewrite, to=(END,), label="write again"),
                "cancel": Answer(_cancel, to=(END,), label="cancel"),
            },
        ),
    ),
    sub=True,
    title="the cleaned text of a note or a message",
)


Send = Callable[[Context, Any, str], Awaitable[Next]]
Keep = Callable[[Context, Any, str], Awaitable[Next]]


def note_step(
    name: str,
    ask: Callable[[Context, Any], Question],
    keep: Keep,
    *,
    to: tuple[str, ...],
    label: str,
    buttons: dict[str, Answer] | None = None,
) -> Step:
    """A step that takes a note: cleaned and shown back (`TEXT_CHECK`); "write it again"
    asks this step once more, a kept note goes to `keep(ctx, draft, text)`, which may
    lead to `to`."""

    async def write(ctx: Context, _draft: Any, text: str) -> Next:
        return check_note(ctx, text)

    async def checked(ctx: Context, draft: Any, text: str | None) -> Next:
        return Go(name) if text is REWRITE else await keep(ctx, draft, text)

    return Step(
        name,
        ask=ask,
        text=Answer(write, to=(TEXT_CHECK.name,), label="a note, cleaned"),
        returns=Answer(checked, to=(*to, name), label=f"{label} / write again"),
        buttons=buttons or {},
    )


def message_dialogue(
    name: str, draft: type, prompt: Callable[[Any], Text], send: Send, *, title: str
) -> Dialogue:
    """A dialogue that takes one message for someone: cleaned first, shown back when
    something was taken out (`TEXT_CHECK`), then `send(ctx, draft, text)`; Cancel stops
    and nothing goes. `prompt(draft)` is the first question; the draft needs a field
    `again` (asked once more after "write it again")."""

    def ask(_ctx: Context, d: Any) -> Question:
        text = _("Write your message again.") if d.again else prompt(d)
        return Question(text, [[Choice(_("Cancel"), "cancel")]])

    async def write(ctx: Context, d: Any, text: str) -> Next:
        return await check_message(
            ctx, text, lambda cleaned: send(ctx, d, cleaned), cancellable=True
        )

    async def checked(ctx: Context, d: Any, text: str | None) -> Next:
        if text is REWRITE:
            d.again = True
            return Go("write")
        if text == CANCELLED:
            return await cancel(ctx, d, "")
        return await send(ctx, d, text)

    async def cancel(ctx: Context, _d: Any, _arg: str) -> Next:
        ctx.reply(_("Stopped. Your message was not sent."), ctx.menu())
        return Done()

    step = Step(
        "write",
        ask=ask,
        text=Answer(write, to=(END, TEXT_CHECK.name), label="a message (sent, or shown cleaned)"),
        returns=Answer(checked, to=(END, "write"), label="send / write again / cancel"),
        buttons={"cancel": Answer(cancel, to=(END,), label="cancel")},
    )
    return Dialogue(name, draft, steps=(step,), title=title)
