"""`sleutel broadcast send|list`: a coordinator's broadcast from the terminal or a
script, on the same code as `/broadcast` (`flows.broadcasts.sending`): the same
audiences, the texts cleaned by the same redactor (what was taken out is printed),
one outbox message per recipient in their language, answers in the bot.

Output is in English, like the rest of the operators' console.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.admin import CliError, _organisation_id, _person_id, _unit_of_work
from bot.settings import Settings
from flows.broadcasts import audience, sending
from flows.broadcasts.broadcast import MAX_CAPACITY, MAX_PLACE, MAX_TITLE
from flows.cases.note import MAX_NOTE
from flows.core.clock import SystemClock
from flows.core.languages import ENDONYMS
from flows.core.roles import COORDINATOR
from flows.redaction import RedactionError, redact
from storage.database import UnitOfWork


def add_parser(sub: argparse._SubParsersAction) -> None:
    broadcast = sub.add_parser("broadcast", help="send or plan a broadcast; list the recent ones")
    broadcast_sub = broadcast.add_subparsers(dest="broadcast_command", required=True)
    send = broadcast_sub.add_parser("send", help="send an invitation or an announcement")
    send.add_argument("--org", required=True)
    send.add_argument("--from", dest="author", required=True, help="the coordinator (P1)")
    send.add_argument("--kind", choices=("announcement", "invitation"), default="announcement")
    send.add_argument("--title", required=True)
    send.add_argument("--text", required=True, help="in the coordinator's language")
    send.add_argument(
        "--version",
        action="append",
        default=[],
        metavar="LANG=TEXT",
        help="the text for readers of another language, e.g. ar=...; may be repeated",
    )
    send.add_argument("--at", help='invitations: when, local time "YYYY-MM-DD HH:MM"')
    send.add_argument("--place", help="invitations: an address, a room or a link")
    send.add_argument("--capacity", type=int, help="invitations: places (a waiting list after)")
    send.add_argument(
        "--audience",
        default="all",
        help="all, key, confidants, both, area:NAME[,NAME], lang:CODE or group:NAME",
    )
    send.add_argument("--send-at", help='send later, local time "YYYY-MM-DD HH:MM"')
    send.set_defaults(handler=cmd_broadcast_send)
    listing = broadcast_sub.add_parser("list", help="the recent broadcasts, answers, delivery")
    listing.add_argument("--org", required=True)
    listing.set_defaults(handler=cmd_broadcast_list)


def _local(value: str, settings: Settings, what: str) -> datetime:
    try:
        local = datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=settings.tz)
    except ValueError:
        raise CliError(f"{what}: not a time: {value!r} (expected YYYY-MM-DD HH:MM)") from None
    return local.astimezone(UTC)


def _cleaned(text: str, limit: int, what: str, *, one_line: bool = False) -> str:
    """Through the bot's redactor; what it took out is printed, nothing is kept if it
    cannot check the text."""
    text = " ".join(text.split()) if one_line else text.strip()
    if not 1 <= len(text) <= limit:
        raise CliError(f"{what}: 1 to {limit} characters, please")
    try:
        result = redact(text)
    except RedactionError:
        raise CliError(f"{what}: could not be checked for names and numbers; not sent") from None
    if result.removed:
        print(f"{what}: removed {', '.join(result.removed)}")
    return result.text


async def _audience(uow: UnitOfWork, org_id: int, value: str) -> str:
    kind, _sep, rest = value.partition(":")
    if kind in audience.ROLES and not rest:
        return kind
    if kind == audience.AREA and rest:
        return audience.by_areas([a.strip() for a in rest.split(",") if a.strip()])
    if kind == audience.LANGUAGE and rest in ENDONYMS:
        return value
    if kind == audience.GROUP and rest:
        groups = {g.name: g.id for g in await uow.intervision.groups_of(org_id)}
        if rest not in groups:
            raise CliError(f"no intervision group named {rest!r}")
        return f"{audience.GROUP}:{groups[rest]}"
    raise CliError(f"not an audience: {value!r}")


async def cmd_broadcast_send(args: argparse.Namespace, settings: Settings) -> int:
    now = SystemClock().now()
    invitation = args.kind == "invitation"
    if invitation != bool(args.at) or (not invitation and (args.place or args.capacity)):
        raise CliError("--at, --place and --capacity are for invitations; an invitation needs --at")
    starts_at = _local(args.at, settings, "--at") if args.at else None
    send_at = _local(args.send_at, settings, "--send-at") if args.send_at else None
    for moment, what in ((starts_at, "--at"), (send_at, "--send-at")):
        if moment is not None and moment <= now:
            raise CliError(f"{what}: that time has already passed")
    if args.capacity is not None and not 1 <= args.capacity <= MAX_CAPACITY:
        raise CliError(f"--capacity: 1 to {MAX_CAPACITY}")
    if args.place and len(args.place) > MAX_PLACE:
        raise CliError(f"--place: at most {MAX_PLACE} characters")
    versions = {}
    for version in args.version:
        code, sep, text = version.partition("=")
        if not sep or code not in ENDONYMS:
            raise CliError(f"--version: expected LANG=TEXT with LANG one of {', '.join(ENDONYMS)}")
        versions[code] = _cleaned(text, MAX_NOTE, f"--version {code}")
    title = _cleaned(args.title, MAX_TITLE, "--title", one_line=True)
    text = _cleaned(args.text, MAX_NOTE, "--text")
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        author = await uow.people.get(_person_id(args.author))
        if author is None or not any(
            m.organisation_id == org_id and m.role == COORDINATOR for m in author.memberships
        ):
            raise CliError(f"{args.author} is not a coordinator of {args.org!r}")
        chosen = await _audience(uow, org_id, args.audience)
        if not await audience.members(uow, org_id, chosen, author_id=author.id):
            raise CliError(f"nobody in {args.org!r} is in {args.audience!r}")
        broadcast = await sending.create(
            uow,
            organisation_id=org_id,
            author_id=author.id,
            kind=args.kind,
            title=title,
            text=text,
            versions=versions,
            place=" ".join(args.place.split()) if args.place else None,
            starts_at=starts_at,
            capacity=args.capacity,
            audience_=chosen,
            send_at=send_at,
            now=now,
        )
    reference = sending.topic(broadcast.id)
    if send_at is not None:
        print(f"broadcast {reference} planned for {args.send_at} (the bot sends it then)")
    else:
        queued = len(broadcast.answers)
        print(f"broadcast {reference} queued for {queued} people (the bot sends it)")
    return 0


async def cmd_broadcast_list(args: argparse.Namespace, settings: Settings) -> int:
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        for broadcast in await uow.broadcasts.recent(org_id, limit=20):
            delivery = await uow.outbox.delivery(sending.topic(broadcast.id))
            answers = list(broadcast.answers.values())
            counts = " ".join(
                f"{code}={answers.count(code)}" for code in ("yes", "maybe", "no", "wait")
            )
            shipped = " ".join(f"{status}={len(ids)}" for status, ids in sorted(delivery.items()))
            line = f"{sending.topic(broadcast.id)}\t{broadcast.kind}\t{broadcast.status}"
            line += f"\t{broadcast.title}\t{broadcast.audience}"
            if broadcast.kind == "invitation":
                line += f"\t{counts}"
            print(f"{line}\t{shipped or '-'}")
    return 0
