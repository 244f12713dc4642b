"""The operator's commands behind `sleutel`: organisations, people, invites, the
directory, audit, retention, keys, redaction and catalogs.

Output is in English: this is the operators' console, not the chat.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import Settings
from flows.cases.directory_service import add_entry, remove_entry
from flows.core.clock import SystemClock
from flows.core.context import Context, FlowConfig
from flows.core.languages import DEFAULT_LOCALE
from flows.core.roles import CONFIDANT, KEY_PERSON
from flows.intervision.attendance import is_overdue
from flows.intervision.sessions import plan_session
from flows.people import service
from flows.people.invitations import issue_invite, revoke_invite
from flows.people.service import Refused
from storage.backup import BackupError, pg_command, sqlite_path
from storage.backup import backup as storage_backup
from storage.backup import restore as storage_restore
from storage.crypto import Cipher
from storage.database import Database, UnitOfWork


class CliError(Exception):
    """A mistake in what the operator asked, explained in one line."""


#: What `sleutel` explains in one line and exits 1 for: the operator's mistake, or a
#: rule of the bot's (`flows.people.service.Refused`), worded for the terminal.
REFUSALS = (CliError, Refused)


@asynccontextmanager
async def _unit_of_work(settings: Settings) -> AsyncIterator[UnitOfWork]:
    """A migrated database and one transaction on it, for one command."""
    db = await _database(settings)
    try:
        async with db.unit_of_work() as uow:
            yield uow
    finally:
        await db.dispose()


async def _database(settings: Settings) -> Database:
    """The database, migrated. One that does not exist yet is not made here: a command
    run from the wrong folder would otherwise quietly start a new, empty database (and a
    new key) beside the real one. `sleutel db upgrade` and `sleutel run` make it."""
    url = settings.resolved_database_url()
    probe = Database(url, Cipher([Cipher.generate_key()]))  # no key file made for a look
    try:
        revision = await probe.revision()
    finally:
        await probe.dispose()
    if revision is None:
        where = sqlite_path(url) or "DATABASE_URL"
        raise CliError(
            f"no Sleutel database at {where} yet: create it with `sleutel db upgrade` "
            "(or `sleutel run`), or point SLEUTEL_DATA_DIR / DATABASE_URL at the one you use"
        )
    db = Database(url, settings.cipher())
    await db.upgrade()
    return db


def _person_id(value: str | None) -> int | None:
    if value is None:
        return None
    digits = value.upper().removeprefix("P")
    if not digits.isdigit():
        raise CliError(f"not a person id: {value!r} (expected P12 or 12)")
    return int(digits)


async def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    url = settings.resolved_database_url()
    target = Path(args.file)
    path = sqlite_path(url)
    if path is None:
        print("PostgreSQL: back up with pg_dump, for example:")
        print("  " + pg_command(url, "pg_dump", target))
        print(_KEY_REMINDER.format(key=_key_place(settings)))
        return 0
    try:
        storage_backup(path, target)
    except BackupError as exc:
        raise CliError(str(exc)) from None
    print(f"backup written to {target} (only you can read it)")
    print(_KEY_REMINDER.format(key=_key_place(settings)))
    return 0


async def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    url = settings.resolved_database_url()
    source = Path(args.file)
    path = sqlite_path(url)
    if path is None:
        print("PostgreSQL: stop the bot, then restore with pg_restore, for example:")
        print("  " + pg_command(url, "pg_restore", source))
        return 0
    db = Database(url, settings.cipher())
    running = not db.hold_single_writer()
    await db.dispose()
    if running:
        raise CliError("the bot is running on this database: stop it first, then restore")
    try:
        storage_restore(source, path)
    except BackupError as exc:
        raise CliError(str(exc)) from None
    print(f"restored {path} from {source}; start the bot again (migrations run on start)")
    return 0


_KEY_REMINDER = (
    "The notes in it are encrypted: without the key ({key}) they cannot be read. "
    "Keep a copy of the key, apart from the backup."
)


def _key_place(settings: Settings) -> str:
    if settings.secret_key is not None:
        return "SLEUTEL_SECRET_KEY"
    return str((settings.data_dir / "secret.key").resolve())


async def cmd_db_upgrade(_args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.resolved_database_url(), settings.cipher())
    try:
        before = await db.revision()
        await db.upgrade()
        after = await db.revision()
    finally:
        await db.dispose()
    if before == after:
        print(f"database is up to date (revision {after})")
    else:
        print(f"database migrated from revision {before or 'none (empty)'} to {after}")
    return 0


async def cmd_org_add(args: argparse.Namespace, settings: Settings) -> int:
    async with _unit_of_work(settings) as uow:
        if await uow.people.organisation_by_name(args.name):
            raise CliError(f"organisation {args.name!r} already exists")
        org_id = await uow.people.add_organisation(
            args.name, now=SystemClock().now(), locale=args.locale
        )
    print(f"organisation {args.name!r} added (id {org_id})")
    return 0


ORGANISATION_SETTINGS = {
    "ack_minutes": "minutes before an unanswered concern is escalated (default 240)",
    "urgent_ack_minutes": "the same for urgent concerns (default 15)",
    "case_retention_days": "days a closed case keeps its details (default 180)",
    "person_retention_days": "days after someone stops before their data goes (default 730)",
    "checkin_days": "days between a key person's wellbeing check-ins (default 14)",
    "visit_answer_minutes": "minutes to answer a visit's safety question before it goes up the "
    "chain (default 10)",
    "visit_ack_minutes": "minutes each step of a missed visit's alert waits (default 15)",
    "visit_note_days": "days a visit's note is kept after the visit (default 30)",
    "wellbeing_days": "days wellbeing answers are kept (default 365)",
    "intervision_first_reminder_days": "days before a session of the first reminder (default 7)",
    "intervision_last_reminder_days": "days before a session of the last reminder, with the "
    "preparation (default 1)",
}


async def cmd_org_list(_args: argparse.Namespace, settings: Settings) -> int:
    async with _unit_of_work(settings) as uow:
        for org in await uow.people.organisations():
            print(
                f"{org.id}\t{org.name}\tlanguage {org.default_locale}\t"
                f"escalate after {org.ack_minutes} min ({org.urgent_ack_minutes} urgent)\t"
                f"closed cases kept {org.case_retention_days} days\t"
                f"people kept {org.person_retention_days} days after they stop"
            )
    return 0


async def cmd_org_set(args: argparse.Namespace, settings: Settings) -> int:
    changes = {
        key: getattr(args, key)
        for key in ("default_locale", *ORGANISATION_SETTINGS)
        if getattr(args, key) is not None
    }
    if not changes:
        raise CliError("nothing to change: give at least one setting (see --help)")
    if any(isinstance(v, int) and v < 1 for v in changes.values()):
        raise CliError("every number must be 1 or more")
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.name)
        await uow.people.configure_organisation(org_id, **changes)
        await uow.audit.record(
            "organisation.configured", now=SystemClock().now(), organisation_id=org_id
        )
    print(
        f"organisation {args.name!r} updated: " + ", ".join(f"{k}={v}" for k, v in changes.items())
    )
    return 0


async def cmd_org_rename(args: argparse.Namespace, settings: Settings) -> int:
    new_name = args.new_name.strip()
    if not 1 <= len(new_name) <= 120:
        raise CliError("the new name must be 1 to 120 characters")
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.name)
        if await uow.people.organisation_by_name(new_name):
            raise CliError(f"an organisation named {new_name!r} exists already")
        await uow.people.configure_organisation(org_id, name=new_name)
        await uow.audit.record(
            "organisation.renamed", now=SystemClock().now(), organisation_id=org_id
        )
    print(f"organisation {args.name!r} is now {new_name!r}")
    return 0


async def cmd_invites(args: argparse.Namespace, settings: Settings) -> int:
    """Pending invites of an organisation; `--revoke I12` makes one unusable."""
    now = SystemClock().now()
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        if args.revoke:
            invite_id = _invite_id(args.revoke)
            await revoke_invite(
                uow, organisation_id=org_id, invite_id=invite_id, actor_id=None, now=now
            )
            print(f"I{invite_id} revoked: its code no longer works")
            return 0
        invites = await uow.people.pending_invites(org_id, now=now)
        names = {p.id: p.display_name for p in await uow.people.in_organisation(org_id)}
    for invite in invites:
        confidant = (
            f"\tconfidant: {names.get(invite.confidant_id, '-')}" if invite.confidant_id else ""
        )
        made_by = (
            names.get(invite.created_by_id, "the terminal")
            if invite.created_by_id
            else "the terminal"
        )
        print(
            f"I{invite.id}\t{invite.role}{confidant}\t"
            f"valid until {invite.expires_at.astimezone(settings.tz):%Y-%m-%d %H:%M}\t"
            f"made by {made_by}"
        )
    return 0


def _invite_id(value: str) -> int:
    digits = value.upper().removeprefix("I")
    if not digits.isdigit():
        raise CliError(f"not an invite id: {value!r} (expected I12 or 12)")
    return int(digits)


async def _organisation_id(uow: UnitOfWork, name: str) -> int:
    org = await uow.people.organisation_by_name(name)
    if org is None:
        raise CliError(f"no organisation named {name!r} (see `sleutel org list`)")
    return org.id


async def cmd_invite(args: argparse.Namespace, settings: Settings) -> int:
    confidant, backup = _person_id(args.confidant), _person_id(args.backup)
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        invite = await issue_invite(
            uow,
            organisation_id=org_id,
            role=args.role,
            now=SystemClock().now(),
            days=args.days,
            confidant_id=confidant,
            backup_id=backup,
        )
    username, why = await _bot_username(settings)
    print(f"code: {invite.code}")
    print(f"link: {invite.link(username or '<your_bot>')}")
    print(f"valid until: {invite.expires_at.astimezone(settings.tz):%Y-%m-%d %H:%M %Z}, once")
    if why:
        print(f"note: {why}; put your bot's username in the link, or send the code itself")
    return 0


async def _bot_username(settings: Settings) -> tuple[str | None, str | None]:
    """The bot's username for the link, or why it is not known."""
    if settings.telegram_token is None:
        return None, "TELEGRAM_TOKEN is not set, so the bot's username is not known"
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    try:
        async with Bot(settings.token(), base_url=settings.telegram_api_base_url) as bot:
            return bot.username, None
    except InvalidToken:
        return None, "Telegram refused TELEGRAM_TOKEN"
    except TelegramError:
        return None, "Telegram could not be reached to ask the bot's username"


