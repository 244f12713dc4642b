"""`sleutel`: run the bot and administer it from a terminal.

Operators' console: its output is in English; everything people see in the
chat is translated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from bot.settings import Settings, SettingsError, load_settings
from flows.clock import SystemClock
from flows.directory import KINDS, clean_name, clean_phone
from flows.invites import create_invite
from flows.roles import ROLES
from storage.database import Database, UnitOfWork

Handler = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sleutel", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot (long polling; --webhook for webhook mode)")
    run.add_argument("--webhook", action="store_true", help="serve the Telegram webhook")
    run.set_defaults(handler=cmd_run)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply the migrations").set_defaults(handler=cmd_db_upgrade)

    org = sub.add_parser("org", help="organisations")
    org_sub = org.add_subparsers(dest="org_command", required=True)
    org_add = org_sub.add_parser("add", help="add an organisation")
    org_add.add_argument("name")
    org_add.add_argument("--locale", default="nl", help="default language (default: nl)")
    org_add.set_defaults(handler=cmd_org_add)
    org_sub.add_parser("list", help="list organisations").set_defaults(handler=cmd_org_list)

    invite = sub.add_parser("invite", help="print a one-time invite code and link")
    invite.add_argument("--org", required=True, help="organisation name")
    invite.add_argument("--role", required=True, choices=ROLES)
    invite.add_argument("--confidant", help="confidant's id (P12 or 12), for a key person")
    invite.add_argument("--backup", help="backup confidant's id, for a key person")
    invite.add_argument("--days", type=int, default=7, help="valid for this many days")
    invite.set_defaults(handler=cmd_invite)

    people = sub.add_parser("people", help="list the people of an organisation")
    people.add_argument("--org", required=True)
    people.add_argument("--json", action="store_true", help="one JSON object per person")
    people.set_defaults(handler=cmd_people)

    assign = sub.add_parser("assign", help="set a key person's confidant and/or backup")
    assign.add_argument("person", help="key person's id (P12 or 12)")
    assign.add_argument("--org", required=True)
    assign.add_argument("--confidant")
    assign.add_argument("--backup")
    assign.set_defaults(handler=cmd_assign)

    directory = sub.add_parser("directory", help="the professionals an organisation works with")
    directory_sub = directory.add_subparsers(dest="directory_command", required=True)
    directory_add = directory_sub.add_parser("add", help="add a professional")
    directory_add.add_argument("--org", required=True)
    directory_add.add_argument("--kind", required=True, choices=list(KINDS))
    directory_add.add_argument("--name", required=True)
    directory_add.add_argument("--phone", required=True)
    directory_add.set_defaults(handler=cmd_directory_add)
    directory_list = directory_sub.add_parser("list", help="list an organisation's directory")
    directory_list.add_argument("--org", required=True)
    directory_list.set_defaults(handler=cmd_directory_list)

    audit = sub.add_parser("audit", help="who opened or changed a case, and when (no content)")
    audit.add_argument("--case", required=True, help="case reference, e.g. K7F3")
    audit.set_defaults(handler=cmd_audit)

    purge = sub.add_parser("purge", help="delete what is past its retention period")
    purge.add_argument("--dry-run", action="store_true", help="only count what would go")
    purge.set_defaults(handler=cmd_purge)

    keys = sub.add_parser("keys", help="encryption keys for free text at rest")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    keys_sub.add_parser("new", help="print a new key").set_defaults(
        handler=cmd_keys_new, needs_settings=False
    )
    keys_sub.add_parser("rotate", help="re-encrypt everything with the first key").set_defaults(
        handler=cmd_keys_rotate
    )

    redact = sub.add_parser("redact", help="show what Sleutel keeps of a text (stdin)")
    redact.add_argument("--jsonl", action="store_true", help="one text per line in, JSON out")
    redact.set_defaults(handler=cmd_redact, needs_settings=False)

    catalogs = sub.add_parser("catalogs", help="translation catalogs (locales/)")
    catalogs_sub = catalogs.add_subparsers(dest="catalogs_command", required=True)
    catalogs_sub.add_parser(
        "update", help="extract texts from the code and merge them"
    ).set_defaults(handler=cmd_catalogs_update)
    catalogs_sub.add_parser("check", help="list missing or broken translations").set_defaults(
        handler=cmd_catalogs_check
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings() if getattr(args, "needs_settings", True) else None
        return asyncio.run(args.handler(args, settings))
    except SettingsError as exc:
        print(f"sleutel: configuration error: {exc}", file=sys.stderr)
        return 2
    except CliError as exc:
        print(f"sleutel: {exc}", file=sys.stderr)
        return 1


class CliError(Exception):
    """A mistake in what the operator asked, explained in one line."""


async def _database(settings: Settings) -> Database:
    db = Database(settings.resolved_database_url(), settings.cipher())
    await db.upgrade()
    return db


def _person_id(value: str | None) -> int | None:
    if value is None:
        return None
    digits = value.upper().removeprefix("P")
    if not digits.isdigit():
        raise CliError(f"not a person id: {value!r} (expected P12 or 12)")
    return int(digits)


async def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.logs import configure_logging
    from bot.runtime import Runtime

    if args.webhook and not (settings.webhook_url and settings.webhook_secret):
        raise SettingsError(
            "SLEUTEL_WEBHOOK_URL and SLEUTEL_WEBHOOK_SECRET are needed for --webhook"
        )
    configure_logging()
    runtime = Runtime(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await runtime.open()
    try:
        await runtime.serve(stop, webhook=args.webhook)
    finally:
        await runtime.close()
    return 0


async def cmd_db_upgrade(_args: argparse.Namespace, settings: Settings) -> int:
    db = await _database(settings)
    await db.dispose()
    print("database is up to date")
    return 0


async def cmd_org_add(args: argparse.Namespace, settings: Settings) -> int:
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            if await uow.people.organisation_by_name(args.name):
                raise CliError(f"organisation {args.name!r} already exists")
            org_id = await uow.people.add_organisation(
                args.name, now=SystemClock().now(), locale=args.locale
            )
    finally:
        await db.dispose()
    print(f"organisation {args.name!r} added (id {org_id})")
    return 0


async def cmd_org_list(_args: argparse.Namespace, settings: Settings) -> int:
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            for org in await uow.people.organisations():
                print(f"{org.id}\t{org.name}\t{org.default_locale}")
    finally:
        await db.dispose()
    return 0


async def _organisation_id(uow: UnitOfWork, name: str) -> int:
    org = await uow.people.organisation_by_name(name)
    if org is None:
        raise CliError(f"no organisation named {name!r} (see `sleutel org list`)")
    return org.id


async def _check_confidant(uow: UnitOfWork, org_id: int, person_id: int | None, what: str) -> None:
    if person_id is None:
        return
    confidants = await uow.people.in_organisation(org_id, "confidant")
    if not any(p.id == person_id for p in confidants):
        raise CliError(f"P{person_id} is not a confidant of this organisation ({what})")


async def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    confidant, backup = _person_id(args.confidant), _person_id(args.backup)
    if args.role != "key_person" and (confidant or backup):
        raise CliError("--confidant and --backup are only for key persons")
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            org_id = await _organisation_id(uow, args.org)
            await _check_confidant(uow, org_id, confidant, "--confidant")
            await _check_confidant(uow, org_id, backup, "--backup")
            invite = await create_invite(
                uow,
                organisation_id=org_id,
                role=args.role,
                now=SystemClock().now(),
                days=args.days,
                confidant_id=confidant,
                backup_id=backup,
            )
    finally:
        await db.dispose()
    username = await _bot_username(settings)
    print(f"code: {invite.code}")
    print(f"link: {invite.link(username)}")
    print(f"valid until: {invite.expires_at.astimezone(settings.tz):%Y-%m-%d %H:%M %Z}, once")
    return 0


async def _bot_username(settings: Settings) -> str:
    """The bot's username for the link; without a token, a placeholder to fill in."""
    if settings.telegram_token is None:
        return "<your_bot>"
    from telegram import Bot
    from telegram.error import TelegramError

    try:
        async with Bot(settings.token(), base_url=settings.telegram_api_base_url) as bot:
            return bot.username
    except TelegramError:
        return "<your_bot>"


