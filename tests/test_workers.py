"""Two `sleutel run --webhook` workers on one PostgreSQL database, with updates posted to
both at once: every update handled once, each person's in the order they were sent,
nothing lost. (SQLite is one worker by design: a second `sleutel run` is refused.)"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime

import aiohttp
import pytest
from chat import text_update
from conftest import TEST_KEY, listening_port, reset_postgres
from sqlalchemy import text

from storage.crypto import Cipher
from storage.database import Database

SLEUTEL = [sys.executable, "-m", "bot.cli"]
SECRET = "hook-secret"
PEOPLE = 12
PER_PERSON = 8
COMMANDS = ("help", "cases", "privacy")  # each answered with something different


async def _seed(url: str) -> None:
    await reset_postgres(url)
    db = Database(url, Cipher([TEST_KEY]))
    await db.upgrade()
    now = datetime.now(UTC)
    async with db.unit_of_work() as uow:
        org = await uow.people.add_organisation("Buurtwerk Noord", now=now)
        for n in range(PEOPLE):
            person = await uow.people.add_person(
                telegram_id=1000 + n, display_name=f"K{n}", locale="en", now=now
            )
            await uow.people.add_membership(person, org, "key_person")
    await db.dispose()


async def _post(session: aiohttp.ClientSession, port: int, update: dict) -> None:
    async with session.post(
        f"http://127.0.0.1:{port}/telegram",
        json=update,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    ) as response:
        assert response.status == 200, response.status


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL")
async def test_two_workers_on_one_database_handle_everything_once_and_in_order(fake_api, tmp_path):
    url = os.environ["TEST_DATABASE_URL"]
    await _seed(url)
    workers = []
    for index in range(2):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLEUTEL_"))}
        env.update(
            DATABASE_URL=url,
            SLEUTEL_DATA_DIR=str(tmp_path / f"worker{index}"),
            TELEGRAM_TOKEN=fake_api.token,
            TELEGRAM_API_BASE_URL=fake_api.base_url,
            SLEUTEL_SECRET_KEY=TEST_KEY,
            SLEUTEL_LISTEN="127.0.0.1:0",
            SLEUTEL_WEBHOOK_URL="https://bot.example.org/telegram",
            SLEUTEL_WEBHOOK_SECRET=SECRET,
        )
        workers.append(
            await asyncio.create_subprocess_exec(
                *SLEUTEL,
                "run",
                "--webhook",
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
        )
    sent: dict[int, list[str]] = {1000 + n: [] for n in range(PEOPLE)}
    try:
        ports = [await listening_port(worker) for worker in workers]
        updates = []
        for round_ in range(PER_PERSON):
            for user_id in sent:
                command = COMMANDS[(round_ + user_id) % len(COMMANDS)]
                sent[user_id].append(command)
                updates.append(text_update(len(updates) + 1, f"/{command}", user_id))
        async with aiohttp.ClientSession() as session:
            # Each update goes to one worker, alternately; they arrive side by side.
            await asyncio.gather(*(_post(session, ports[i % 2], u) for i, u in enumerate(updates)))
        expected = sum(len(replies_for(c)) for cs in sent.values() for c in cs)
        await fake_api.wait_for_calls("sendMessage", expected, timeout=90)
        await asyncio.sleep(1.0)  # anything sent twice would show up now
    finally:
        for worker in workers:
            if worker.returncode is None:
                worker.send_signal(signal.SIGTERM)
        errors = [(await asyncio.wait_for(w.communicate(), timeout=30))[1] for w in workers]
    for worker, err in zip(workers, errors, strict=True):
        assert worker.returncode == 0, err.decode()[-2000:]
        assert b"Traceback" not in err

    for user_id, commands in sent.items():
        got = [kind_of(m.text) for m in fake_api.messages_to(user_id)]
        want = [kind for command in commands for kind in replies_for(command)]
        assert got == want, (user_id, got, want)  # each once, and in the order sent

    db = Database(url, Cipher([TEST_KEY]))
    async with db.engine.connect() as conn:
        statuses = dict(
            (await conn.execute(text("SELECT status, count(*) FROM inbox_update GROUP BY 1"))).all()
        )
    await db.dispose()
    assert statuses == {"done": PEOPLE * PER_PERSON}


def replies_for(command: str) -> list[str]:
    return {"help": ["help"], "cases": ["cases"], "privacy": ["privacy", "limits"]}[command]


def kind_of(message: str) -> str:
    for marker, kind in (
        ("Hello K", "help"),
        ("What Sleutel keeps", "privacy"),
        ("What Sleutel cannot protect", "limits"),
    ):
        if message.startswith(marker):
            return kind
    return "cases"
