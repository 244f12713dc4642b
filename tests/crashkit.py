"""Tools of the crash harness (`test_crash.py`): the bot as a separate process that is
SIGKILLed and started again, and a key person who acts as a person does.

`BotProcess` runs `sleutel run` (`bot.cli.main(["run"])`) in a child process with its
own log file. By default the child is forked from a small server process that has
already imported Sleutel, so a restart costs what `sleutel run` does after its
imports (migrations, getMe, command menus, ...) and not ~4 s of CPU for importing
PTB, SQLAlchemy and aiohttp again; nothing else is shared (no event loop, no
connection exists before the fork). Likewise the redactor's name lexicon is loaded once
in the server, as in a bot that has been running for a while (loading it takes seconds
and blocks the event loop). `SLEUTEL_CRASH_EXEC=1` starts every life with a fresh
`python -m bot.cli run` instead.

Run as a script, this module is that fork server: one line on stdin (a log path)
starts one bot and answers its pid.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RECEIPT = re.compile(r"saved as ([A-Z0-9]{4})\b")
NAME_QUESTION = "Which name should others"
INITIALS_QUESTION = "Whom is it about?"
NOTE_QUESTION = "What did you notice?"
INITIALS_ONLY = "Please send only initials"
REPLY_METHODS = ("sendMessage", "editMessageText", "sendDocument")


# --------------------------------------------------------------------- the bot process


def serve() -> None:  # pragma: no cover - runs in the fork server process
    """The fork server: import once, then fork one `sleutel run` per line on stdin."""
    import alembic.command  # noqa: F401 (storage.database imports it to migrate)

    import bot.cli
    import bot.logs
    import bot.runtime
    from flows.redaction import redact

    # The redactor loads its name lexicon on first use (seconds of CPU, with the event
    # loop blocked); a bot that has run a while has it loaded, so the children do too.
    redact("warm up")
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the children
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            null = os.open(os.devnull, os.O_RDWR)
            log = os.open(line.strip(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.dup2(log, 2)
            code = 70
            try:
                code = bot.cli.main(["run"])
            finally:
                os._exit(code)
        print(pid, flush=True)


class BotProcess:
    """`sleutel run` in a separate process: start, SIGKILL, start again; one log per life."""

    def __init__(self, env: dict[str, str], log_dir: Path, *, fresh_exec: bool) -> None:
        self.env = {**env, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
        self.log_dir = log_dir
        self.fresh_exec = fresh_exec
        self.lives = 0
        self.pid: int | None = None
        self._server: asyncio.subprocess.Process | None = None
        self._process: asyncio.subprocess.Process | None = None

    def log_path(self, life: int) -> Path:
        return self.log_dir / f"bot-{life}.log"

    async def start(self) -> None:
        self.lives += 1
        path = self.log_path(self.lives)
        if self.fresh_exec:
            with path.open("ab") as log:
                self._process = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot.cli", "run",
                    env=self.env, cwd=ROOT, stdin=asyncio.subprocess.DEVNULL,
                    stdout=asyncio.subprocess.DEVNULL, stderr=log,
                )  # fmt: skip
            self.pid = self._process.pid
            return
        if self._server is None:
            self._server = await asyncio.create_subprocess_exec(
                sys.executable, str(Path(__file__)),
                env=self.env, cwd=ROOT, stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
        assert self._server.stdin and self._server.stdout
        self._server.stdin.write(f"{path}\n".encode())
        await self._server.stdin.drain()
        self.pid = int(await asyncio.wait_for(self._server.stdout.readline(), timeout=120))

    def alive(self) -> bool:
        if self.pid is None:
            return False
        if self._process is not None:
            return self._process.returncode is None
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    async def _gone(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        if self._process is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._process.wait(), timeout)
        while self.alive() and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return not self.alive()

    async def kill(self) -> float:
        """SIGKILL the bot; returns the moment of the kill (`time.time()`)."""
        assert self.pid is not None
        at = time.time()
        os.kill(self.pid, signal.SIGKILL)
        assert await self._gone(10), "the bot survived SIGKILL"
        self.pid, self._process = None, None
        return at

    async def stop(self, timeout: float = 30) -> bool:
        """SIGTERM and wait: True when the bot stopped by itself in time."""
        if self.pid is None:
            return True
        os.kill(self.pid, signal.SIGTERM)
        stopped = await self._gone(timeout)
        if not stopped:
            await self.kill()
        self.pid, self._process = None, None
        return stopped

    async def close(self) -> None:
        if self.alive():
            await self.kill()
        if self._server is not None:
            if self._server.returncode is None:
                self._server.kill()
            await self._server.wait()
            self._server = None


# --------------------------------------------------------------------- people


@dataclass
class Move:
    """One thing a person did: typed `text`, or tapped `data` on message `message_id`."""

    chat: int
    text: str | None
    data: str | None
    message_id: int | None
    update_id: int
    calls_before: int
    at: float = field(default_factory=time.time)
    answered: bool = False

    def describe(self) -> str:
        return (
            f"{self.chat} typed {self.text!r}" if self.text else f"{self.chat} tapped {self.data}"
        )


@dataclass
class Person:
    telegram_id: int
    name: str
    role: str
    code: str = ""  # a key person's invite code
    last: Move | None = None
    idle: int = 0  # moves answered in a row without getting anywhere
    mark: tuple | None = None  # where the person stood after the last answered move
    stuck: bool = False  # an open incident, counted once
    nudged: bool = False  # wrote because the chat showed no question


def parts(data: str) -> tuple[str, str]:
    """(action, arg) of a question's button "c:<version>:<action>:<arg>"."""
    pieces = data.split(":", 3)
    return (pieces[2], pieces[3]) if len(pieces) == 4 and pieces[0] == "c" else ("", "")


def answer_question(text: str, buttons: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """What a key person answers to an open question: (text, None) or (None, button data).

    Not urgent, initials F.K., an adult neighbour with children, one signal, a short
    note kept as cleaned, no honour; confirm. (None, None) for a question it does not know.
    """
    by_action: dict[str, list[tuple[str, str, str]]] = {}
    for label, data in buttons:
        action, arg = parts(data)
        by_action.setdefault(action, []).append((label, arg, data))

    def tap(action: str, arg: str | None = None) -> tuple[None, str] | None:
        for _label, candidate, data in by_action.get(action, []):
            if arg is None or candidate == arg:
                return None, data
        return None

    if text.startswith(INITIALS_QUESTION):
        return "F.K.", None
    if text.startswith(NOTE_QUESTION):
        return "Every night shouting, the children look tired.", None
    if "group" in by_action:  # the signal groups: one signal is enough
        chosen = any(
            re.search(r"\(\d+\)$", label) or label.startswith("✓") for label, _data in buttons
        )
        return tap("done") if chosen else tap("group", "neglect")
    if "tick" in by_action:  # inside a group
        ticked = any(label.startswith("✓") for label, _arg, _data in by_action["tick"])
        return tap("back") if ticked else tap("tick", by_action["tick"][0][1])
    for action, arg in (
        ("lang", "en"),
        ("agree", None),
        ("danger", "no"),
        ("age", "adult"),
        ("relation", "neighbour"),
        ("children", "yes"),
        ("keep", None),
        ("honour", "no"),
        ("confirm", None),
        ("back", None),
    ):
        if action in by_action:
            return tap(action, arg) or (None, None)
    return None, None


if __name__ == "__main__":  # pragma: no cover
    serve()
