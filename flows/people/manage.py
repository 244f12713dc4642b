"""`/people` for coordinators: the organisation's people, and for each one: assign
a confidant or backup (key persons), set their area (neighbourhood), pause or make
active again.

People are shown with short ids (`P12`), the same ids the CLI uses. What may be
done, and what is recorded and told, is `flows.people.service`: the same as in
the terminal (`sleutel assign`, `sleutel pause`, `sleutel people set-area`).

An area is tapped from the organisation's areas so far (`MAX_AREAS` of them), or
typed when it is a new one; the areas offered are kept in the draft, so a button
means the area that was shown on it even if the list changed meanwhile.

Its steps are drawn in docs/dialogues.md, generated from `PEOPLE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import Inline, Text, _, verbatim
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON, role_label
from flows.people import service
from flows.people.service import Refused, short_id
from storage.records import PersonRecord

MAX_BUTTONS = 40
MAX_AREAS = 8  # existing areas offered as buttons; more can be typed
NO_CONFIDANT = _(
    "There is no confidant in your organisation yet. "
    "Invite a confidant first, then the key persons."
)


@dataclass
class PeopleDraft:
    person: int | None = None  # the person being managed, once picked
    areas: list[str] = field(default_factory=list)  # the areas offered as buttons


async def active_confidants(ctx: Context, organisation_id: int) -> list[PersonRecord]:
    return await service.active_confidants(ctx.uow, organisation_id)


def _org_id(ctx: Context) -> int:
    return ctx.person.membership(COORDINATOR).organisation_id


def person_line(person: PersonRecord, organisation_id: int, names: dict[int, str]) -> Text:
    """`P12 · Amina · key person · confidant: Saskia`, with paused/unreachable marks."""
    roles = [m.role for m in person.memberships if m.organisation_id == organisation_id]
    kp = next(
        (
            m
            for m in person.memberships
            if m.role == KEY_PERSON and m.organisation_id == organisation_id
        ),
        None,
    )
    parts: list[Text] = [role_label(r) for r in roles]
    if kp is not None:
        parts.append(_("confidant: {name}", name=names.get(kp.confidant_id, "—")))
    if person.area:
        parts.append(_("area: {area}", area=person.area))
    if not person.active:
        parts.append(_("paused"))
    elif not person.reachable:
        parts.append(_("cannot be reached"))
    return _(
        "{id} · {name} · {details}",
        id=short_id(person.id),
        name=person.display_name,
        details=Inline(tuple(parts)),
    )


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, PEOPLE, PeopleDraft())


async def _ask_pick(ctx: Context, _draft: PeopleDraft) -> Question:
    """Everyone, one button per person to manage them (not the coordinator themselves)."""
    org = _org_id(ctx)
    people = await ctx.uow.people.in_organisation(org)
    names = {p.id: p.display_name for p in people}
    lines = [person_line(p, org, names) for p in people]
    return Question(
        _("People in your organisation:\n{lines}", lines=lines),
        [
            [Choice(verbatim(f"{short_id(p.id)} {p.display_name}"), "pick", str(p.id))]
            for p in people[:MAX_BUTTONS]
            if p.id != ctx.person.id
        ],
    )


async def _target(ctx: Context, person_id: object) -> PersonRecord | None:
    """The person, when they are of the coordinator's own organisation."""
    if not str(person_id).isdigit():
        return None
    try:
        return await service.member(ctx.uow, _org_id(ctx), int(str(person_id)))
    except Refused:
        return None


async def _pick(ctx: Context, draft: PeopleDraft, arg: str) -> Next:
    target = await _target(ctx, arg)
    if target is None or target.id == ctx.person.id:
        ctx.use_buttons()
        return STAY
    draft.person = target.id
    return Go("action")


async def _ask_action(ctx: Context, draft: PeopleDraft) -> Question:
    target = await ctx.uow.people.get(draft.person)
    choices = []
    if target.membership(KEY_PERSON):
        choices += [
            [Choice(_("Assign confidant"), "confidant")],
            [Choice(_("Assign backup confidant"), "backup")],
        ]
    choices.append([Choice(_("Area"), "area")])
    if target.active:
        choices.append([Choice(_("Pause this person"), "pause")])
    else:
        choices.append([Choice(_("Make active again"), "resume")])
    return Question(_("What do you want to do for {name}?", name=target.display_name), choices)


async def _choose(ctx: Context, draft: PeopleDraft, which: str) -> Next:
    """Assign confidant / backup: ask whom, when there is anyone to choose."""
    try:
        await service.key_person(ctx.uow, _org_id(ctx), draft.person)
    except Refused:
        ctx.use_buttons()
        return STAY
    if not await service.candidates(ctx.uow, _org_id(ctx), draft.person):
        ctx.reply(NO_CONFIDANT, ctx.menu())
        return Done()
    return Go(which)


async def _confidant(ctx: Context, draft: PeopleDraft, _arg: str) -> Next:
    return await _choose(ctx, draft, "confidant")


async def _backup(ctx: Context, draft: PeopleDraft, _arg: str) -> Next:
    return await _choose(ctx, draft, "backup")


def _ask_whom(which: str):
    async def ask(ctx: Context, draft: PeopleDraft) -> Question:
        target = await ctx.uow.people.get(draft.person)
        candidates = await service.candidates(ctx.uow, _org_id(ctx), draft.person)
        return Question(
            _(
                "Choose the new {role} for {name}.",
                role=_("backup confidant") if which == "backup" else role_label(CONFIDANT),
                name=target.display_name,
            ),
            [[Choice(verbatim(p.display_name), f"set_{which}", str(p.id))] for p in candidates],
        )

    return ask


