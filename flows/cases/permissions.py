"""Every case action in one table: who may do it (`flows.privacy.access`), in which
states of the case, and which button an opened case offers for it.

`flows.cases.actions` checks a tapped button against this table; the opened case
(`flows.cases.service.open_case`) shows the buttons this table offers its reader, so
what a person is offered and what they may do can never differ.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flows.cases.buttons import case_button
from flows.cases.casefile import CLOSED, HANDLING, NOT_CLOSED, OPEN
from flows.core.context import Context
from flows.core.messages import Keyboard, Text, _, keyboard
from flows.privacy import access
from storage.records import CaseRecord

ANY = (*NOT_CLOSED, CLOSED)
Offer = Callable[[CaseRecord, bool], Text | None]  # (case, reader is its key person)


def _always(label: Text) -> Offer:
    return lambda _case, _key_person: label


def _ack(case: CaseRecord, _key_person: bool) -> Text | None:
    return _("Acknowledge") if case.status == OPEN else None


def _message(case: CaseRecord, key_person: bool) -> Text | None:
    if not key_person:
        return _("Message the key person")
    return _("Message my confidant") if access.counterpart_id(case) else None


@dataclass(frozen=True)
class Permission:
    allowed: access.Check
    statuses: tuple[str, ...] = ANY
    offer: Offer | None = None  # its button in an opened case; None: offered elsewhere


PERMISSIONS = {  # in the order an opened case shows the buttons
    "ack": Permission(access.may_help, NOT_CLOSED, _ack),
    "msg": Permission(access.may_talk, NOT_CLOSED, _message),
    "update": Permission(access.is_key_person, NOT_CLOSED, _always(_("Add an update"))),
    "assess": Permission(access.is_handler, HANDLING, _always(_("Record assessment"))),
    "decide": Permission(access.is_handler, HANDLING, _always(_("Decide next step"))),
    "log": Permission(access.may_help, ANY, _always(_("Chronology"))),
    "reassign": Permission(
        access.may_reassign, NOT_CLOSED, _always(_("Pass on to another confidant"))
    ),
    "open": Permission(access.may_see),
    "news": Permission(access.may_see),
    "clean": Permission(access.is_key_person),
    "tidy": Permission(access.may_see, (CLOSED,)),
}


async def offered(ctx: Context, case: CaseRecord) -> Keyboard:
    """The buttons this reader may use on the case now."""
    key_person = await access.is_key_person(ctx, case)
    buttons = []
    for action, permission in PERMISSIONS.items():
        if permission.offer is None or case.status not in permission.statuses:
            continue
        label = permission.offer(case, key_person)
        if label is not None and await permission.allowed(ctx, case):
            buttons.append(case_button(label, action, case.reference))
    return keyboard(*buttons)
