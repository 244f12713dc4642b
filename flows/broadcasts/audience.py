"""Who a broadcast goes to, written as one short string so a scheduled broadcast finds
its audience again when it goes out (and people who joined meanwhile get it too):

- `all`: everyone in the organisation; `key`, `confidants`, `both` (key persons and
  confidants): a role;
- `area:De Pijp|Noord`: the people of one or more areas (set in /people);
- `lang:ar`: the people who read Sleutel in one language;
- `group:3`: the members and the facilitator of an intervision group.

The author is never in their own audience; people who are paused are left out.
"""

from __future__ import annotations

from flows.core.messages import N_, Inline, LanguageName, Text, _, verbatim
from flows.core.ports import Storage
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from storage.records import PersonRecord

ROLES = {
    "all": (N_("Everyone"), (KEY_PERSON, CONFIDANT, COORDINATOR)),
    "key": (N_("Key persons"), (KEY_PERSON,)),
    "confidants": (N_("Confidants"), (CONFIDANT,)),
    "both": (N_("Key persons and confidants"), (KEY_PERSON, CONFIDANT)),
}
AREA, LANGUAGE, GROUP = "area", "lang", "group"
AREA_SEPARATOR = "|"


def by_areas(areas: list[str]) -> str:
    return f"{AREA}:{AREA_SEPARATOR.join(areas)}"


async def members(
    uow: Storage, organisation_id: int, audience: str, *, author_id: int | None
) -> list[PersonRecord]:
    """The active people of the organisation in the audience, the author left out."""
    kind, _sep, value = audience.partition(":")
    people = [
        p
        for p in await uow.people.in_organisation(organisation_id)
        if p.active and p.id != author_id
    ]
    if kind in ROLES:
        roles = ROLES[kind][1]
        return [
            p
            for p in people
            if any(m.organisation_id == organisation_id and m.role in roles for m in p.memberships)
        ]
    if kind == AREA:
        areas = {a.casefold() for a in value.split(AREA_SEPARATOR)}
        return [p for p in people if p.area and p.area.casefold() in areas]
    if kind == LANGUAGE:
        return [p for p in people if p.locale == value]
    if kind == GROUP and value.isdigit():
        group = await uow.intervision.group(int(value))
        if group is None or group.organisation_id != organisation_id:
            return []
        ids = {*group.members, group.facilitator_id}
        return [p for p in people if p.id in ids]
    return []


async def describe(uow: Storage, audience: str) -> Text:
    """The audience in words, for the coordinator's overview."""
    kind, _sep, value = audience.partition(":")
    if kind in ROLES:
        return _(ROLES[kind][0])
    if kind == AREA:
        areas = tuple(verbatim(a) for a in value.split(AREA_SEPARATOR))
        return _("Area: {areas}", areas=Inline(areas))
    if kind == LANGUAGE:
        return _("Language: {language}", language=LanguageName(value))
    group = await uow.intervision.group(int(value)) if value.isdigit() else None
    return _("Group: {name}", name=verbatim(group.name if group else "?"))
