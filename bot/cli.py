"""`sleutel`: run the bot and administer it from a terminal.

Operators' console: its output is in English; everything people see in the
chat is translated.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from bot import admin, admin_broadcast
from bot.settings import Settings, SettingsError, load_settings
from flows.cases.directory_service import KINDS
from flows.core.languages import ENDONYMS
from flows.core.roles import ROLES
from storage.database import UNAVAILABLE_ERRORS

Handler = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sleutel", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"sleutel {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot (long polling; --webhook for webhook mode)")
    run.add_argument("--webhook", action="store_true", help="serve the Telegram webhook")
    run.set_defaults(handler=cmd_run)

    demo = sub.add_parser(
        "demo",
        help="try Sleutel in a browser: made-up people, no token, no network",
        description="The real bot against a local Bot API emulator, every demo person's chat "
        "side by side in a web page on 127.0.0.1. Needs no token and no network.",
    )
    demo.add_argument(
        "--port", type=int, default=8765, help="port of the page (default 8765; 0: any free one)"
    )
    demo.add_argument("--scenario", metavar="NAME", help="play a scripted story step by step")
    demo.add_argument("--keep", action="store_true", help="keep the demo database when it stops")
    demo.set_defaults(handler=cmd_demo, needs_settings=False)

    backup = sub.add_parser("backup", help="a consistent copy of the database (SQLite)")
    backup.add_argument("file", help="where to write the copy")
    backup.set_defaults(handler=admin.cmd_backup)
    restore = sub.add_parser("restore", help="put a backup back (stop the bot first)")
    restore.add_argument("file", help="the backup to restore")
    restore.set_defaults(handler=admin.cmd_restore)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply the migrations").set_defaults(
        handler=admin.cmd_db_upgrade
    )

    org = sub.add_parser("org", help="organisations")
    org_sub = org.add_subparsers(dest="org_command", required=True)
    org_add = org_sub.add_parser("add", help="add an organisation")
    org_add.add_argument("name")
    org_add.add_argument(
        "--locale", default="nl", choices=sorted(ENDONYMS), help="default language (default: nl)"
    )
    org_add.set_defaults(handler=admin.cmd_org_add)
    org_sub.add_parser("list", help="list organisations").set_defaults(handler=admin.cmd_org_list)
    org_set = org_sub.add_parser("set", help="change an organisation's settings")
    org_set.add_argument("name")
    org_set.add_argument("--locale", dest="default_locale", help="default language")
    for option, meaning in admin.ORGANISATION_SETTINGS.items():
        org_set.add_argument(f"--{option.replace('_', '-')}", type=int, help=meaning)
    org_set.set_defaults(handler=admin.cmd_org_set)

    org_rename = org_sub.add_parser("rename", help="give an organisation another name")
    org_rename.add_argument("name")
    org_rename.add_argument("new_name")
    org_rename.set_defaults(handler=admin.cmd_org_rename)

    invites = sub.add_parser("invites", help="pending invites; --revoke to stop one")
    invites.add_argument("--org", required=True, help="organisation name")
    invites.add_argument("--revoke", metavar="ID", help="invite id to revoke (I12 or 12)")
    invites.set_defaults(handler=admin.cmd_invites)

    invite = sub.add_parser("invite", help="print a one-time invite code and link")
    invite.add_argument("--org", required=True, help="organisation name")
    invite.add_argument("--role", required=True, choices=ROLES)
    invite.add_argument("--confidant", help="confidant's id (P12 or 12), for a key person")
    invite.add_argument("--backup", help="backup confidant's id, for a key person")
    invite.add_argument("--days", type=int, default=7, help="valid for this many days")
    invite.set_defaults(handler=admin.cmd_invite)

    people = sub.add_parser(
        "people", help="list the people of an organisation; set-area to set someone's area"
    )
    people.add_argument("--org", help="organisation name (needed)")
    people.add_argument("--json", action="store_true", help="one JSON object per person")
    people.set_defaults(handler=admin.cmd_people)
    people_sub = people.add_subparsers(dest="people_command")
    set_area = people_sub.add_parser(
        "set-area", help="set someone's area (neighbourhood), or --clear it"
    )
    set_area.add_argument("person", help="the person's id (P12 or 12)")
    set_area.add_argument("area", nargs="?", help='the area, such as "De Pijp"')
    set_area.add_argument("--clear", action="store_true", help="no area any more")
    # SUPPRESS: `people --org X set-area ...` keeps the --org given before set-area.
    set_area.add_argument("--org", default=argparse.SUPPRESS, help="organisation name")
    set_area.set_defaults(handler=admin.cmd_people_set_area)

    intervision = sub.add_parser("intervision", help="intervision (peer supervision)")
    intervision_sub = intervision.add_subparsers(dest="intervision_command", required=True)
    overdue = intervision_sub.add_parser(
        "overdue", help="key persons without intervision for more than two months"
    )
    overdue.add_argument("--org", required=True)
    overdue.set_defaults(handler=admin.cmd_intervision_overdue)
    add = intervision_sub.add_parser("add", help="plan a session: invitations go out in the bot")
    add.add_argument("--org", required=True)
    add.add_argument("--facilitator", required=True, help="the confidant who leads it (P2)")
    whom = add.add_mutually_exclusive_group(required=True)
    whom.add_argument("--group", help="the group's name")
    whom.add_argument("--person", help="one key person (P7)")
    add.add_argument("--at", required=True, help='local time, "YYYY-MM-DD HH:MM"')
    add.add_argument("--place", help="a room or a link (goes into the calendar file)")
    add.set_defaults(handler=admin.cmd_intervision_add)

    assign = sub.add_parser("assign", help="set a key person's confidant and/or backup")
    assign.add_argument("person", help="key person's id (P12 or 12)")
    assign.add_argument("--org", required=True)
    assign.add_argument("--confidant")
    assign.add_argument("--backup")
    assign.set_defaults(handler=admin.cmd_assign)
    for command, meaning in (
        ("pause", "pause someone: they can use nothing until made active again"),
        ("resume", "make someone who was paused active again"),
    ):
        pause = sub.add_parser(command, help=meaning)
        pause.add_argument("person", help="the person's id (P12 or 12)")
        pause.add_argument("--org", required=True)
        pause.set_defaults(handler=admin.cmd_pause)

    directory = sub.add_parser("directory", help="the professionals an organisation works with")
    directory_sub = directory.add_subparsers(dest="directory_command", required=True)
    directory_add = directory_sub.add_parser("add", help="add a professional")
    directory_add.add_argument("--org", required=True)
    directory_add.add_argument("--kind", required=True, choices=list(KINDS))
    directory_add.add_argument("--name", required=True)
    directory_add.add_argument("--phone", required=True)
    directory_add.set_defaults(handler=admin.cmd_directory_add)
    directory_remove = directory_sub.add_parser("remove", help="remove a professional")
    directory_remove.add_argument("entry", help="the entry's id (D12 or 12)")
    directory_remove.add_argument("--org", required=True)
    directory_remove.set_defaults(handler=admin.cmd_directory_remove)
    directory_list = directory_sub.add_parser("list", help="list an organisation's directory")
    directory_list.add_argument("--org", required=True)
    directory_list.set_defaults(handler=admin.cmd_directory_list)

    audit = sub.add_parser("audit", help="who opened or changed a case, and when (no content)")
    audit.add_argument("--case", required=True, help="case reference, e.g. K7F3")
    audit.set_defaults(handler=admin.cmd_audit)

    purge = sub.add_parser("purge", help="delete what is past its retention period")
    purge.add_argument("--dry-run", action="store_true", help="only count what would go")
    purge.set_defaults(handler=admin.cmd_purge)

    keys = sub.add_parser("keys", help="encryption keys for free text at rest")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    keys_sub.add_parser("new", help="print a new key").set_defaults(
        handler=admin.cmd_keys_new, needs_settings=False
    )
    keys_sub.add_parser("rotate", help="re-encrypt everything with the first key").set_defaults(
        handler=admin.cmd_keys_rotate
    )

    redact = sub.add_parser("redact", help="show what Sleutel keeps of a text (stdin)")
    redact.add_argument("--jsonl", action="store_true", help="one text per line in, JSON out")
    redact.set_defaults(handler=admin.cmd_redact, needs_settings=False)

    admin_broadcast.add_parser(sub)

    catalogs = sub.add_parser("catalogs", help="translation catalogs (locales/)")
    catalogs_sub = catalogs.add_subparsers(dest="catalogs_command", required=True)
    catalogs_sub.add_parser(
        "update", help="extract texts from the code and merge them"
    ).set_defaults(handler=admin.cmd_catalogs_update)
    catalogs_sub.add_parser("check", help="list missing or broken translations").set_defaults(
        handler=admin.cmd_catalogs_check
    )
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sleutel")
    except PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings() if getattr(args, "needs_settings", True) else None
        return asyncio.run(args.handler(args, settings))
    except SettingsError as exc:
        print(f"sleutel: configuration error: {exc}", file=sys.stderr)
        return 2
    except admin.REFUSALS as exc:
        print(f"sleutel: {exc}", file=sys.stderr)
        return 1
    except UNAVAILABLE_ERRORS as exc:
        # The URL may hold a password: name only the kind of error.
        print(
            f"sleutel: the database cannot be reached ({type(exc).__name__}); "
            "check DATABASE_URL and that the database is running",
            file=sys.stderr,
        )
        return 1


async def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from telegram.error import InvalidToken, NetworkError

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
    try:
        await runtime.open()
    except InvalidToken:
        await runtime.db.dispose()
        raise SettingsError(
            "TELEGRAM_TOKEN was refused by Telegram: check it with @BotFather."
        ) from None
    except NetworkError as exc:
        await runtime.db.dispose()
        raise admin.CliError(
            f"cannot reach the Telegram Bot API at {settings.telegram_api_base_url} ({exc})"
        ) from None
    host, _ = settings.listen_host_port

    def ready(port: int) -> None:
        mode = "webhook" if args.webhook else "long polling"
        print(
            f"@{runtime.application.bot.username} is running ({mode}); health and metrics on "
            f"http://{host}:{port}/healthz and /metrics.\n"
            "Next: sleutel org add NAME, then sleutel invite --org NAME --role coordinator. "
            "Stop with Ctrl-C.",
            flush=True,
        )

    try:
        await runtime.serve(stop, webhook=args.webhook, ready=ready)
    finally:
        await runtime.close()
    return 0


async def cmd_demo(args: argparse.Namespace, _settings: None) -> int:
    from bot.demo.run import run_demo

    if not 0 <= args.port < 65536:
        raise admin.CliError(f"--port: not a port: {args.port}")
    return await run_demo(port=args.port, scenario=args.scenario, keep=args.keep)


if __name__ == "__main__":
    raise SystemExit(main())
