"""`/intervision` for confidants and coordinators: make a group, plan a session, and see
who is coming.

Intervision (peer supervision) takes place at least once every two months, one-to-one
with the confidant or in a group of three to six led by the confidant
(DOMAIN.md). A group is a name, its facilitator (the confidant who makes it; a
coordinator chooses one) and its key persons, ticked on one message; fewer than three
or more than six is allowed after a warning. A session is for a group or one key
person, at a date and time chosen with the button picker (`flows.core.when`), with an
optional place or link. Everyone invited gets it in their own language and timezone,
with Coming / Can't come and a calendar file on request (`flows.intervision.calendar`);
a week and a day before, those who did not decline are reminded. The facilitator sees
who answered what, and can cancel a session: everyone invited hears it.

Its steps are drawn in docs/dialogues.md, generated from `INTERVISION`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

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
from flows.core.messages import (
    Button,
    Document,
    Inline,
    Keyboard,
    Text,
    _,
    _n,
    keyboard,
    ticked,
    verbatim,
)
from flows.core.references import new_reference
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.core.when import WHEN, WhenDraft
from flows.intervision import attendance, preparation
from flows.intervision.calendar import session_file
from flows.privacy.access import NOT_AVAILABLE
from storage.records import PersonRecord, SessionRecord, TimerRecord

PREFIX = "iv"  # its buttons: iv:<action>:<reference>
REMIND = "intervision.remind"
GROUP_SIZE = (3, 6)
MAX_NAME, MAX_PLACE = 40, 200


def session_button(label: Text, action: str, reference: str) -> Button:
    return Button(label, pack(PREFIX, action, reference))


def answer_buttons(reference: str) -> Keyboard:
    return keyboard(
        [
            session_button(_("Coming"), "yes", reference),
            session_button(_("Can't come"), "no", reference),
        ],
        session_button(_("Add to my calendar"), "ics", reference),
    )


def _organisation(ctx: Context) -> int:
    membership = ctx.person.membership(CONFIDANT) or ctx.person.membership(COORDINATOR)
    return membership.organisation_id


async def _key_persons(ctx: Context) -> list[PersonRecord]:
    people = await ctx.uow.people.in_organisation(_organisation(ctx), KEY_PERSON)
    return [p for p in people if p.active]


# --- the dialogue ---------------------------------------------------------------------


@dataclass
class IntervisionDraft:
    name: str = ""
    members: list[int] = field(default_factory=list)
    facilitator: int = 0
    group: int = 0  # a session for this group, or
    person: int = 0  # one-to-one with this key person
    starts_at: str = ""  # ISO, UTC
    changing: int = 0  # the group whose members change


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, INTERVISION, IntervisionDraft(facilitator=ctx.person.id))


def _ask_menu(_ctx: Context, _draft: IntervisionDraft) -> Question:
    return Question(
        _("Intervision: what would you like to do?"),
        [
            [Choice(_("Plan a session"), "session")],
            [Choice(_("New group"), "group"), Choice(_("Change a group"), "change")],
            [Choice(_("Planned sessions"), "list")],
            [Choice(_("Overdue"), "overdue")],
        ],
    )


def _go(step: str):
    async def run(_ctx: Context, _draft: IntervisionDraft, _arg: str) -> Next:
        return Go(step)

    return run


async def _list(ctx: Context, _draft: IntervisionDraft, _arg: str) -> Next:
    sessions = await ctx.uow.intervision.sessions_led_by(ctx.person.id, since=ctx.now)
    planned = [s for s in sessions if s.status == "planned"]
    if not planned:
        ctx.reply(_("You have no sessions planned."), ctx.menu())
        return Done()
    for session in planned:
        ctx.reply(
            await _overview(ctx, session),
            keyboard(
                session_button(_("Move to another day"), "move", session.reference),
                session_button(_("Cancel this session"), "cancel", session.reference),
            ),
        )
    return Done()


async def _overdue(ctx: Context, _draft: IntervisionDraft, _arg: str) -> Next:
    ctx.reply(await attendance.overdue(ctx, _organisation(ctx)), ctx.menu())
    return Done()


async def _overview(ctx: Context, session: SessionRecord) -> Text:
    """Who answered what, by name: for the facilitator only."""
    names: dict[str | None, list[str]] = {"yes": [], "no": [], None: []}
    for person_id, answer in session.invited.items():
        person = await ctx.uow.people.get(person_id)
        if person is not None:
            names[answer].append(person.display_name)
    nobody = _("nobody")
    return _(
        "Intervision {ref} on {time}\nComing: {yes}\nCan't come: {no}\nNo answer yet: {open}",
        ref=session.reference,
        time=session.starts_at,
        yes=Inline(tuple(names["yes"])) if names["yes"] else nobody,
        no=Inline(tuple(names["no"])) if names["no"] else nobody,
        open=Inline(tuple(names[None])) if names[None] else nobody,
    )


# group --------------------------------------------------------------------------------


async def _name(ctx: Context, draft: IntervisionDraft, text: str) -> Next:
    name = " ".join(text.split())
    if not 1 <= len(name) <= MAX_NAME:
        ctx.reply(_("Please send a name of 1 to {max} characters.", max=MAX_NAME))
        return STAY
    draft.name = name
    return Go("facilitator" if COORDINATOR in ctx.person.roles else "members")


async def _ask_facilitator(ctx: Context, _draft: IntervisionDraft) -> Question:
    people = await ctx.uow.people.in_organisation(_organisation(ctx), CONFIDANT)
    rows = [[Choice(verbatim(p.display_name), "lead", str(p.id))] for p in people if p.active]
    return Question(_("Which confidant leads this group?"), rows)


async def _confidant_ids(ctx: Context, _draft: IntervisionDraft) -> list[str]:
    people = await ctx.uow.people.in_organisation(_organisation(ctx), CONFIDANT)
    return [str(p.id) for p in people if p.active]


async def _lead(_ctx: Context, draft: IntervisionDraft, arg: str) -> Next:
    draft.facilitator = int(arg)
    return Go("members")


async def _ask_members(ctx: Context, draft: IntervisionDraft) -> Question:
    rows = [
        [Choice(ticked(verbatim(p.display_name), p.id in draft.members), "member", str(p.id))]
        for p in await _key_persons(ctx)
    ]
    rows.append([Choice(_("Done"), "done")])
    return Question(
        _("Who is in {name}? Tap to add or take away, then Done.", name=draft.name), rows
    )


async def _key_person_ids(ctx: Context, _draft: IntervisionDraft) -> list[str]:
    return [str(p.id) for p in await _key_persons(ctx)]


async def _member(_ctx: Context, draft: IntervisionDraft, arg: str) -> Next:
    person = int(arg)
    if person in draft.members:
        draft.members.remove(person)
    else:
        draft.members.append(person)
    return Go("members", edit=True)


async def _members_done(ctx: Context, draft: IntervisionDraft, _arg: str) -> Next:
    low, high = GROUP_SIZE
    if not draft.members:
        ctx.reply(_("Please choose at least one key person."))
        return Go("members")
    if not low <= len(draft.members) <= high:
        return Go("size")
    return await _save_group(ctx, draft)


def _ask_size(_ctx: Context, draft: IntervisionDraft) -> Question:
    low, high = GROUP_SIZE
    return Question(
        _(
            "An intervision group usually has {low} to {high} key persons; this one has "
            "{n}. Save it anyway?",
            low=low,
            high=high,
            n=len(draft.members),
        ),
        [[Choice(_("Save it anyway"), "save")], [Choice(_("Change the members"), "change")]],
    )


async def _save(ctx: Context, draft: IntervisionDraft, _arg: str) -> Next:
    return await _save_group(ctx, draft)


async def _ask_pick(ctx: Context, _draft: IntervisionDraft) -> Question:
    rows = [
        [Choice(verbatim(g.name), "pick", str(g.id))]
        for g in await ctx.uow.intervision.groups_of(_organisation(ctx))
    ]
    return Question(_("Which group?"), rows)


async def _pick(ctx: Context, draft: IntervisionDraft, arg: str) -> Next:
    group = await ctx.uow.intervision.group(int(arg))
    draft.changing, draft.name, draft.members = group.id, group.name, list(group.members)
    return Go("members")


async def _save_group(ctx: Context, draft: IntervisionDraft) -> Next:
    if draft.changing:
        await ctx.uow.intervision.set_members(draft.changing, draft.members)
        ctx.reply(_("Group {name} is changed.", name=draft.name), ctx.menu())
        return Done()
    group = await ctx.uow.intervision.add_group(
        _organisation(ctx), draft.name, draft.facilitator, draft.members, now=ctx.now
    )
    await ctx.audit("intervision.group_added", f"G{group.id}", group.organisation_id)
    ctx.reply(
        _("Group {name} is saved. You can plan its first session now.", name=group.name),
        ctx.menu(),
    )
    return Done()


# session ------------------------------------------------------------------------------


async def _ask_who(ctx: Context, _draft: IntervisionDraft) -> Question:
    rows = [
        [Choice(verbatim(g.name), "group", str(g.id))]
        for g in await ctx.uow.intervision.groups_of(_organisation(ctx))
    ]
    rows.append([Choice(_("One key person"), "one")])
    return Question(_("For which group is the session?"), rows)


async def _group_ids(ctx: Context, _draft: IntervisionDraft) -> list[str]:
    return [str(g.id) for g in await ctx.uow.intervision.groups_of(_organisation(ctx))]


async def _for_group(_ctx: Context, draft: IntervisionDraft, arg: str) -> Next:
    draft.group, draft.person = int(arg), 0
    return Go("when")


async def _ask_person(ctx: Context, _draft: IntervisionDraft) -> Question:
    rows = [
        [Choice(verbatim(p.display_name), "person", str(p.id))] for p in await _key_persons(ctx)
    ]
    return Question(_("With which key person?"), rows)


async def _for_person(_ctx: Context, draft: IntervisionDraft, arg: str) -> Next:
    draft.person, draft.group = int(arg), 0
    return Go("when")


async def _when(ctx: Context, draft: IntervisionDraft, at: datetime | None) -> Next:
    if at is None:
        ctx.reply(_("Nothing was planned."), ctx.menu())
        return Done()
    draft.starts_at = at.isoformat()
    return Go("place")


def _ask_place(_ctx: Context, _draft: IntervisionDraft) -> Question:
    return Question(
        _("Where? A room or a link for an online meeting. It goes into the calendar file."),
        [[Choice(_("No place yet"), "skip")]],
    )


async def _place(ctx: Context, draft: IntervisionDraft, text: str) -> Next:
    place = " ".join(text.split())
    if not 1 <= len(place) <= MAX_PLACE:
        ctx.reply(_("Please keep it under {max} characters.", max=MAX_PLACE))
        return STAY
    return await _plan(ctx, draft, place)


async def _no_place(ctx: Context, draft: IntervisionDraft, _arg: str) -> Next:
    return await _plan(ctx, draft, None)


async def _plan(ctx: Context, draft: IntervisionDraft, place: str | None) -> Next:
    session = await plan_session(
        ctx,
        organisation_id=_organisation(ctx),
        group_id=draft.group or None,
        person_id=draft.person or None,
        starts_at=datetime.fromisoformat(draft.starts_at),
        place=place,
    )
    ctx.reply(
        _n(
            "Session {ref} on {time} is planned; {n} person is invited.",
            "Session {ref} on {time} is planned; {n} people are invited.",
            len(session.invited),
            ref=session.reference,
            time=session.starts_at,
        ),
        ctx.menu(),
    )
    return Done()


async def plan_session(
    ctx: Context,
    *,
    organisation_id: int,
    group_id: int | None,
    person_id: int | None,
    starts_at: datetime,
    place: str | None,
) -> SessionRecord:
    """Save a session for a group (led by its facilitator) or one key person (led by
    whoever plans it), invite everyone and plan the reminders; the bot and
    `sleutel intervision add` both plan through here."""
    if group_id:
        group = await ctx.uow.intervision.group(group_id)
        invited, facilitator = list(group.members), group.facilitator_id or ctx.person.id
    else:
        invited, facilitator = [person_id], ctx.person.id
    session = await ctx.uow.intervision.add_session(
        reference=await new_reference(ctx.uow.intervision.reference_taken, prefix="I"),
        organisation_id=organisation_id,
        group_id=group_id,
        facilitator_id=facilitator,
        starts_at=starts_at,
        place=place,
        invited=invited,
        now=ctx.now,
    )
    lead = await ctx.uow.people.get(facilitator)
    for invitee in invited:
        await ctx.notify(invitee, _invitation(session, lead), answer_buttons(session.reference))
    await _plan_timers(ctx, session)
    return session


def _invitation(session: SessionRecord, lead: PersonRecord | None) -> Text:
    name = verbatim(lead.display_name) if lead else _("your confidant")
    if session.place:
        return _(
            "Intervision with {name} on {time}, {place}. Are you coming?",
            name=name,
            time=session.starts_at,
            place=verbatim(session.place),
        )
    return _(
        "Intervision with {name} on {time}. Are you coming?", name=name, time=session.starts_at
    )


def _subject(session: SessionRecord) -> str:
    return f"{PREFIX}:{session.reference}"


async def _plan_timers(ctx: Context, session: SessionRecord) -> None:
    """The reminders before, the ratings side by side at the start, who was there after:
    planned again when a session moves."""
    for kind in (REMIND, preparation.START, attendance.AFTER):
        await ctx.uow.timers.cancel(kind, _subject(session), now=ctx.now)
    org = await ctx.uow.people.organisation(session.organisation_id)
    days = {org.intervision_first_reminder_days, org.intervision_last_reminder_days}
    for before in sorted(days, reverse=True):
        at = session.starts_at - timedelta(days=before)
        if at > ctx.now:
            last = before == org.intervision_last_reminder_days
            await ctx.uow.timers.schedule(
                REMIND, _subject(session), at, now=ctx.now, payload={"last": last}
            )
    await attendance.plan_after(ctx, session)


INTERVISION = Dialogue(
    "intervision",
    IntervisionDraft,
    steps=(
        Step(
            "menu",
            ask=_ask_menu,
            buttons={
                "session": Answer(_go("who"), to=("who",), label="plan a session"),
                "group": Answer(_go("name"), to=("name",), label="new group"),
                "change": Answer(_go("pick"), to=("pick",), label="change a group"),
                "list": Answer(_list, to=(END,), label="planned sessions (who answered)"),
                "overdue": Answer(_overdue, to=(END,), label="overdue (two-month rule)"),
            },
        ),
        Step(
            "pick",
            ask=_ask_pick,
            buttons={"pick": Answer(_pick, to=("members",), label="a group", args=_group_ids)},
        ),
        Step(
            "name",
            ask=lambda _ctx, _d: Question(_("What is the group called?")),
            text=Answer(_name, to=("facilitator", "members"), label="a name"),
        ),
        Step(
            "facilitator",
            ask=_ask_facilitator,
            buttons={
                "lead": Answer(_lead, to=("members",), label="a confidant", args=_confidant_ids)
            },
        ),
        Step(
            "members",
            ask=_ask_members,
            buttons={
                "member": Answer(
                    _member, to=("members",), label="tick / untick", args=_key_person_ids
                ),
                "done": Answer(_members_done, to=("members", "size", END), label="done (saved)"),
            },
        ),
        Step(
            "size",
            ask=_ask_size,
            buttons={
                "save": Answer(_save, to=(END,), label="save anyway"),
                "change": Answer(_go("members"), to=("members",), label="change the members"),
            },
        ),
        Step(
            "who",
            ask=_ask_who,
            buttons={
                "group": Answer(_for_group, to=("when",), label="a group", args=_group_ids),
                "one": Answer(_go("person"), to=("person",), label="one key person"),
            },
        ),
        Step(
            "person",
            ask=_ask_person,
            buttons={
                "person": Answer(
                    _for_person, to=("when",), label="a key person", args=_key_person_ids
                )
            },
        ),
        Step(
            "when",
            start=Sub(WHEN, lambda _ctx, _draft: WhenDraft()),
            returns=Answer(_when, to=("place", END), label="a date and time / cancel"),
        ),
        Step(
            "place",
            ask=_ask_place,
            text=Answer(_place, to=(END,), label="a place (invitations sent)"),
            buttons={"skip": Answer(_no_place, to=(END,), label="no place yet (invitations sent)")},
        ),
    ),
    title="/intervision",
)


# --- the buttons of an invitation, and the reminders ------------------------------------


async def on_button(ctx: Context, rest: str) -> None:
    """`yes:I7K3P`, `no:…`, `ics:…`, `own:…:<rating>` for the invited; `cancel:…`,
    `move:…`, `mark:…`, `their:…:<person>:<rating>` for the facilitator."""
    action, _sep, tail = rest.partition(":")
    reference, _sep, extra = tail.partition(":")
    session = await ctx.uow.intervision.session(reference) if reference else None
    invited = session is not None and ctx.person.id in session.invited
    leads = session is not None and ctx.person.id == session.facilitator_id
    if leads and action == "cancel":
        await _cancel(ctx, session)
    elif leads and action == "mark":
        await attendance.start(ctx, session)
    elif leads and action == "move" and session.status == "planned":
        await begin(ctx, MOVE, MoveDraft(session.reference))
    elif session is not None and action in ("own", "their") and session.status == "planned":
        await preparation.rate(ctx, session, action, extra)
    elif invited and action == "note" and session.status == "planned":
        await begin(ctx, preparation.PRIVATE_NOTE, preparation.NoteDraft(session.reference))
    elif not invited or action not in ("yes", "no", "ics"):
        ctx.reply(NOT_AVAILABLE)
    elif session.status == "cancelled" and action != "ics":
        ctx.reply(_("This session is cancelled."), ctx.menu())
    elif action == "ics":
        ctx.reply(
            _("Open the file to put the session in your calendar."),
            document=Document(f"{session.reference}.ics", session_file(session, now=ctx.now)),
        )
    else:
        await ctx.uow.intervision.answer(session.id, ctx.person.id, action, now=ctx.now)
        ctx.toast = _("Thank you.")
        if action == "yes":
            ctx.reply(_("Thank you. See you on {time}.", time=session.starts_at), ctx.menu())
        else:
            ctx.reply(_("Thank you for letting us know."), ctx.menu())


async def _cancel(ctx: Context, session: SessionRecord) -> None:
    if session.status == "cancelled":
        ctx.reply(_("This session is cancelled."), ctx.menu())
        return
    await ctx.uow.intervision.change(session.id, status="cancelled")
    for kind in (REMIND, preparation.START, attendance.AFTER):
        await ctx.uow.timers.cancel(kind, _subject(session), now=ctx.now)
    for person_id in session.invited:
        await ctx.notify(
            person_id,
            _("The intervision on {time} is cancelled.", time=session.starts_at),
            keyboard(session_button(_("Remove it from my calendar"), "ics", session.reference)),
        )
    ctx.reply(
        _("Session {ref} is cancelled; everyone invited has been told.", ref=session.reference),
        ctx.menu(),
    )


async def on_remind(ctx: Context, timer: TimerRecord) -> None:
    """A week and a day before: everyone who did not decline."""
    session = await ctx.uow.intervision.session(timer.subject.partition(":")[2])
    if session is None or session.status != "planned":
        return
    for person_id, answer in session.invited.items():
        if answer != "no":
            await ctx.notify(
                person_id,
                _("Reminder: intervision on {time}.", time=session.starts_at),
                answer_buttons(session.reference),
            )
    if timer.payload.get("last"):  # with the last reminder: the preparation
        await preparation.ask(ctx, session)


# --- moving a session -----------------------------------------------------------------


@dataclass
class MoveDraft:
    ref: str


async def _moved(ctx: Context, draft: MoveDraft, at: datetime | None) -> Next:
    session = await ctx.uow.intervision.session(draft.ref)
    if at is None or session is None or session.status != "planned":
        ctx.reply(_("Nothing was changed."), ctx.menu())
        return Done()
    await ctx.uow.intervision.move(session.id, at)
    session = await ctx.uow.intervision.session(draft.ref)
    await _plan_timers(ctx, session)
    for person_id in session.invited:
        await ctx.notify(
            person_id,
            _(
                "Intervision {ref} has moved to {time}. Are you coming? Add it to your "
                "calendar again to replace the old date.",
                ref=session.reference,
                time=at,
            ),
            answer_buttons(session.reference),
        )
    ctx.reply(
        _(
            "Session {ref} is moved to {time}; everyone invited has been told.",
            ref=draft.ref,
            time=at,
        ),
        ctx.menu(),
    )
    return Done()


MOVE = Dialogue(
    "moveintervision",
    MoveDraft,
    steps=(
        Step(
            "when",
            start=Sub(WHEN, lambda _ctx, _draft: WhenDraft()),
            returns=Answer(_moved, to=(END,), label="a new moment (everyone told) / cancel"),
        ),
    ),
    title="Move to another day",
)