def _assign(which: str):
    async def run(ctx: Context, draft: PeopleDraft, arg: str) -> Next:
        if not arg.isdigit():
            ctx.use_buttons()
            return STAY
        try:
            done = await service.assign(
                ctx.uow,
                organisation_id=_org_id(ctx),
                key_person_id=draft.person,
                actor_id=ctx.person.id,
                now=ctx.now,
                **{f"{which}_id": int(arg)},
            )
        except Refused:
            ctx.use_buttons()
            return STAY
        chosen = done.confidant if which == "confidant" else done.backup
        ctx.reply(
            _(
                "{confidant} now supports {name}.",
                confidant=chosen.display_name,
                name=done.key_person.display_name,
            ),
            ctx.menu(),
        )
        return Done()

    return run


async def _pause(ctx: Context, draft: PeopleDraft, _arg: str) -> Next:
    return await _set_active(ctx, draft, active=False)


async def _resume(ctx: Context, draft: PeopleDraft, _arg: str) -> Next:
    return await _set_active(ctx, draft, active=True)


async def _set_active(ctx: Context, draft: PeopleDraft, *, active: bool) -> Next:
    try:
        target = await service.set_active(
            ctx.uow,
            organisation_id=_org_id(ctx),
            person_id=draft.person,
            active=active,
            actor_id=ctx.person.id,
            now=ctx.now,
        )
    except Refused:
        ctx.use_buttons()
        return STAY
    done = (
        _("{name} is active again.", name=target.display_name)
        if active
        else _("{name} is paused.", name=target.display_name)
    )
    ctx.reply(done, ctx.menu())
    return Done()


async def _area(ctx: Context, draft: PeopleDraft, _arg: str) -> Next:
    """Area: offer the organisation's areas so far (not the person's own)."""
    target = await _target(ctx, draft.person)
    if target is None:
        ctx.use_buttons()
        return STAY
    areas = await ctx.uow.people.areas(_org_id(ctx))
    draft.areas = [a for a in areas if a != target.area][:MAX_AREAS]
    return Go("area")


async def _ask_area(ctx: Context, draft: PeopleDraft) -> Question:
    target = await ctx.uow.people.get(draft.person)
    if target.area:
        said = _(
            "The area of {name} is {area}. Choose another area or send a new one "
            "(at most {max} characters).",
            name=target.display_name,
            area=target.area,
            max=service.MAX_AREA,
        )
    else:
        said = _(
            "{name} has no area yet. Choose an area or send a new one (at most {max} characters).",
            name=target.display_name,
            max=service.MAX_AREA,
        )
    choices = [[Choice(verbatim(a), "set_area", str(i))] for i, a in enumerate(draft.areas)]
    if target.area:
        choices.append([Choice(_("No area"), "no_area")])
    return Question(said, choices)


def _offered(_ctx: Context, draft: PeopleDraft) -> list[str]:
    return [str(i) for i in range(len(draft.areas))]


async def _pick_area(ctx: Context, draft: PeopleDraft, arg: str) -> Next:
    return await _set_area(ctx, draft, draft.areas[int(arg)])


async def _no_area(ctx: Context, draft: PeopleDraft, _arg: str) -> Next:
    return await _set_area(ctx, draft, None)


async def _typed_area(ctx: Context, draft: PeopleDraft, text: str) -> Next:
    try:
        area = service.clean_area(text)
    except Refused:
        area = None
    if area is None:
        ctx.reply(
            _(
                "An area is a short name such as a neighbourhood, of 1 to {max} characters. "
                "Please send a shorter one, or use the buttons.",
                max=service.MAX_AREA,
            )
        )
        return STAY
    return await _set_area(ctx, draft, area)


async def _set_area(ctx: Context, draft: PeopleDraft, area: str | None) -> Next:
    try:
        target = await service.set_area(
            ctx.uow, _org_id(ctx), draft.person, area, actor_id=ctx.person.id, now=ctx.now
        )
    except Refused:
        ctx.use_buttons()
        return STAY
    done = (
        _("The area of {name} is now {area}.", name=target.display_name, area=target.area)
        if target.area
        else _("{name} no longer has an area.", name=target.display_name)
    )
    ctx.reply(done, ctx.menu())
    return Done()


PEOPLE = Dialogue(
    "people",
    PeopleDraft,
    steps=(
        Step(
            "pick", ask=_ask_pick, buttons={"pick": Answer(_pick, to=("action",), label="a person")}
        ),
        Step(
            "action",
            ask=_ask_action,
            buttons={
                "confidant": Answer(
                    _confidant, to=("confidant", END), label="assign confidant, if anyone can be"
                ),
                "backup": Answer(
                    _backup, to=("backup", END), label="assign backup, if anyone can be"
                ),
                "area": Answer(_area, to=("area",), label="area"),
                "pause": Answer(_pause, to=(END,), label="pause"),
                "resume": Answer(_resume, to=(END,), label="make active again"),
            },
        ),
        Step(
            "confidant",
            ask=_ask_whom("confidant"),
            buttons={
                "set_confidant": Answer(_assign("confidant"), to=(END,), label="chosen (both told)")
            },
        ),
        Step(
            "backup",
            ask=_ask_whom("backup"),
            buttons={"set_backup": Answer(_assign("backup"), to=(END,), label="chosen (told)")},
        ),
        Step(
            "area",
            ask=_ask_area,
            buttons={
                "set_area": Answer(_pick_area, to=(END,), label="an area so far", args=_offered),
                "no_area": Answer(_no_area, to=(END,), label="no area"),
            },
            text=Answer(_typed_area, to=(END,), label="a new area (1 to 40 characters)"),
        ),
    ),
    version=2,  # areas offered are kept in the draft
    title="/people (the list)",
)
NAME = PEOPLE.name