async def cmd_people(args: argparse.Namespace, settings: Settings) -> int:
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            org_id = await _organisation_id(uow, args.org)
            people = await uow.people.in_organisation(org_id)
    finally:
        await db.dispose()
    names = {p.id: p.display_name for p in people}
    for person in people:
        mine = [m for m in person.memberships if m.organisation_id == org_id]
        row = {
            "id": f"P{person.id}",
            "name": person.display_name,
            "roles": [m.role for m in mine],
            "confidant": next((f"P{m.confidant_id}" for m in mine if m.confidant_id), None),
            "backup": next((f"P{m.backup_id}" for m in mine if m.backup_id), None),
            "active": person.active,
            "reachable": person.reachable,
        }
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            confidant = names.get(_person_id(row["confidant"]) or 0, "-")
            print(
                f"{row['id']}\t{person.display_name}\t{','.join(row['roles'])}\t"
                f"confidant: {confidant}\t{'active' if person.active else 'paused'}\t"
                f"{'reachable' if person.reachable else 'UNREACHABLE'}"
            )
    return 0


async def cmd_assign(args: argparse.Namespace, settings: Settings) -> int:
    person = _person_id(args.person)
    confidant, backup = _person_id(args.confidant), _person_id(args.backup)
    if confidant is None and backup is None:
        raise CliError("give --confidant and/or --backup")
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            org_id = await _organisation_id(uow, args.org)
            record = await uow.people.get(person)
            if record is None or not any(
                m.role == "key_person" and m.organisation_id == org_id for m in record.memberships
            ):
                raise CliError(f"P{person} is not a key person of {args.org!r}")
            await _check_confidant(uow, org_id, confidant, "--confidant")
            await _check_confidant(uow, org_id, backup, "--backup")
            await uow.people.assign(person, org_id, confidant_id=confidant, backup_id=backup)
            await uow.audit.record(
                "person.assign",
                now=SystemClock().now(),
                subject=f"P{person}",
                organisation_id=org_id,
            )
    finally:
        await db.dispose()
    print(f"P{person} assigned")
    return 0


