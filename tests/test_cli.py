"""The `sleutel` command as an operator uses it: a fresh install, then a real bot run."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from chat import Chat
from conftest import TEST_KEY, listening_port
from sqlalchemy import select

from storage.backup import pg_command
from storage.crypto import Cipher
from storage.database import Database
from storage.models import OutboxMessage

SLEUTEL = [sys.executable, "-m", "bot.cli"]


def sleutel(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*SLEUTEL, *args], env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def cli_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLEUTEL_"))}
    env.update(SLEUTEL_DATA_DIR=str(tmp_path / "data"), DATABASE_URL=database_url)
    return env


@pytest.fixture
async def fresh_database(database_url: str):
    if database_url.startswith("postgresql"):
        from conftest import reset_postgres

        await reset_postgres(database_url)


def test_help_lists_the_commands(cli_env):
    result = sleutel("--help", env=cli_env)
    assert result.returncode == 0
    for command in ("run", "db", "org", "invite", "people", "assign", "pause", "resume"):
        assert command in result.stdout


def test_redact_reads_stdin_and_prints_what_is_kept(cli_env):
    text = "Mijn buurvrouw Fatima belt vanaf 06-12345678.\n"
    plain = subprocess.run(
        [*SLEUTEL, "redact"], input=text, env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert plain.returncode == 0
    assert "Fatima" not in plain.stdout and "12345678" not in plain.stdout
    assert "removed: name, phone" in plain.stdout or "removed: phone, name" in plain.stdout
    lines = subprocess.run(
        [*SLEUTEL, "redact", "--jsonl"],
        input=text + "Ik gaf 2 kilo rijst\n",
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    first, second = (json.loads(line) for line in lines.stdout.splitlines())
    assert set(first["removed"]) == {"name", "phone"}
    assert second == {"text": "Ik gaf 2 kilo rijst", "removed": []}


def test_a_malformed_setting_is_one_clear_line(cli_env):
    result = sleutel("db", "upgrade", env={**cli_env, "SLEUTEL_TIMEZONE": "Mars/Olympus"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "SLEUTEL_TIMEZONE" in result.stderr and "Traceback" not in result.stderr


async def test_run_with_a_refused_token_or_no_api_says_so_in_one_line(fake_api, cli_env):
    refused = await asyncio.to_thread(
        sleutel, "run",
        env={**cli_env, "TELEGRAM_TOKEN": "999:WRONG", "TELEGRAM_API_BASE_URL": fake_api.base_url},
    )  # fmt: skip
    assert refused.returncode == 2 and "TELEGRAM_TOKEN was refused" in refused.stderr
    assert "Traceback" not in refused.stderr
    unreachable = await asyncio.to_thread(
        sleutel, "run",
        env={**cli_env, "TELEGRAM_TOKEN": "1:x", "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"},
    )  # fmt: skip
    assert unreachable.returncode == 1 and "cannot reach the Telegram Bot API" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr


def test_a_database_that_is_away_is_one_clear_line(cli_env):
    away = {**cli_env, "DATABASE_URL": "postgresql+asyncpg://sleutel:secret@127.0.0.1:9/x"}
    result = sleutel("org", "list", env=away)
    assert result.returncode == 1 and "database cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr and "secret" not in result.stderr


async def test_a_port_in_use_is_one_clear_line(fake_api, cli_env, fresh_database):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {
            **cli_env,
            "TELEGRAM_TOKEN": fake_api.token,
            "TELEGRAM_API_BASE_URL": fake_api.base_url,
            "SLEUTEL_SECRET_KEY": TEST_KEY,
            "SLEUTEL_LISTEN": f"127.0.0.1:{port}",
        }
        result = await asyncio.to_thread(sleutel, "run", env=env)
    assert result.returncode == 2
    assert f"SLEUTEL_LISTEN: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_without_a_token_says_so(cli_env):
    result = sleutel("run", env=cli_env)
    assert result.returncode == 2 and "TELEGRAM_TOKEN" in result.stderr


@pytest.mark.usefixtures("fresh_database")
def test_organisation_invite_and_people_from_the_terminal(cli_env, tmp_path):
    assert sleutel("db", "upgrade", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Buurtwerk Noord", env=cli_env).returncode == 0
    duplicate = sleutel("org", "add", "Buurtwerk Noord", env=cli_env)
    assert duplicate.returncode == 1 and "already exists" in duplicate.stderr

    invite = sleutel("invite", "--org", "Buurtwerk Noord", "--role", "confidant", env=cli_env)
    assert invite.returncode == 0, invite.stderr
    code = invite.stdout.split("code: ")[1].split()[0]
    assert f"?start={code}" in invite.stdout
    assert "note: TELEGRAM_TOKEN is not set" in invite.stdout  # why the link has a gap
    unreachable = {
        **cli_env,
        "TELEGRAM_TOKEN": "123:abc",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
    }
    offline = sleutel("invite", "--org", "Buurtwerk Noord", "--role", "confidant", env=unreachable)
    assert offline.returncode == 0 and "could not be reached" in offline.stdout
    # The key is generated once into the data dir, readable by the owner only.
    key = tmp_path / "data" / "secret.key"
    assert key.stat().st_mode & 0o777 == 0o600

    unknown = sleutel("invite", "--org", "Nope", "--role", "confidant", env=cli_env)
    assert unknown.returncode == 1 and "no organisation" in unknown.stderr
    not_confidant = sleutel(
        "invite",
        "--org",
        "Buurtwerk Noord",
        "--role",
        "key_person",
        "--confidant",
        "P99",
        env=cli_env,
    )
    assert not_confidant.returncode == 1 and "not a confidant" in not_confidant.stderr
    people = sleutel("people", "--org", "Buurtwerk Noord", env=cli_env)
    assert people.returncode == 0 and people.stdout == ""
    changed = sleutel(
        "org",
        "set",
        "Buurtwerk Noord",
        "--ack-minutes",
        "60",
        "--case-retention-days",
        "90",
        env=cli_env,
    )
    assert changed.returncode == 0, changed.stderr
    listing = sleutel("org", "list", env=cli_env).stdout
    assert "escalate after 60 min (15 urgent)" in listing and "kept 90 days" in listing
    refused = sleutel("org", "set", "Buurtwerk Noord", "--ack-minutes", "0", env=cli_env)
    assert refused.returncode == 1 and "1 or more" in refused.stderr


async def test_sleutel_run_enrols_a_person_and_stops_cleanly(fake_api, cli_env, fresh_database):
    env = {
        **cli_env,
        "TELEGRAM_TOKEN": fake_api.token,
        "TELEGRAM_API_BASE_URL": fake_api.base_url,
        "SLEUTEL_SECRET_KEY": TEST_KEY,
        "SLEUTEL_LISTEN": "127.0.0.1:0",
    }

    async def cli(*args: str) -> str:
        process = await asyncio.create_subprocess_exec(
            *SLEUTEL, *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await process.communicate()
        assert process.returncode == 0, err.decode()
        return out.decode()

    await cli("db", "upgrade")
    await cli("org", "add", "Buurtwerk Noord")
    code = (
        (await cli("invite", "--org", "Buurtwerk Noord", "--role", "coordinator"))
        .split("code: ")[1]
        .split()[0]
    )
    bot = await asyncio.create_subprocess_exec(
        *SLEUTEL, "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        fake_api.push_text(31, f"/start {code}", language_code="en")
        await fake_api.wait_for_calls("sendMessage", 1, timeout=20)
        question = fake_api.last_message_to(31)
        assert "Which language" in question.text
        chat = Chat(None, fake_api, 31, "en")
        fake_api.push_callback(31, chat.find_button(question, "English"), message=question)
        await fake_api.wait_for_calls("sendMessage", 2, timeout=10)
        fake_api.push_callback(31, chat.find_button(chat.last, "I agree"), message=chat.last)
        await fake_api.wait_for_calls("sendMessage", 3, timeout=10)
        fake_api.push_text(31, "Ingrid", language_code="en")
        await fake_api.wait_for_calls("sendMessage", 5, timeout=10)
        assert "Welcome, Ingrid!" in fake_api.messages_to(31)[-2].text
        assert fake_api.commands  # the command menu was published
    finally:
        bot.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(bot.communicate(), timeout=20)
    assert bot.returncode == 0, err.decode()[-2000:]
    said = out.decode()
    assert "is running (long polling)" in said and "/healthz" in said and "sleutel invite" in said
    logs = err.decode()
    assert "Ingrid" not in logs and code not in logs and fake_api.token not in logs
    people = await cli("people", "--org", "Buurtwerk Noord")
    assert "Ingrid" in people and "coordinator" in people and "backup: -" in people


async def test_sleutel_run_webhook_answers_through_the_webhook(fake_api, cli_env, fresh_database):
    import aiohttp

    env = {
        **cli_env,
        "TELEGRAM_TOKEN": fake_api.token,
        "TELEGRAM_API_BASE_URL": fake_api.base_url,
        "SLEUTEL_SECRET_KEY": TEST_KEY,
        "SLEUTEL_LISTEN": "127.0.0.1:0",
        "SLEUTEL_WEBHOOK_URL": "https://bot.example.org/telegram",
        "SLEUTEL_WEBHOOK_SECRET": "hook-secret",
    }
    bot = await asyncio.create_subprocess_exec(
        *SLEUTEL,
        "run",
        "--webhook",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        port = await listening_port(bot)
        assert fake_api.calls_to("setWebhook")[0].params["secret_token"] == "hook-secret"
        update = {
            "update_id": 500,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": 77, "type": "private"},
                "from": {"id": 77, "is_bot": False, "first_name": "X", "language_code": "en"},
                "text": "hello",
            },
        }
        async with (  # it listens: it said so
            aiohttp.ClientSession() as session,
            session.post(
                f"http://127.0.0.1:{port}/telegram",
                json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": "hook-secret"},
            ) as response,
        ):
            assert response.status == 200
        await fake_api.wait_for_calls("sendMessage", 1, timeout=10)
        assert "closed service" in fake_api.last_message_to(77).text
    finally:
        if bot.returncode is None:
            bot.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(bot.communicate(), timeout=20)
    assert bot.returncode == 0, err.decode()[-2000:]


def test_backup_and_restore_round_trip(cli_env, tmp_path, database_url, fresh_database):
    copy = tmp_path / "sleutel-backup.db"
    assert sleutel("db", "upgrade", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Buurtwerk Noord", env=cli_env).returncode == 0
    made = sleutel("backup", str(copy), env=cli_env)
    assert made.returncode == 0, made.stderr
    if database_url.startswith("postgresql"):
        assert "pg_dump --format=custom" in made.stdout and "secret.key" in made.stdout
        return
    assert "encrypted" in made.stdout and "secret.key" in made.stdout  # where the key is
    assert copy.stat().st_mode & 0o777 == 0o600
    again = sleutel("backup", str(copy), env=cli_env)
    assert again.returncode == 1 and "exists already" in again.stderr  # never overwritten
    assert sleutel("org", "add", "Buurtwerk Zuid", env=cli_env).returncode == 0
    restored = sleutel("restore", str(copy), env=cli_env)
    assert restored.returncode == 0, restored.stderr
    listing = sleutel("org", "list", env=cli_env).stdout
    assert "Buurtwerk Noord" in listing and "Buurtwerk Zuid" not in listing
    not_ours = tmp_path / "other.txt"
    not_ours.write_text("hello")
    refused = sleutel("restore", str(not_ours), env=cli_env)
    assert refused.returncode == 1 and "not a Sleutel database" in refused.stderr


def test_the_pg_dump_line_holds_no_password():
    line = pg_command("postgresql+asyncpg://sleutel:geheim@db:5432/sleutel", "pg_dump", Path("x"))
    assert line == "pg_dump --format=custom --file x 'postgresql://sleutel@db:5432/sleutel'"


def test_db_upgrade_says_what_it_did(cli_env, fresh_database):
    first = sleutel("db", "upgrade", env=cli_env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("database migrated from revision none (empty) to ")
    second = sleutel("db", "upgrade", env=cli_env)
    assert second.stdout.startswith("database is up to date (revision ")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://sleutel@db/sleutel", "Sleutel runs on PostgreSQL or SQLite, not mysql"),
        ("nonsense", "not a database URL"),
    ],
)
def test_a_database_sleutel_does_not_run_on_is_one_line(cli_env, url, said):
    result = sleutel("org", "list", env={**cli_env, "DATABASE_URL": url})
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"sleutel: configuration error: DATABASE_URL: {said}")


def test_a_plain_sqlite_url_gets_the_async_driver(cli_env, tmp_path):
    url = f"sqlite:///{tmp_path / 'plain.db'}"
    plain = {**cli_env, "DATABASE_URL": url}
    assert sleutel("db", "upgrade", env=plain).returncode == 0
    assert sleutel("org", "add", "Noord", env=plain).returncode == 0
    assert (tmp_path / "plain.db").exists()


def test_catalogs_update_leaves_unchanged_catalogs_alone_and_needs_a_checkout(monkeypatch):
    from bot import catalogs

    before = {p: p.read_bytes() for p in catalogs.locales_dir().rglob("*.po*")}
    assert catalogs.update() == []  # nothing changed in the code's texts: no file touched
    assert {p: p.read_bytes() for p in before} == before
    monkeypatch.setattr(catalogs, "ROOT", Path("/nonexistent"))
    with pytest.raises(catalogs.NotACheckout):
        catalogs.update()


def test_a_command_never_quietly_starts_a_new_database(cli_env, tmp_path, fresh_database):
    elsewhere = {**cli_env, "SLEUTEL_DATA_DIR": str(tmp_path / "elsewhere")}
    if cli_env["DATABASE_URL"].startswith("sqlite"):
        elsewhere.pop("DATABASE_URL")
    listing = sleutel("org", "list", env=elsewhere)
    assert listing.returncode == 1 and "no Sleutel database at" in listing.stderr
    assert "sleutel db upgrade" in listing.stderr
    assert not (tmp_path / "elsewhere" / "secret.key").exists()  # and no new key


@pytest.mark.usefixtures("fresh_database")
def test_pending_invites_are_listed_and_revoked_and_an_organisation_renamed(cli_env):
    assert sleutel("db", "upgrade", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Buurtwerk Noord", env=cli_env).returncode == 0
    for role in ("coordinator", "confidant"):
        made = sleutel("invite", "--org", "Buurtwerk Noord", "--role", role, env=cli_env)
        assert made.returncode == 0, made.stderr
    listing = sleutel("invites", "--org", "Buurtwerk Noord", env=cli_env).stdout.splitlines()
    assert [line.split("\t")[1] for line in listing] == ["coordinator", "confidant"]
    first = listing[0].split("\t")[0]
    revoked = sleutel("invites", "--org", "Buurtwerk Noord", "--revoke", first, env=cli_env)
    assert revoked.returncode == 0 and "no longer works" in revoked.stdout
    again = sleutel("invites", "--org", "Buurtwerk Noord", "--revoke", first, env=cli_env)
    assert again.returncode == 1 and "not a pending invite" in again.stderr
    left = sleutel("invites", "--org", "Buurtwerk Noord", env=cli_env).stdout
    assert first not in left and "confidant" in left

    renamed = sleutel("org", "rename", "Buurtwerk Noord", "Buurtwerk Noord-Oost", env=cli_env)
    assert renamed.returncode == 0, renamed.stderr
    assert "Buurtwerk Noord-Oost" in sleutel("org", "list", env=cli_env).stdout
    assert sleutel("invites", "--org", "Buurtwerk Noord-Oost", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Elders", env=cli_env).returncode == 0
    taken = sleutel("org", "rename", "Elders", "Buurtwerk Noord-Oost", env=cli_env)
    assert taken.returncode == 1 and "exists already" in taken.stderr


async def test_intervision_overdue_lists_who_went_two_months_without(cli_env, fresh_database):
    assert sleutel("db", "upgrade", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Buurtwerk Noord", env=cli_env).returncode == 0
    db = Database(cli_env["DATABASE_URL"], Cipher([TEST_KEY]))
    try:
        async with db.unit_of_work() as uow:
            org = await uow.people.organisation_by_name("Buurtwerk Noord")
            now = datetime.now(UTC)
            for name, days in (("Amina", 70), ("Bilal", 20)):
                person = await uow.people.add_person(
                    telegram_id=days, display_name=name, locale="nl", now=now - timedelta(days=days)
                )
                await uow.people.add_membership(person, org.id, "key_person")
    finally:
        await db.dispose()
    listed = sleutel("intervision", "overdue", "--org", "Buurtwerk Noord", env=cli_env)
    assert listed.returncode == 0, listed.stderr
    assert "Amina\tlast intervision: never" in listed.stdout and "Bilal" not in listed.stdout


async def test_intervision_add_plans_a_session_the_bot_announces(cli_env, fresh_database):
    assert sleutel("db", "upgrade", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Buurtwerk Noord", env=cli_env).returncode == 0
    db = Database(cli_env["DATABASE_URL"], Cipher([TEST_KEY]))
    try:
        async with db.unit_of_work() as uow:
            org = await uow.people.organisation_by_name("Buurtwerk Noord")
            now = datetime.now(UTC)
            lead = await uow.people.add_person(
                telegram_id=1, display_name="Saskia", locale="nl", now=now
            )
            await uow.people.add_membership(lead, org.id, "confidant")
            kp = await uow.people.add_person(
                telegram_id=2, display_name="Amina", locale="nl", now=now
            )
            await uow.people.add_membership(kp, org.id, "key_person", confidant_id=lead)
        at = (now + timedelta(days=10)).strftime("%Y-%m-%d 19:30")
        planned = sleutel(
            "intervision", "add", "--org", "Buurtwerk Noord", "--facilitator", f"P{lead}",
            "--person", f"P{kp}", "--at", at, env=cli_env,
        )  # fmt: skip
        assert planned.returncode == 0, planned.stderr
        assert "1 invited" in planned.stdout
        wrong = sleutel(
            "intervision", "add", "--org", "Buurtwerk Noord", "--facilitator", f"P{kp}",
            "--person", f"P{kp}", "--at", at, env=cli_env,
        )  # fmt: skip
        assert wrong.returncode == 1 and "is not a confidant" in wrong.stderr
        async with db.unit_of_work() as uow:  # the invitation waits for the bot, encrypted
            queued = (await uow.session.scalars(select(OutboxMessage.person_id))).all()
        assert queued == [kp]
    finally:
        await db.dispose()
