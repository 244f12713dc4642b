"""Shared parts of the speed benchmarks: the fake Bot API with reply times, a child
process watched for CPU and peak memory, seeding, and figures.

Not a test helper: benchmarks print figures, they never pass or fail on time.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from bot.emulator import FakeBotAPI  # noqa: E402
from storage.crypto import Cipher  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import (  # noqa: E402
    Broadcast,
    BroadcastRecipient,
    Case,
    CaseEvent,
    CheckinAnswer,
    CheckinPlan,
    GroupMember,
    IntervisionGroup,
    IntervisionSession,
    Membership,
    Organisation,
    Person,
    SessionInvite,
    Timer,
)

KEY = Cipher.generate_key()
FIRST_USER = 100_000


class TimedBotAPI(FakeBotAPI):
    """The fake Bot API (`bot.emulator`), noting when each chat got each message."""

    def __init__(self) -> None:
        super().__init__()
        self.pushed: dict[int, list[float]] = defaultdict(list)
        self.replied: dict[int, list[float]] = defaultdict(list)
        self.sends = 0
        self.send_seconds: list[int] = []  # the wall-clock second of every send

    def push(self, user_id: int, text_: str) -> None:
        self.pushed[user_id].append(time.perf_counter())
        self.push_text(user_id, text_, language_code="en")

    async def _send_message(self, params):
        result = await super()._send_message(params)
        self.replied[params["chat_id"]].append(time.perf_counter())
        self.sends += 1
        self.send_seconds.append(int(time.time()))
        # The fake keeps every call and message; a benchmark needs none of them.
        self.calls.clear()
        self._bot_messages.clear()
        return result

    def reset(self) -> None:
        self.pushed.clear()
        self.replied.clear()
        self.sends = 0
        self.send_seconds.clear()

    def latencies(self) -> list[float]:
        """Seconds from each push to its reply, matched in order per chat."""
        out = []
        for chat, pushed in self.pushed.items():
            replied = self.replied.get(chat, [])
            out += [r - p for p, r in zip(pushed, replied, strict=False)]
        return out

    def answered(self) -> int:
        return sum(min(len(p), len(self.replied.get(c, []))) for c, p in self.pushed.items())

    async def wait_answered(self, count: int, timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while self.answered() < count:
            if time.perf_counter() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True


@dataclass
class Child:
    """A bot in its own process: CPU time and peak resident memory from /proc."""

    process: asyncio.subprocess.Process
    name: str
    stderr: Path
    _cpu0: float = 0.0
    peaks: list[int] = field(default_factory=list)

    @property
    def ps(self) -> psutil.Process:
        return psutil.Process(self.process.pid)

    def cpu(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    def rss(self) -> int:
        return self.ps.memory_info().rss

    def peak_rss(self) -> int:
        """VmHWM: the highest resident set size of the process so far."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return self.rss()

    async def settled(self, timeout: float = 60) -> None:
        """Wait until the bot has loaded the redactor's lexicons (its log says so): until
        then it shares the CPU with that load, and a figure taken meanwhile measures the
        start rather than the bot."""
        deadline = time.perf_counter() + timeout
        while b"redaction lexicons loaded" not in self.stderr.read_bytes():
            if self.process.returncode is not None or time.perf_counter() > deadline:
                raise SystemExit(f"{self.name} did not settle:\n{self.stderr.read_text()[-3000:]}")
            await asyncio.sleep(0.05)

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), timeout=30)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


