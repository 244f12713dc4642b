"""The duress word: a private code word a key person can give instead of "I'm safe".

Typed while a visit runs or asks "Are you safe?", it looks exactly like "I'm safe" in
the key person's own chat (the same reply, the visit closed), while the whole chain
gets a silent urgent alert (`flows.checkins.visits.raise_alarm`). The word itself is
kept only as a salted scrypt hash, compared after normalising case, spaces and
diacritics, deleted from the chat as soon as it is typed, and never shown again.

Its steps are drawn in docs/dialogues.md, generated from `CODE_WORD`.
"""

from __future__ import annotations

import base64
import hmac
import os
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from flows.checkins import visits
from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Next, Question, Step, begin
from flows.core.messages import _

SCRYPT = {"length": 32, "n": 2**14, "r": 8, "p": 1}
MIN_LENGTH, MAX_LENGTH = 3, 40


def normalise(word: str) -> str:
    """Case, spaces and diacritics do not count: "Zoë  Rose" is "zoe rose"."""
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def hash_word(word: str) -> str:
    salt = os.urandom(16)
    digest = Scrypt(salt=salt, **SCRYPT).derive(normalise(word).encode())
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def matches(word: str, stored: str | None) -> bool:
    if not stored or not MIN_LENGTH <= len(normalise(word)) <= MAX_LENGTH:
        return False
    _scheme, salt, digest = stored.split("$")
    candidate = Scrypt(salt=base64.b64decode(salt), **SCRYPT).derive(normalise(word).encode())
    return hmac.compare_digest(candidate, base64.b64decode(digest))


async def on_text(ctx: Context, text: str) -> bool:
    """Typed with no question open: the code word during a visit raises the silent alarm
    and looks like "I'm safe"; anything else is not for us (False)."""
    visit = await ctx.uow.visits.open_of(ctx.person.id)
    if visit is None or visit.urgent:
        return False
    if not matches(text, await ctx.uow.people.duress_hash(ctx.person.id)):
        return False
    ctx.delete_messages([ctx.event.message_id])
    await visits.raise_alarm(ctx, visit, "duress")
    ctx.reply(_("Good to hear. Visit {ref} is closed.", ref=visit.reference), ctx.menu())
    return True


@dataclass
class CodeWordDraft:
    pass


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, CODE_WORD, CodeWordDraft())


async def _ask(ctx: Context, _draft: CodeWordDraft) -> Question:
    text = _(
        "You can choose a private code word. If you are ever not free to speak, type it "
        "instead of answering \u201cAre you safe?\u201d: your chat will look as if all is "
        "fine, and your confidant gets a silent alarm. Send the word now (3 to 40 letters)."
    )
    rows = [[Choice(_("Cancel"), "cancel")]]
    if await ctx.uow.people.duress_hash(ctx.person.id):
        rows.insert(0, [Choice(_("Remove my code word"), "remove")])
    return Question(text, rows, protect=True)


async def _word(ctx: Context, _draft: CodeWordDraft, text: str) -> Next:
    ctx.delete_messages([ctx.event.message_id])  # never left on the screen
    if not MIN_LENGTH <= len(normalise(text)) <= MAX_LENGTH:
        ctx.reply(_("Please choose a word of 3 to 40 letters. I deleted your message."))
        return STAY
    await ctx.uow.people.set_duress_hash(ctx.person.id, hash_word(text))
    await ctx.audit("person.code_word_set", subject=f"P{ctx.person.id}")
    ctx.reply(
        _("Your code word is saved. I deleted your message and will never show the word."),
        ctx.menu(),
    )
    return Done()


async def _remove(ctx: Context, _draft: CodeWordDraft, _arg: str) -> Next:
    await ctx.uow.people.set_duress_hash(ctx.person.id, None)
    ctx.reply(_("Your code word is removed."), ctx.menu())
    return Done()


async def _cancel(ctx: Context, _draft: CodeWordDraft, _arg: str) -> Next:
    ctx.reply(_("Nothing was changed."), ctx.menu())
    return Done()


CODE_WORD = Dialogue(
    "codeword",
    CodeWordDraft,
    steps=(
        Step(
            "word",
            ask=_ask,
            text=Answer(_word, to=(END,), label="a word (kept as a hash only)"),
            buttons={
                "remove": Answer(_remove, to=(END,), label="remove"),
                "cancel": Answer(_cancel, to=(END,), label="cancel"),
            },
        ),
    ),
    title="/codeword",
)