async def cmd_people(args: argparse.Namespace, settings: Settings) -> int:
    if not args.org:
        raise CliError("give --org (the organisation's name)")
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        people = await uow.people.in_organisation(org_id)
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
            "area": person.area,
        }
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            confidant = names.get(_person_id(row["confidant"]) or 0, "-")
            backup = names.get(_person_id(row["backup"]) or 0, "-")
            print(
                f"{row['id']}\t{person.display_name}\t{','.join(row['roles'])}\t"
                f"confidant: {confidant}\tbackup: {backup}\t"
                f"{'active' if person.active else 'paused'}\t"
                f"{'reachable' if person.reachable else 'UNREACHABLE'}\t"
                f"area: {person.area or '-'}"
            )
    return 0


async def cmd_people_set_area(args: argparse.Namespace, settings: Settings) -> int:
    """As `/people` does it: set someone's area (neighbourhood), or --clear it."""
    if not getattr(args, "org", None):
        raise CliError("give --org (the organisation's name)")
    if args.clear == (args.area is not None):
        raise CliError("give an area, or --clear")
    person = _person_id(args.person)
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        done = await service.set_area(
            uow,
            org_id,
            person,
            None if args.clear else args.area,
            actor_id=None,
            now=SystemClock().now(),
        )
    print(f"P{person} area: {done.area}" if done.area else f"P{person} has no area")
    return 0


