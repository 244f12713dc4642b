"""`/broadcast` for coordinators: a theme-session invitation (theme mornings, work
visits, network meetings) or a plain announcement, step by step with buttons.

Invitation: title → day and time (the button picker, `flows.core.when`) → place →
capacity → audience → text → preview → send now or later. An announcement skips the
time, the place and the capacity. The audience is the organisation, a role, one or
more areas, a language or an intervision group (`flows.broadcasts.audience`).

The coordinator writes in their own language; from the preview they may add a version
for another language, and see the message exactly as a reader of any language in the
audience gets it (the frame and the date in that language, the text in its version or
else in the coordinator's). Title and texts are cleaned like every text; the place is
the organisation's venue and stays as written.

Under *Broadcasts* the coordinator sees what was sent and planned: answers, places and
the waiting list, delivery; and can ask for the names, send an update to the same
audience (one text for all languages, like a message in a group), or cancel.
Sending, the reminder and the delivery report are in `sending`; answers and the
waiting list in `answers`.

Its steps are drawn in docs/dialogues.md, generated from `BROADCAST` and `UPDATE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flows.broadcasts import answers, audience, sending
from flows.broadcasts.sending import PREFIX
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
    Handler,
    Next,
    Question,
    Step,
    Sub,
    begin,
)
from flows.core.languages import ENDONYMS
from flows.core.messages import (
    Button,
    InLanguage,
    Inline,
    Keyboard,
    LanguageName,
    Text,
    _,
    _n,
    keyboard,
    ticked,
    verbatim,
)
from flows.core.roles import COORDINATOR
from flows.core.when import WHEN, WhenDraft
from flows.privacy.access import NOT_AVAILABLE
from storage.records import BroadcastRecord, PersonRecord

MAX_TITLE, MAX_PLACE, MAX_CAPACITY = 80, 200, 10_000
MAX_AREAS = 12  # area buttons offered; more are unusual for one organisation


@dataclass
class BroadcastDraft:
    kind: str = ""  # invitation, announcement
    title: str = ""
    starts_at: str = ""  # ISO, UTC
    place: str = ""
    capacity: int = 0  # 0: no limit
    audience: str = ""
    areas: list[str] = field(default_factory=list)  # ticked, before they become the audience
    text: str = ""
    versions: dict[str, str] = field(default_factory=dict)
    version_for: str = ""
    preview_as: str = ""


def _go(step: str) -> Handler:
    """A button that only leads on to `step`."""

    async def go(_ctx: Context, _draft: object, _arg: str) -> Next:
        return Go(step)

    return go


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
            [Choice(_("Sent and planned"), "overview")],
        ],
    )


async def _kind(_ctx: Context, draft: BroadcastDraft, kind: str) -> Next:
    draft.kind = kind
    return Go("title")


async def _title(ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    """Cleaned like every text (the preview shows what is left)."""
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
    return Go("capacity")


async def _no_place(_ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    draft.place = ""
    return Go("capacity")


async def _capacity(ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    number = text.strip()
    if not number.isdigit() or not 1 <= int(number) <= MAX_CAPACITY:
        ctx.reply(_("Please type a number of places, such as 20, or tap No limit."))
        return STAY
    draft.capacity = int(number)
    return Go("audience")


async def _no_limit(_ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    draft.capacity = 0
    return Go("audience")


async def _ask_audience(ctx: Context, _draft: BroadcastDraft) -> Question:
    rows = [[Choice(_(label), "to", code)] for code, (label, _roles) in audience.ROLES.items()]
    organisation = _organisation(ctx)
    if await ctx.uow.people.areas(organisation):
        rows.append([Choice(_("One or more areas"), "areas")])
    rows.append([Choice(_("People who read one language"), "languages")])
    if await ctx.uow.intervision.groups_of(organisation):
        rows.append([Choice(_("An intervision group"), "groups")])
    return Question(_("Who should get it?"), rows)


async def _to(ctx: Context, draft: BroadcastDraft, code: str) -> Next:
    """Take the audience if anyone is in it."""
    if not await audience.members(ctx.uow, _organisation(ctx), code, author_id=ctx.person.id):
        ctx.reply(_("Nobody in your organisation is in that group yet."))
        return STAY
    draft.audience = code
    return Go("text")


async def _to_areas(_ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    draft.areas = []
    return Go("areas")


async def _areas(ctx: Context, _draft: BroadcastDraft) -> list[str]:
    return (await ctx.uow.people.areas(_organisation(ctx)))[:MAX_AREAS]


async def _area_indices(ctx: Context, draft: BroadcastDraft) -> list[str]:
    return [str(i) for i in range(len(await _areas(ctx, draft)))]


async def _ask_areas(ctx: Context, draft: BroadcastDraft) -> Question:
    rows = [
        [Choice(ticked(verbatim(area), area in draft.areas), "area", str(i))]
        for i, area in enumerate(await _areas(ctx, draft))
    ]
    rows.append([Choice(_("Done"), "done")])
    return Question(_("Which areas? Tap to tick or untick, then Done."), rows)


async def _tick_area(ctx: Context, draft: BroadcastDraft, index: str) -> Next:
    area = (await _areas(ctx, draft))[int(index)]
    if area in draft.areas:
        draft.areas.remove(area)
    else:
        draft.areas.append(area)
    return Go("areas", edit=True)


async def _areas_done(ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    if not draft.areas:
        ctx.reply(_("Please tick at least one area."))
        return STAY
    return await _to(ctx, draft, audience.by_areas(draft.areas))


async def _present_languages(ctx: Context, _draft: BroadcastDraft) -> list[str]:
    """The languages people of the organisation read Sleutel in, in the usual order."""
    people = await ctx.uow.people.in_organisation(_organisation(ctx))
    present = {p.locale for p in people if p.active and p.id != ctx.person.id}
    return [code for code in ENDONYMS if code in present]


async def _ask_language(ctx: Context, draft: BroadcastDraft) -> Question:
    codes = await _present_languages(ctx, draft)
    return Question(
        _("Which language?"), [[Choice(verbatim(ENDONYMS[c]), "lang", c)] for c in codes]
    )


async def _language(ctx: Context, draft: BroadcastDraft, code: str) -> Next:
    return await _to(ctx, draft, f"{audience.LANGUAGE}:{code}")


async def _group_ids(ctx: Context, _draft: BroadcastDraft) -> list[str]:
    return [str(g.id) for g in await ctx.uow.intervision.groups_of(_organisation(ctx))]


async def _ask_group(ctx: Context, _draft: BroadcastDraft) -> Question:
    groups = await ctx.uow.intervision.groups_of(_organisation(ctx))
    return Question(
        _("Which group?"), [[Choice(verbatim(g.name), "group", str(g.id))] for g in groups]
    )


async def _group(ctx: Context, draft: BroadcastDraft, group_id: str) -> Next:
    return await _to(ctx, draft, f"{audience.GROUP}:{group_id}")


async def _text_kept(_ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    draft.text = text
    return Go("preview")


def _record(ctx: Context, draft: BroadcastDraft) -> BroadcastRecord:
    """The draft as the broadcast it will be, to show it as it will be sent."""
    return BroadcastRecord(
        id=0,
        organisation_id=_organisation(ctx),
        author_id=ctx.person.id,
        kind=draft.kind,
        title=draft.title,
        text=draft.text,
        place=draft.place or None,
        starts_at=datetime.fromisoformat(draft.starts_at) if draft.starts_at else None,
        audience=draft.audience,
        status="draft",
        versions=draft.versions,
        capacity=draft.capacity or None,
    )


async def _recipients(ctx: Context, draft: BroadcastDraft) -> list[PersonRecord]:
    return await audience.members(
        ctx.uow, _organisation(ctx), draft.audience, author_id=ctx.person.id
    )


def _languages_of(people: list[PersonRecord]) -> list[str]:
    present = {p.locale for p in people}
    return [code for code in ENDONYMS if code in present]


async def _ask_preview(ctx: Context, draft: BroadcastDraft) -> Question:
    """The message as one recipient gets it, in the language chosen to see it in."""
    people = await _recipients(ctx, draft)
    languages = _languages_of(people)
    shown = draft.preview_as if draft.preview_as in languages else None
    shown = shown or (ctx.person.locale if ctx.person.locale in languages else languages[0])
    reader = next(p for p in people if p.locale == shown)
    message = sending.message(_record(ctx, draft), ctx.person.display_name, shown)
    rows = [
        [Choice(_n("Send now to {n} person", "Send now to {n} people", len(people)), "send")],
        [Choice(_("Send later"), "later")],
        [Choice(_("Add a text in another language"), "version")],
    ]
    others = [code for code in languages if code != shown]
    rows += [
        [Choice(_("See it in {language}", language=LanguageName(c)), "see", c)] for c in others
    ]
    rows.append([Choice(_("Cancel"), "cancel")])
    return Question(
        _(
            "This is what {name} will see:\n\n{message}",
            name=reader.display_name,
            message=InLanguage(shown, message),
        ),
        rows,
    )


async def _preview_languages(ctx: Context, draft: BroadcastDraft) -> list[str]:
    return _languages_of(await _recipients(ctx, draft))


async def _see(_ctx: Context, draft: BroadcastDraft, code: str) -> Next:
    draft.preview_as = code
    return Go("preview")


async def _ask_version_language(ctx: Context, draft: BroadcastDraft) -> Question:
    codes = [c for c in ENDONYMS if c != ctx.person.locale]
    rows = [[Choice(ticked(verbatim(ENDONYMS[c]), c in draft.versions), "lang", c)] for c in codes]
    rows.append([Choice(_("Back"), "back")])
    return Question(_("For readers of which language?"), rows)


async def _version_language(_ctx: Context, draft: BroadcastDraft, code: str) -> Next:
    draft.version_for = code
    return Go("version")


async def _version_kept(_ctx: Context, draft: BroadcastDraft, text: str) -> Next:
    draft.versions[draft.version_for] = text
    draft.preview_as = draft.version_for
    return Go("preview")


async def _send(ctx: Context, draft: BroadcastDraft, _arg: str) -> Next:
    broadcast = await _create(ctx, draft, send_at=None)
    n = len(broadcast.answers)
    ctx.reply(_n("Sent to {n} person.", "Sent to {n} people.", n), ctx.menu())
    return Done()


async def _later(ctx: Context, draft: BroadcastDraft, at: datetime | None) -> Next:
    if at is None:
        return Go("preview")
    await _create(ctx, draft, send_at=at)
    ctx.reply(
        _("Planned for {time}. Until then you can cancel it under Broadcasts.", time=at),
        ctx.menu(),
    )
    return Done()


async def _create(ctx: Context, draft: BroadcastDraft, send_at: datetime | None):
    return await sending.create(
        ctx.uow,
        organisation_id=_organisation(ctx),
        author_id=ctx.person.id,
        kind=draft.kind,
        title=draft.title,
        text=draft.text,
        versions=draft.versions,
        place=draft.place or None,
        starts_at=datetime.fromisoformat(draft.starts_at) if draft.starts_at else None,
        capacity=draft.capacity or None,
        audience_=draft.audience,
        send_at=send_at,
        now=ctx.now,
    )


async def _cancel(ctx: Context, _draft: BroadcastDraft, _arg: str) -> Next:
    ctx.reply(_("Nothing was sent."), ctx.menu())
    return Done()


async def _overview(ctx: Context, _draft: BroadcastDraft, _arg: str) -> Next:
    broadcasts = await ctx.uow.broadcasts.recent(_organisation(ctx))
    if not broadcasts:
        ctx.reply(_("Nothing was sent yet."), ctx.menu())
        return Done()
    for broadcast in reversed(broadcasts):
        ctx.reply(await summary(ctx, broadcast), _overview_buttons(broadcast))
    return Done()


def _overview_buttons(broadcast: BroadcastRecord) -> Keyboard:
    data = str(broadcast.id)
    if broadcast.status == "scheduled":
        return keyboard(Button(_("Cancel it"), pack(PREFIX, "cancel", data)))
    if broadcast.status != "sent":
        return ()
    rows = [Button(_("Send an update"), pack(PREFIX, "update", data))]
    if broadcast.kind == "invitation":
        rows = [
            Button(_("Names"), pack(PREFIX, "names", data)),
            *rows,
            Button(_("Cancel this invitation"), pack(PREFIX, "cancel", data)),
        ]
    return keyboard(*rows)


async def summary(ctx: Context, broadcast: BroadcastRecord) -> Text:
    """One broadcast for its coordinator: what, to whom, answers and places, delivery."""
    head = {
        "title": verbatim(broadcast.title),
        "audience": await audience.describe(ctx.uow, broadcast.audience),
    }
    if broadcast.status == "scheduled":
        return _("{title} · {audience}\nPlanned for {time}.", **head, time=broadcast.send_at)
    if broadcast.status == "cancelled":
        return _("{title} · {audience}\nCancelled.", **head)
    delivery = await sending.delivery(ctx.uow, broadcast)
    if broadcast.kind != "invitation":
        return _("{title} · {audience}\n{delivery}", **head, delivery=delivery)
    counts = dict.fromkeys(("yes", "maybe", "no", "wait", "offered", None), 0)
    for answer in broadcast.answers.values():
        counts[answer] += 1
    places = (
        _(
            "\nPlaces taken: {taken} of {capacity} · Waiting list: {waiting}",
            taken=broadcast.places_taken,
            capacity=broadcast.capacity,
            waiting=counts["wait"],
        )
        if broadcast.capacity
        else ""
    )
    return _(
        "{title} · {audience}\n{time}\nComing: {yes} · Maybe: {maybe} · Can't come: {no} · "
        "No answer: {none}{places}\n{delivery}",
        **head,
        time=broadcast.starts_at,
        yes=counts["yes"],
        maybe=counts["maybe"],
        no=counts["no"],
        none=counts[None],
        places=places,
        delivery=delivery,
    )


async def _names(ctx: Context, broadcast: BroadcastRecord) -> Text:
    """Who is coming, who might, and the waiting list in its order."""

    known = await ctx.uow.people.display_names(broadcast.answers)

    def names(ids: list[int] | tuple[int, ...]) -> Text | Inline:
        shown = tuple(verbatim(known[p]) for p in ids if p in known)
        return Inline(shown) if shown else _("nobody")

    def answered(code: str) -> list[int]:
        return [p for p, a in broadcast.answers.items() if a == code]

    return _(
        "{title}\nComing: {yes}\nMaybe: {maybe}\nWaiting list: {waiting}",
        title=verbatim(broadcast.title),
        yes=names(answered("yes") + answered("offered")),
        maybe=names(answered("maybe")),
        waiting=names(broadcast.waiting),
    )


@dataclass
class UpdateDraft:
    broadcast_id: int = 0
    text: str = ""


def _update_message(broadcast: BroadcastRecord, author: str, text: str) -> Text:
    return _(
        "Update from {name}, your coordinator, about {title}:\n\n{text}",
        name=author,
        title=verbatim(broadcast.title),
        text=verbatim(text),
    )


async def _update_kept(_ctx: Context, draft: UpdateDraft, text: str) -> Next:
    draft.text = text
    return Go("confirm")


async def _ask_update(ctx: Context, draft: UpdateDraft) -> Question:
    broadcast = await ctx.uow.broadcasts.get(draft.broadcast_id)
    n = sum(1 for answer in broadcast.answers.values() if answer != "no")
    return Question(
        _(
            "This is what they will see:\n\n{message}",
            message=_update_message(broadcast, ctx.person.display_name, draft.text),
        ),
        [
            [Choice(_n("Send to {n} person", "Send to {n} people", n), "send")],
            [Choice(_("Cancel"), "cancel")],
        ],
    )


async def _send_update(ctx: Context, draft: UpdateDraft, _arg: str) -> Next:
    """To everyone who got it and did not decline; a topic of its own per update, so a
    double tap or a second worker cannot send it twice."""
    broadcast = await ctx.uow.broadcasts.get(draft.broadcast_id)
    text = _update_message(broadcast, ctx.person.display_name, draft.text)
    part = f"u{int(ctx.now.timestamp())}"
    n = await sending.tell_audience(ctx.uow, broadcast, text, part, now=ctx.now)
    await ctx.audit("broadcast.update", sending.topic(broadcast.id), broadcast.organisation_id)
    ctx.reply(_n("Sent to {n} person.", "Sent to {n} people.", n), ctx.menu())
    return Done()


UPDATE = Dialogue(
    "broadcastupdate",
    UpdateDraft,
    steps=(
        note.note_step(
            "text",
            lambda _ctx, _d: Question(_("Write the update. No names of clients, please.")),
            _update_kept,
            to=("confirm",),
            label="kept",
        ),
        Step(
            "confirm",
            ask=_ask_update,
            buttons={
                "send": Answer(_send_update, to=(END,), label="send to the same audience"),
                "cancel": Answer(_cancel, to=(END,), label="cancel"),
            },
        ),
    ),
    title="an update to a broadcast",
)


async def _cancel_broadcast(ctx: Context, broadcast: BroadcastRecord) -> None:
    """A planned broadcast is dropped; a sent invitation is called off: everyone who
    did not decline hears it, once (its own topic)."""
    if broadcast.status == "cancelled":
        ctx.reply(_("This invitation is cancelled."), ctx.menu())
        return
    await ctx.uow.broadcasts.set_status(broadcast.id, "cancelled")
    await ctx.audit("broadcast.cancel", sending.topic(broadcast.id), broadcast.organisation_id)
    if broadcast.status == "scheduled":
        await ctx.uow.timers.cancel(sending.SEND, sending.subject(broadcast.id), now=ctx.now)
        ctx.reply(_("It is cancelled; nobody got it."), ctx.menu())
        return
    text = _(
        "Cancelled: {title}, {time}.", title=verbatim(broadcast.title), time=broadcast.starts_at
    )
    await sending.tell_audience(ctx.uow, broadcast, text, "x", now=ctx.now)
    ctx.reply(_("The invitation is cancelled; everyone who did not decline is told."), ctx.menu())


async def on_button(ctx: Context, rest: str) -> None:
    """`yes|maybe|no|take:12` from a recipient; `names|update|cancel:12` from a
    coordinator of the broadcast's organisation."""
    action, _sep, arg = rest.partition(":")
    broadcast = await ctx.uow.broadcasts.get(int(arg)) if arg.isdigit() else None
    coordinator = ctx.person.membership(COORDINATOR)
    leads = (
        broadcast is not None
        and coordinator is not None
        and coordinator.organisation_id == broadcast.organisation_id
    )
    cancellable = leads and (broadcast.kind == "invitation" or broadcast.status == "scheduled")
    if action == "cancel" and cancellable:
        await _cancel_broadcast(ctx, broadcast)
    elif leads and action == "names":
        ctx.reply(await _names(ctx, broadcast), ctx.menu())
    elif leads and action == "update" and broadcast.status == "sent":
        await begin(ctx, UPDATE, UpdateDraft(broadcast.id))
    elif (
        broadcast is None
        or action not in (*sending.ANSWERS, "take")
        or ctx.person.id not in broadcast.answers
        or broadcast.kind != "invitation"
    ):
        ctx.reply(NOT_AVAILABLE)
    elif broadcast.status == "cancelled":
        ctx.reply(_("This invitation is cancelled."), ctx.menu())
    else:
        await answers.answer(ctx, broadcast, action)


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
                "overview": Answer(_overview, to=(END,), label="sent and planned"),
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
            text=Answer(_place, to=("capacity",), label="a place"),
            buttons={"skip": Answer(_no_place, to=("capacity",), label="place to follow")},
        ),
        Step(
            "capacity",
            ask=lambda _ctx, _d: Question(
                _("How many places are there? Type a number, or tap No limit."),
                [[Choice(_("No limit"), "none")]],
            ),
            text=Answer(_capacity, to=("audience",), label="a number"),
            buttons={"none": Answer(_no_limit, to=("audience",), label="no limit")},
        ),
        Step(
            "audience",
            ask=_ask_audience,
            buttons={
                "to": Answer(_to, to=("text",), label="a role", args=audience.ROLES),
                "areas": Answer(_to_areas, to=("areas",), label="by area"),
                "languages": Answer(_go("language"), to=("language",), label="by language"),
                "groups": Answer(_go("group"), to=("group",), label="an intervision group"),
            },
        ),
        Step(
            "areas",
            ask=_ask_areas,
            buttons={
                "area": Answer(_tick_area, to=("areas",), label="tick", args=_area_indices),
                "done": Answer(_areas_done, to=("text",), label="done"),
            },
        ),
        Step(
            "language",
            ask=_ask_language,
            buttons={
                "lang": Answer(_language, to=("text",), label="a language", args=_present_languages)
            },
        ),
        Step(
            "group",
            ask=_ask_group,
            buttons={"group": Answer(_group, to=("text",), label="a group", args=_group_ids)},
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
                "send": Answer(_send, to=(END,), label="send now (queued for all at once)"),
                "later": Answer(_go("later"), to=("later",), label="send later"),
                "version": Answer(_go("versionfor"), to=("versionfor",), label="add a language"),
                "see": Answer(_see, to=("preview",), label="see it as", args=_preview_languages),
                "cancel": Answer(_cancel, to=(END,), label="cancel"),
            },
        ),
        Step(
            "versionfor",
            ask=_ask_version_language,
            buttons={
                "lang": Answer(
                    _version_language, to=("version",), label="a language", args=ENDONYMS
                ),
                "back": Answer(_go("preview"), to=("preview",), label="back"),
            },
        ),
        note.note_step(
            "version",
            lambda _ctx, draft: Question(
                _(
                    "Write the text for readers of {language}.",
                    language=LanguageName(draft.version_for),
                )
            ),
            _version_kept,
            to=("preview",),
            label="kept",
        ),
        Step(
            "later",
            start=Sub(WHEN, lambda _ctx, _draft: WhenDraft()),
            returns=Answer(_later, to=(END, "preview"), label="planned / back to the preview"),
        ),
    ),
    title="/broadcast",
    version=2,
)


TIMERS = {**sending.TIMERS, answers.OFFER: answers.on_offer_lapsed}