async def cmd_directory_add(args: argparse.Namespace, settings: Settings) -> int:
    name, phone = clean_name(args.name), clean_phone(args.phone)
    if name is None:
        raise CliError("--name must be 1 to 120 characters")
    if phone is None:
        raise CliError(f"not a phone number: {args.phone!r}")
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            org_id = await _organisation_id(uow, args.org)
            now = SystemClock().now()
            entry = await uow.directory.add(org_id, kind=args.kind, name=name, phone=phone, now=now)
            await uow.audit.record(
                "directory.add", now=now, subject=f"D{entry.id}", organisation_id=org_id
            )
    finally:
        await db.dispose()
    print(f"D{entry.id} added: {entry.kind}\t{entry.name}\t{entry.phone}")
    return 0


async def cmd_directory_list(args: argparse.Namespace, settings: Settings) -> int:
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            entries = await uow.directory.entries(await _organisation_id(uow, args.org))
    finally:
        await db.dispose()
    for entry in entries:
        print(f"D{entry.id}\t{entry.kind}\t{entry.name}\t{entry.phone}")
    return 0


async def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            case = await uow.cases.by_reference(args.case.strip().upper())
            if case is None:
                raise CliError(f"no case {args.case!r}")
            events = await uow.cases.events(case.id)
            people = {e.actor_id for e in events} | {e.target_id for e in events}
            names = {pid: (await uow.people.get(pid) or None) for pid in people if pid is not None}
    finally:
        await db.dispose()

    def who(person_id: int | None) -> str:
        if person_id is None:
            return "-"
        person = names.get(person_id)
        return f"P{person_id} {person.display_name}" if person else f"P{person_id} (erased)"

    for event in events:
        when = event.at.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M")
        target = f" -> {who(event.target_id)}" if event.target_id else ""
        print(
            f"{when}\t{who(event.actor_id) if event.actor_id else 'clock'}\t{event.action}{target}"
        )
    return 0


async def cmd_purge(args: argparse.Namespace, settings: Settings) -> int:
    from flows.retention import purge

    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            counts = await purge(uow, SystemClock().now())
            if args.dry_run:
                uow.discard()
    finally:
        await db.dispose()
    verb = "would go" if args.dry_run else "removed"
    for what, count in counts.items():
        print(f"{what}: {count} {verb}")
    return 0


async def cmd_keys_new(_args: argparse.Namespace, _settings: None) -> int:
    from storage.crypto import Cipher

    print(Cipher.generate_key())
    return 0


async def cmd_keys_rotate(_args: argparse.Namespace, settings: Settings) -> int:
    """Step 2 of 3: a new key first in the configuration, old keys after it, bot restarted."""
    from storage.keys import reencrypt_all

    cipher = settings.cipher()
    if cipher.key_count < 2:
        raise CliError(
            "only one key is configured. Put a new key (`sleutel keys new`) first in "
            "SLEUTEL_SECRET_KEY (or the first line of the key file), keep the old one after "
            "it, restart the bot, then run this again."
        )
    db = await _database(settings)
    try:
        count = await reencrypt_all(db)
    finally:
        await db.dispose()
    print(f"{count} values re-encrypted with the first key; the old key can now be removed")
    return 0


async def cmd_redact(args: argparse.Namespace, _settings: None) -> int:
    """For trainers and auditors: the cleaned text and the kinds removed, nothing stored."""
    from flows.redaction import RedactionError, redact

    def one(text: str) -> dict[str, object]:
        try:
            result = redact(text)
        except RedactionError:
            return {"text": None, "removed": [], "error": "redaction failed; nothing kept"}
        return {"text": result.text, "removed": list(result.removed)}

    if args.jsonl:
        for line in sys.stdin:
            print(json.dumps(one(line.rstrip("\n")), ensure_ascii=False))
        return 0
    result = one(sys.stdin.read().strip())
    print(result["text"] if result["text"] is not None else result["error"])
    print("removed: " + (", ".join(result["removed"]) or "nothing"))
    return 0 if result["text"] is not None else 1


async def cmd_catalogs_update(_args: argparse.Namespace, _settings: Settings) -> int:
    from bot.catalogs import update

    update()
    print("catalogs updated: translate the empty entries, then run `sleutel catalogs check`")
    return 0


async def cmd_catalogs_check(_args: argparse.Namespace, _settings: Settings) -> int:
    from bot.catalogs import check

    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