async def cmd_assign(args: argparse.Namespace, settings: Settings) -> int:
    """As `/people` does it: the same checks, the same record, the same people told."""
    person = _person_id(args.person)
    confidant, backup = _person_id(args.confidant), _person_id(args.backup)
    if confidant is None and backup is None:
        raise CliError("give --confidant and/or --backup")
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        done = await service.assign(
            uow,
            organisation_id=org_id,
            key_person_id=person,
            confidant_id=confidant,
            backup_id=backup,
            actor_id=None,
            now=SystemClock().now(),
        )
    chosen = [
        f"{which} P{p.id} {p.display_name}"
        for which, p in (("confidant", done.confidant), ("backup", done.backup))
        if p is not None
    ]
    print(f"P{person} assigned: {', '.join(chosen)} (told when the bot runs)")
    return 0


async def cmd_pause(args: argparse.Namespace, settings: Settings) -> int:
    """As `/people` does it: pause someone, or (`resume`) make them active again."""
    person = _person_id(args.person)
    active = args.command == "resume"
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        await service.set_active(
            uow,
            organisation_id=org_id,
            person_id=person,
            active=active,
            actor_id=None,
            now=SystemClock().now(),
        )
    print(f"P{person} is {'active again' if active else 'paused'}")
    return 0


async def cmd_directory_add(args: argparse.Namespace, settings: Settings) -> int:
    async with _unit_of_work(settings) as uow:
        entry = await add_entry(
            uow,
            organisation_id=await _organisation_id(uow, args.org),
            kind=args.kind,
            name=args.name,
            phone=args.phone,
            actor_id=None,
            now=SystemClock().now(),
        )
    print(f"D{entry.id} added: {entry.kind}\t{entry.name}\t{entry.phone}")
    return 0


async def cmd_directory_remove(args: argparse.Namespace, settings: Settings) -> int:
    digits = args.entry.upper().removeprefix("D")
    if not digits.isdigit():
        raise CliError(f"not a directory entry: {args.entry!r} (expected D12 or 12)")
    async with _unit_of_work(settings) as uow:
        await remove_entry(
            uow,
            organisation_id=await _organisation_id(uow, args.org),
            entry_id=int(digits),
            actor_id=None,
            now=SystemClock().now(),
        )
    print(f"D{digits} removed")
    return 0