async def spawn(name: str, argv: list[str], env: dict[str, str], log_dir: Path) -> Child:
    stderr = log_dir / f"{name}.stderr"
    with stderr.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=sink, cwd=ROOT
        )
    return Child(process, name, stderr)


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLEUTEL_"))}
    env.pop("DATABASE_URL", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def reset_database(url: str) -> Database:
    """A migrated, empty database at `url` (PostgreSQL: the public schema is recreated)."""
    db = Database(url, Cipher([KEY]))
    if db.dialect == "postgresql":
        async with db.engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    await db.upgrade()
    return db


async def seed_key_persons(
    db: Database, count: int, first: int = FIRST_USER, *, locales: Sequence[str] = ("en",)
) -> int:
    """`count` enrolled key persons with Telegram ids first…, reading Sleutel in
    `locales` in turn; returns the organisation id."""
    now = datetime.now(UTC)
    async with db.engine.begin() as conn:
        org = (
            await conn.execute(
                insert(Organisation)
                .values(name=f"Bench {first}", default_locale="en", created_at=now)
                .returning(Organisation.id)
            )
        ).scalar_one()
        ids = (
            (
                await conn.execute(
                    insert(Person).returning(Person.id),
                    [
                        {
                            "telegram_id": first + n,
                            "display_name": f"K{n}",
                            "locale": locales[n % len(locales)],
                            "active": True,
                            "reachable": True,
                            "consented_at": now,
                            "created_at": now,
                        }
                        for n in range(count)
                    ],
                )
            )
            .scalars()
            .all()
        )
        await conn.execute(
            insert(Membership),
            [{"person_id": i, "organisation_id": org, "role": "key_person"} for i in ids],
        )
    return org


async def seed_coordinator(db: Database, organisation_id: int, telegram_id: int) -> int:
    """An enrolled coordinator of the organisation; returns the person id."""
    now = datetime.now(UTC)
    async with db.engine.begin() as conn:
        person = (
            await conn.execute(
                insert(Person)
                .values(
                    telegram_id=telegram_id,
                    display_name=f"C{telegram_id}",
                    locale="nl",
                    active=True,
                    reachable=True,
                    consented_at=now,
                    created_at=now,
                )
                .returning(Person.id)
            )
        ).scalar_one()
        await conn.execute(
            insert(Membership).values(
                person_id=person, organisation_id=organisation_id, role="coordinator"
            )
        )
    return person


def sleutel_env(api: FakeBotAPI, url: str, data_dir: Path, rate_limit: int) -> dict[str, str]:
    """The environment of a `sleutel run` child against `api` and the database at `url`."""
    return base_env() | {
        "TELEGRAM_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DATABASE_URL": url,
        "SLEUTEL_DATA_DIR": str(data_dir),
        "SLEUTEL_SECRET_KEY": KEY,
        "SLEUTEL_LISTEN": f"127.0.0.1:{free_port()}",
        "SLEUTEL_RATE_LIMIT": str(rate_limit),
    }


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def sqlite_url(directory: Path) -> str:
    return f"sqlite+aiosqlite:///{directory / 'sleutel.db'}"


def redact_url(url: str) -> str:
    """The URL without its password, for printing."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    return f"{scheme}://{credentials.split(':')[0]}@{host}"


# A loaded database ---------------------------------------------------------------

ORGS = 10
COORDINATORS_PER_ORG = 5
CONFIDANTS_PER_ORG = 95
BUSY_CASES = 200  # the first confidant's open cases, for `/cases`


@dataclass(frozen=True)
class Dataset:
    people: int
    cases: int
    events: int
    timers: int
    busy_confidant_telegram_id: int
    seconds: float
    extras: dict[str, int] = field(default_factory=dict)  # check-ins, intervision, broadcasts


async def seed_dataset(
    db: Database,
    *,
    people: int = 10_000,
    cases: int = 100_000,
    timers: int = 50_000,
    timers_due: datetime | None = None,
    all_open: bool = False,
    everything: bool = False,
    first: int = FIRST_USER,
) -> Dataset:
    """People in ORGS organisations (coordinators, confidants, key persons with a
    confidant and a backup), cases with their chronology (created, alerted, and for
    most acknowledged and closed), and escalation timers of open cases (due at
    `timers_due`, default a day from now), written with bulk Core inserts. With
    `all_open`, every case waits to be acknowledged. With `everything`, also what the
    other flow families keep: every key person's check-in plan, its round timer and a
    half year of answers; intervision groups of ten with four past sessions each;
    five invitations per organisation to all its key persons, with their answers.

    Key persons get Telegram ids from `first` on, so the throughput benchmark's
    typists are among them; the first confidant has BUSY_CASES open cases.
    """
    started = time.perf_counter()
    rng = random.Random(24)
    now = datetime.now(UTC)
    due = timers_due or now + timedelta(days=1)
    per_org = people // ORGS
    staff = COORDINATORS_PER_ORG + CONFIDANTS_PER_ORG
    async with db.engine.begin() as conn:
        orgs = (
            (
                await conn.execute(
                    insert(Organisation).returning(Organisation.id),
                    [
                        {"name": f"Buurtwerk {n}", "default_locale": "en", "created_at": now}
                        for n in range(ORGS)
                    ],
                )
            )
            .scalars()
            .all()
        )
        rows, roles = [], []
        key_number = staff_number = 0
        for org in orgs:
            for n in range(per_org):
                if n < staff:
                    telegram_id, staff_number = first + 1_000_000 + staff_number, staff_number + 1
                    role = "coordinator" if n < COORDINATORS_PER_ORG else "confidant"
                else:
                    telegram_id, key_number = first + key_number, key_number + 1
                    role = "key_person"
                rows.append(
                    {
                        "telegram_id": telegram_id,
                        "display_name": f"P{telegram_id}",
                        "locale": "en",
                        "active": True,
                        "reachable": True,
                        "consented_at": now,
                        "created_at": now,
                    }
                )
                roles.append((org, role))
        ids = []
        for chunk in _chunks(rows, 5_000):
            ids += (await conn.execute(insert(Person).returning(Person.id), chunk)).scalars().all()
        confidants: dict[int, list[int]] = defaultdict(list)
        keys: list[tuple[int, int, int, int]] = []  # (person, org, confidant, backup)
        for person, (org, role) in zip(ids, roles, strict=True):
            if role == "confidant":
                confidants[org].append(person)
        memberships = []
        for person, (org, role) in zip(ids, roles, strict=True):
            membership = {
                "person_id": person,
                "organisation_id": org,
                "role": role,
                "confidant_id": None,
                "backup_id": None,
            }
            if role == "key_person":
                confidant, backup = rng.sample(confidants[org][1:], 2)
                membership |= {"confidant_id": confidant, "backup_id": backup}
                keys.append((person, org, confidant, backup))
            memberships.append(membership)
        for chunk in _chunks(memberships, 5_000):
            await conn.execute(insert(Membership), chunk)
        busy = confidants[orgs[0]][0]
        busy_telegram = rows[ids.index(busy)]["telegram_id"]

        case_rows, open_refs = [], []
        for n in range(cases):
            person, org, confidant, _backup = keys[rng.randrange(len(keys))]
            if n < BUSY_CASES:
                person, org, confidant = next(k for k in keys if k[1] == orgs[0])[:3]
                confidant = busy
                status = "open" if n % 2 or all_open else "acknowledged"
            elif all_open:
                status = "open"
            else:
                status = rng.choices(
                    ["closed", "open", "acknowledged", "monitoring"], [70, 10, 12, 8]
                )[0]
            created = now - timedelta(minutes=rng.randrange(1, 60 * 24 * 365))
            case_rows.append(
                {
                    "reference": f"B{n:06d}",
                    "organisation_id": org,
                    "key_person_id": person,
                    "confidant_id": confidant,
                    "handler_id": None if status == "open" else confidant,
                    "initials": "F.K.",
                    "age_group": "adult",
                    "signals": ["bruises"],
                    "honour": False,
                    "urgent": rng.random() < 0.05,
                    "status": status,
                    "stage": 0,
                    "created_at": created,
                    "confirmed_at": created,
                    "acknowledged_at": None if status == "open" else created,
                    "closed_at": created + timedelta(days=3) if status == "closed" else None,
                }
            )
        case_ids = []
        for chunk in _chunks(case_rows, 5_000):
            case_ids += (await conn.execute(insert(Case).returning(Case.id), chunk)).scalars().all()
        events = []
        for case_id, case in zip(case_ids, case_rows, strict=True):
            at = case["created_at"]
            events.append(_event(case_id, at, "created", actor=case["key_person_id"]))
            events.append(_event(case_id, at, "alerted", target=case["confidant_id"]))
            if case["status"] == "open":
                open_refs.append(case["reference"])
                continue
            events.append(_event(case_id, at, "acknowledged", actor=case["confidant_id"]))
            if case["status"] == "closed":
                events.append(
                    _event(case_id, case["closed_at"], "closed", actor=case["confidant_id"])
                )
        for chunk in _chunks(events, 10_000):
            await conn.execute(insert(CaseEvent), chunk)
        timer_rows = [
            {
                "kind": "case.escalate",
                "subject": f"case:{open_refs[n % len(open_refs)]}",
                "payload": {"stage": 1},
                "due_at": due,
                "status": "pending",
                "attempts": 0,
                "created_at": now,
            }
            for n in range(min(timers, len(open_refs)))
        ]
        timer_rows += [  # follow-ups of cases being monitored, and purges, further off
            {
                "kind": "case.follow_up",
                "subject": f"case:B{n:06d}",
                "payload": {},
                "due_at": due + timedelta(days=7),
                "status": "pending",
                "attempts": 0,
                "created_at": now,
            }
            for n in range(timers - len(timer_rows))
        ]
        for chunk in _chunks(timer_rows, 10_000):
            await conn.execute(insert(Timer), chunk)
        extras = (
            await _seed_other_families(conn, db.cipher, keys, confidants, now, rng)
            if everything
            else {}
        )
    return Dataset(
        len(ids),
        len(case_ids),
        len(events),
        len(timer_rows),
        busy_telegram,
        time.perf_counter() - started,
        extras,
    )


async def _seed_other_families(conn, cipher: Cipher, keys, confidants, now, rng) -> dict[str, int]:
    """Check-ins, intervision and broadcasts of the people seeded (see `seed_dataset`)."""
    rows: dict[type, list[dict]] = defaultdict(list)
    for person, org, _confidant, _backup in keys:
        next_at = now + timedelta(hours=rng.randrange(1, 14 * 24))
        rows[CheckinPlan].append(
            {
                "person_id": person,
                "organisation_id": org,
                "weekday": None,
                "hour": 10,
                "paused": False,
                "unanswered": 0,
                "next_at": next_at,
            }
        )
        rows[Timer].append(
            {
                "kind": "checkin.round",
                "subject": f"person:{person}",
                "payload": {},
                "due_at": next_at,
                "status": "pending",
                "attempts": 0,
                "created_at": now,
            }
        )
        for weeks in range(2, 26, 4):
            asked = now - timedelta(weeks=weeks)
            rows[CheckinAnswer].append(
                {
                    "person_id": person,
                    "organisation_id": org,
                    "asked_at": asked,
                    "answered_at": asked + timedelta(hours=2),
                    "answer": rng.choice(["good", "good", "good", "better"]),
                    "detail": None,
                }
            )
    by_org: dict[int, list[int]] = defaultdict(list)
    for person, org, _confidant, _backup in keys:
        by_org[org].append(person)
    groups = sessions = 0
    for org, members in by_org.items():
        for start in range(0, len(members), 10):
            facilitator = confidants[org][1 + groups % (len(confidants[org]) - 1)]
            group_id = (
                await conn.execute(
                    insert(IntervisionGroup).returning(IntervisionGroup.id),
                    {
                        "organisation_id": org,
                        "name": f"Groep {groups}",
                        "facilitator_id": facilitator,
                        "created_at": now,
                    },
                )
            ).scalar_one()
            groups += 1
            group = members[start : start + 10]
            rows[GroupMember] += [{"group_id": group_id, "person_id": p} for p in group]
            for months in (2, 4, 6, 8):
                session_id = (
                    await conn.execute(
                        insert(IntervisionSession).returning(IntervisionSession.id),
                        {
                            "reference": f"S{sessions:06d}",
                            "organisation_id": org,
                            "group_id": group_id,
                            "facilitator_id": facilitator,
                            "starts_at": now - timedelta(days=30 * months),
                            "place": cipher.encrypt("Buurthuis, zaal 2"),
                            "status": "planned",
                            "sequence": 0,
                            "created_at": now - timedelta(days=30 * months + 14),
                        },
                    )
                ).scalar_one()
                sessions += 1
                rows[SessionInvite] += [
                    {
                        "session_id": session_id,
                        "person_id": p,
                        "answer": "coming",
                        "answered_at": now - timedelta(days=30 * months + 7),
                        "attended": True,
                    }
                    for p in group
                ]
        for n in range(5):
            broadcast_id = (
                await conn.execute(
                    insert(Broadcast).returning(Broadcast.id),
                    {
                        "organisation_id": org,
                        "author_id": None,
                        "kind": "invitation",
                        "title": cipher.encrypt(f"Themabijeenkomst {n}"),
                        "text": cipher.encrypt("Welkom bij de themabijeenkomst."),
                        "place": cipher.encrypt("Buurthuis"),
                        "starts_at": now - timedelta(days=40 * n),
                        "audience": "key",
                        "capacity": None,
                        "status": "sent",
                        "created_at": now - timedelta(days=40 * n + 14),
                    },
                )
            ).scalar_one()
            rows[BroadcastRecipient] += [
                {
                    "broadcast_id": broadcast_id,
                    "person_id": p,
                    "answer": rng.choice(["yes", "no", "maybe", None]),
                    "answered_at": now - timedelta(days=40 * n + 10),
                }
                for p in members
            ]
    for table, table_rows in rows.items():
        for chunk in _chunks(table_rows, 5_000):
            await conn.execute(insert(table), chunk)
    return {
        "check-in plans": len(rows[CheckinPlan]),
        "check-in answers": len(rows[CheckinAnswer]),
        "intervision groups": groups,
        "intervision sessions": sessions,
        "session invitations": len(rows[SessionInvite]),
        "broadcasts": 5 * len(by_org),
        "broadcast recipients": len(rows[BroadcastRecipient]),
    }


def _event(case_id: int, at: datetime, action: str, *, actor=None, target=None) -> dict:
    return {
        "case_id": case_id,
        "at": at,
        "actor_id": actor,
        "action": action,
        "target_id": target,
        "body": None,
    }


def _chunks(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
