"""`/broadcast` for coordinators: a theme-session invitation (theme mornings, work
visits, network meetings) or a plain announcement, to an audience of the
organisation, step by step with buttons.

Invitation: title → day and time (the button picker, `flows.core.when`) → place →
audience → text → preview → send. An announcement skips the time and place. The text
is cleaned like every text before it is kept or sent, and shown back. The preview is
the message exactly as a recipient gets it; each recipient reads the frame ("from
your coordinator", the date in their own format, the buttons) in their own language,
and the coordinator's words as written. Everything is queued in one transaction with
one recipient row per person, so a crash sends it to all or to none, and nobody
twice; the outbox delivers it at Telegram's pace. Invitations carry Coming / Maybe /
Can't come; under *Broadcasts* the coordinator sees the tally with the names of who
is coming, and can cancel an invitation: everyone who did not decline hears it.

Its steps are drawn in docs/dialogues.md, generated from `BROADCAST`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flows.cases import note
from flows.core.callbacks import pack
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
    Step,
    Sub,
    begin,
)
from flows.core.messages import N_, Button, Inline, Keyboard, Text, _, _n, keyboard, verbatim
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.core.when import WHEN, WhenDraft
from flows.privacy.access import NOT_AVAILABLE
from storage.records import BroadcastRecord, PersonRecord

PREFIX = "bc"  # its buttons: bc:<answer>:<broadcast id>
AUDIENCES = {
    "all": N_("Everyone"),
    "key": N_("Key persons"),
    "confidants": N_("Confidants"),
}
ROLES_OF = {
    "all": (KEY_PERSON, CONFIDANT, COORDINATOR),
    "key": (KEY_PERSON,),
    "confidants": (CONFIDANT,),
}
ANSWERS = {"yes": N_("Coming"), "maybe": N_("Maybe"), "no": N_("Can't come")}
MAX_TITLE, MAX_PLACE = 80, 200


def answer_buttons(broadcast_id: int) -> Keyboard:
    return keyboard(
        [Button(_(label), pack(PREFIX, code, str(broadcast_id))) for code, label in ANSWERS.items()]
    )


@dataclass
class BroadcastDraft:
    kind: str = ""  # invitation, announcement
    title: str = ""
    starts_at: str = ""  # ISO, UTC
    place: str = ""
    audience: str = ""
    text: str = ""
    recipients: list[int] = field(default_factory=list)


def _organisation(ctx: Context) -> int:
    return ctx.person.membership(COORDINATOR).organisation_id


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, BROADCAST, BroadcastDraft())


def _ask_kind(_ctx: Context, _draft: BroadcastDraft) -> Question:
    return Question(
        _("What would you like to send?"),
        [
            [Choice(_("An invitation to a theme session"), "kind", "invitation")],
            [Choice(_("An announcement"), "kind", "announcement")],
            [Choice(_("Answers to my invitations"), "tally")],
        ],
    )


async def _kind(_ctx: Context, draft: BroadcastDraft, kind: str) -> Next:
    draft.kind = kind
    return Go("title")


async def _title(ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    """Cleaned like every text (the preview shows what is left); the place is the
    organisation's venue and stays as written."""
    cleaned = note.clean(ctx, text)
    if cleaned is None:
        return STAY
    title = " ".join(cleaned.text.split())
    if not 1 <= len(title) <= MAX_TITLE:
        ctx.reply(_("Please send a title of 1 to {max} characters.", max=MAX_TITLE))
        return STAY
    draft.title = title
    return Go("when" if draft.kind == "invitation" else "audience")


async def _when(ctx: Context, draft: BroadcastDraft, at: datetime | None) -> Next:
    if at is None:
        ctx.reply(_("Nothing was sent."), ctx.menu())
        return Done()
    draft.starts_at = at.isoformat()
    return Go("place")