async def cmd_directory_list(args: argparse.Namespace, settings: Settings) -> int:
    async with _unit_of_work(settings) as uow:
        entries = await uow.directory.entries(await _organisation_id(uow, args.org))
    for entry in entries:
        print(f"D{entry.id}\t{entry.kind}\t{entry.name}\t{entry.phone}")
    return 0


async def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    async with _unit_of_work(settings) as uow:
        case = await uow.cases.by_reference(args.case.strip().upper())
        if case is None:
            raise CliError(f"no case {args.case!r}")
        events = await uow.cases.events(case.id)
        people = {e.actor_id for e in events} | {e.target_id for e in events}
        names = {pid: (await uow.people.get(pid) or None) for pid in people if pid is not None}

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
    """Every retention step; a backlog of cases in passes of a transaction each (a dry
    run makes one pass and says when more would follow)."""
    from flows.privacy.retention import backlog, purge

    total: Counter[str] = Counter()
    while True:
        async with _unit_of_work(settings) as uow:
            counts = await purge(uow, SystemClock().now())
            if args.dry_run:
                uow.discard()
        total.update(counts)
        if args.dry_run or not backlog(counts):
            break
    verb = "would go" if args.dry_run else "removed"
    more = " (and more in later passes)" if args.dry_run and backlog(counts) else ""
    for what, count in total.items():
        print(f"{what}: {count} {verb}{more if what == 'cases_anonymised' else ''}")
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
    from bot.catalogs import NotACheckout, update

    try:
        changed = update()
    except NotACheckout as exc:
        raise CliError(str(exc)) from None
    if not changed:
        print("catalogs are up to date")
        return 0
    for path in changed:
        print(f"updated {path}")
    print("translate the empty entries, then run `sleutel catalogs check`")
    return 0


async def cmd_catalogs_check(_args: argparse.Namespace, _settings: Settings) -> int:
    from bot.catalogs import check

    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


async def cmd_intervision_overdue(args: argparse.Namespace, settings: Settings) -> int:
    """Key persons without intervision for more than two months (the two-month rule)."""
    now = SystemClock().now()
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        rows = []
        for standing in await uow.intervision.standing(org_id):
            if is_overdue(standing, now):
                person = await uow.people.get(standing.person_id)
                rows.append((person, standing))
    for person, standing in rows:
        last = standing.last.date().isoformat() if standing.last else "never"
        print(f"P{person.id}\t{person.display_name}\tlast intervision: {last}")
    if not rows:
        print("nobody is overdue")
    return 0


async def cmd_intervision_add(args: argparse.Namespace, settings: Settings) -> int:
    """Plan a session from the terminal, on the same code as the bot: invitations in
    everyone's language, reminders, calendar files."""
    try:
        local = datetime.strptime(args.at, "%Y-%m-%d %H:%M").replace(tzinfo=settings.tz)
    except ValueError:
        raise CliError(f"not a time: {args.at!r} (expected YYYY-MM-DD HH:MM)") from None
    now = SystemClock().now()
    if local <= now:
        raise CliError("that time has already passed")
    async with _unit_of_work(settings) as uow:
        org_id = await _organisation_id(uow, args.org)
        lead = await uow.people.get(_person_id(args.facilitator))
        if lead is None or not any(
            m.organisation_id == org_id and m.role == CONFIDANT for m in lead.memberships
        ):
            raise CliError(f"{args.facilitator} is not a confidant of {args.org!r}")
        group_id = person_id = None
        if args.group:
            group = next(
                (g for g in await uow.intervision.groups_of(org_id) if g.name == args.group), None
            )
            if group is None:
                raise CliError(f"no intervision group named {args.group!r} in {args.org!r}")
            group_id = group.id
        else:
            person = await uow.people.get(_person_id(args.person))
            if person is None or not any(
                m.organisation_id == org_id and m.role == KEY_PERSON for m in person.memberships
            ):
                raise CliError(f"{args.person} is not a key person of {args.org!r}")
            person_id = person.id
        ctx = Context(
            uow=uow,
            now=now,
            event=None,
            config=FlowConfig(timezone=settings.timezone),
            person=lead,
            locale=DEFAULT_LOCALE,
            state=None,
        )
        session = await plan_session(
            ctx,
            organisation_id=org_id,
            group_id=group_id,
            person_id=person_id,
            starts_at=local.astimezone(UTC),
            place=args.place,
        )
    print(
        f"session {session.reference} planned for {local:%Y-%m-%d %H:%M %Z}; "
        f"{len(session.invited)} invited (the bot sends the invitations)"
    )
    return 0