async def _place(ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    place = " ".join(text.split())
    if not 1 <= len(place) <= MAX_PLACE:
        ctx.reply(_("Please keep it under {max} characters.", max=MAX_PLACE))
        return STAY
    draft.place = place
    return Go("audience")


async def _no_place(_ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    draft.place = ""
    return Go("audience")


def _ask_audience(_ctx: Context, _draft: BroadcastDraft) -> Question:
    rows = [[Choice(_(label), "to", code)] for code, label in AUDIENCES.items()]
    return Question(_("Who should get it?"), rows)


async def _audience(ctx: Context, draft: BroadcastDraft, code: str) -> Next:
    draft.audience = code
    draft.recipients = [p.id for p in await _recipients(ctx, code)]
    if not draft.recipients:
        ctx.reply(_("Nobody in your organisation is in that group yet."))
        return STAY
    return Go("text")


async def _recipients(ctx: Context, audience: str) -> list[PersonRecord]:
    """Active people of the organisation in the audience's roles, not the sender."""
    people = await ctx.uow.people.in_organisation(_organisation(ctx))
    roles = ROLES_OF[audience]
    return [
        p
        for p in people
        if p.active
        and p.id != ctx.person.id
        and any(m.organisation_id == _organisation(ctx) and m.role in roles for m in p.memberships)
    ]


async def _text_kept(_ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    draft.text = text
    return Go("preview")


def _message(draft: BroadcastDraft, author: str) -> Text:
    """The message exactly as a recipient gets it."""
    if draft.kind == "invitation":
        at = datetime.fromisoformat(draft.starts_at)
        where = verbatim(draft.place) if draft.place else _("place to follow")
        return _(
            "Invitation from {name}, your coordinator: {title}\n{time}, {place}\n\n{text}",
            name=author,
            title=verbatim(draft.title),
            time=at,
            place=where,
            text=verbatim(draft.text),
        )
    return _(
        "From {name}, your coordinator: {title}\n\n{text}",
        name=author,
        title=verbatim(draft.title),
        text=verbatim(draft.text),
    )


def _ask_preview(ctx: Context, draft: BroadcastDraft) -> Question:
    n = len(draft.recipients)
    return Question(
        _(
            "This is what they will see:\n\n{message}",
            message=_message(draft, ctx.person.display_name),
        ),
        [
            [Choice(_n("Send to {n} person", "Send to {n} people", n), "send")],
            [Choice(_("Cancel"), "cancel")],
        ],
    )


async def _send(ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    """One transaction: the broadcast, a row per recipient, a queued message each."""
    recipients = [p.id for p in await _recipients(ctx, draft.audience)]
    starts_at = datetime.fromisoformat(draft.starts_at) if draft.starts_at else None
    broadcast = await ctx.uow.broadcasts.add(
        organisation_id=_organisation(ctx),
        author_id=ctx.person.id,
        kind=draft.kind,
        title=draft.title,
        text=draft.text,
        place=draft.place or None,
        starts_at=starts_at,
        audience=draft.audience,
        recipients=recipients,
        now=ctx.now,
    )
    message = _message(draft, ctx.person.display_name)
    buttons = answer_buttons(broadcast.id) if draft.kind == "invitation" else ()
    for person_id in recipients:
        await ctx.notify(person_id, message, buttons, protect=False)
    await ctx.audit("broadcast.sent", f"B{broadcast.id}", broadcast.organisation_id)
    ctx.reply(
        _n("Sent to {n} person.", "Sent to {n} people.", len(recipients)),
        ctx.menu(),
    )
    return Done()


async def _cancel(ctx: Context, _draft: BroadcastDraft, _arg: str) -> Next:
    ctx.reply(_("Nothing was sent."), ctx.menu())
    return Done()


async def _tally(ctx: Context, _draft: BroadcastDraft, _arg: str) -> Next:
    invitations = [
        b
        for b in await ctx.uow.broadcasts.recent(_organisation(ctx))
        if b.kind == "invitation" and b.status == "sent"
    ]
    if not invitations:
        ctx.reply(_("There are no open invitations."), ctx.menu())
        return Done()
    for broadcast in invitations:
        ctx.reply(
            await tally(ctx, broadcast),
            keyboard(
                Button(_("Cancel this invitation"), pack(PREFIX, "cancel", str(broadcast.id)))
            ),
        )
    return Done()


async def tally(ctx: Context, broadcast: BroadcastRecord) -> Text:
    """Counts per answer, and the names of who is coming."""
    counts = {code: 0 for code in (*ANSWERS, None)}
    coming = []
    for person_id, answer in broadcast.answers.items():
        counts[answer] += 1
        if answer == "yes":
            person = await ctx.uow.people.get(person_id)
            if person is not None:
                coming.append(person.display_name)
    return _(
        "{title}, {time}\nComing: {yes} · Maybe: {maybe} · Can't come: {no} · "
        "No answer: {none}\nComing: {names}",
        title=verbatim(broadcast.title),
        time=broadcast.starts_at,
        yes=counts["yes"],
        maybe=counts["maybe"],
        no=counts["no"],
        none=counts[None],
        names=Inline(tuple(coming)) if coming else _("nobody"),
    )


BROADCAST = Dialogue(
    "broadcast",
    BroadcastDraft,
    steps=(
        Step(
            "kind",
            ask=_ask_kind,
            buttons={
                "kind": Answer(
                    _kind,
                    to=("title",),
                    label="invitation / announcement",
                    args=("invitation", "announcement"),
                ),
                "tally": Answer(_tally, to=(END,), label="answers to my invitations"),
            },
        ),
        Step(
            "title",
            ask=lambda _ctx, _d: Question(
                _("What is the title? For example: Theme morning on loverboys.")
            ),
            text=Answer(_title, to=("when", "audience"), label="a title"),
        ),
        Step(
            "when",
            start=Sub(WHEN, lambda _ctx, _draft: WhenDraft()),
            returns=Answer(_when, to=("place", END), label="a day and time / cancel"),
        ),
        Step(
            "place",
            ask=lambda _ctx, _d: Question(
                _("Where? An address, a room or a link."), [[Choice(_("Place to follow"), "skip")]]
            ),
            text=Answer(_place, to=("audience",), label="a place"),
            buttons={"skip": Answer(_no_place, to=("audience",), label="place to follow")},
        ),
        Step(
            "audience",
            ask=_ask_audience,
            buttons={"to": Answer(_audience, to=("text",), label="an audience", args=AUDIENCES)},
        ),
        note.note_step(
            "text",
            lambda _ctx, _d: Question(_("Write the message. No names of clients, please.")),
            _text_kept,
            to=("preview",),
            label="kept",
        ),
        Step(
            "preview",
            ask=_ask_preview,
            buttons={
                "send": Answer(_send, to=(END,), label="send (queued for all at once)"),
                "cancel": Answer(_cancel, to=(END,), label="cancel"),
            },
        ),
    ),
    title="/broadcast",
)


async def on_button(ctx: Context, rest: str) -> None:
    """`yes:12` / `maybe:12` / `no:12` from a recipient, `cancel:12` from a coordinator."""
    action, _sep, arg = rest.partition(":")
    broadcast = await ctx.uow.broadcasts.get(int(arg)) if arg.isdigit() else None
    if broadcast is None:
        ctx.reply(NOT_AVAILABLE)
    elif (
        action == "cancel"
        and ctx.person.membership(COORDINATOR) is not None
        and (_organisation(ctx) == broadcast.organisation_id)
    ):
        await _cancel_invitation(ctx, broadcast)
    elif action not in ANSWERS or ctx.person.id not in broadcast.answers:
        ctx.reply(NOT_AVAILABLE)
    elif broadcast.status == "cancelled":
        ctx.reply(_("This invitation is cancelled."), ctx.menu())
    else:
        await ctx.uow.broadcasts.answer(broadcast.id, ctx.person.id, action, now=ctx.now)
        ctx.toast = _("Thank you.")
        ctx.reply(_("Thank you for letting us know."), ctx.menu())


async def _cancel_invitation(ctx: Context, broadcast: BroadcastRecord) -> None:
    if broadcast.status == "cancelled":
        ctx.reply(_("This invitation is cancelled."), ctx.menu())
        return
    await ctx.uow.broadcasts.cancel(broadcast.id)
    for person_id, answer in broadcast.answers.items():
        if answer != "no":
            await ctx.notify(
                person_id,
                _(
                    "Cancelled: {title}, {time}.",
                    title=verbatim(broadcast.title),
                    time=broadcast.starts_at,
                ),
                protect=False,
            )
    ctx.reply(_("The invitation is cancelled; everyone who did not decline is told."), ctx.menu())
