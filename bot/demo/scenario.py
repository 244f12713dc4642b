"""Scripted stories for `sleutel demo --scenario NAME`.

A scenario is a JSON file in `bot/demo/scenarios/`: a title, a summary, the panes
to show, and steps. Each step may have a `caption` (shown on the page from that
step on) and does at most one thing:

    {"who": "amina", "say": "F.K."}          type a message (or a /command)
    {"who": "amina", "tap": "danger:no"}     tap a button by its action, never its
                                             label: "danger:no", "done", "m:concern",
                                             "case:ack" (see `button_matches`)
    {"who": "amina", "language": "en"}      switch language (/language and a tap)
    {"skip": 240}  or  {"skip": "next"}      move the clock (minutes, or to the next timer)
    {"wait": 2}                              pause (seconds)

After each step the player waits until the bot has answered everyone.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import timedelta
from importlib.resources import files
from typing import Any

from bot.demo.app import Demo, DemoError

ACTIONS = ("say", "tap", "language", "skip", "wait")


class ScenarioError(Exception):
    """A scenario that cannot be found or read; said in one line."""


@dataclass(frozen=True)
class Step:
    caption: str | None
    who: str | None
    action: str | None
    value: Any


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    summary: str
    panes: tuple[str, ...]
    steps: tuple[Step, ...]


def available() -> list[str]:
    folder = files("bot.demo") / "scenarios"
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def load(name: str) -> Scenario:
    names = available()
    if name not in names:
        raise ScenarioError(f"no scenario {name!r}; there are: {', '.join(names)}")
    source = (files("bot.demo") / "scenarios" / f"{name}.json").read_text(encoding="utf-8")
    try:
        data = json.loads(source)
        return Scenario(
            name=name,
            title=data["title"],
            summary=data.get("summary", ""),
            panes=tuple(data.get("panes", ())),
            steps=tuple(_step(raw, number) for number, raw in enumerate(data["steps"], 1)),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ScenarioError(f"scenario {name!r} cannot be read: {exc}") from None


def _step(raw: dict[str, Any], number: int) -> Step:
    actions = [key for key in ACTIONS if key in raw]
    unknown = set(raw) - {*ACTIONS, "who", "caption"}
    if len(actions) > 1 or unknown:
        raise ValueError(f"step {number}: one of {', '.join(ACTIONS)}, not {sorted(raw)}")
    action = actions[0] if actions else None
    if action in ("say", "tap", "language") and not raw.get("who"):
        raise ValueError(f"step {number}: {action} needs a 'who'")
    if action == "skip" and not (raw["skip"] == "next" or isinstance(raw["skip"], int)):
        raise ValueError(f'step {number}: skip is minutes or "next"')
    return Step(raw.get("caption"), raw.get("who"), action, raw.get(action) if action else None)


@dataclass
class Player:
    demo: Demo
    scenario: Scenario
    index: int = 0  # the next step
    caption: str | None = None
    running: bool = False
    playing: bool = False
    error: str | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def view(self) -> dict[str, Any]:
        return {
            "name": self.scenario.name,
            "title": self.scenario.title,
            "summary": self.scenario.summary,
            "panes": list(self.scenario.panes),
            "step": self.index,
            "steps": len(self.scenario.steps),
            "caption": self.caption,
            "running": self.running,
            "playing": self.playing,
            "done": self.index >= len(self.scenario.steps),
            "error": self.error,
        }

    def _publish(self) -> None:
        self.demo.events.publish({"type": "scenario", "scenario": self.view()})

    async def next(self) -> bool:
        """Play one step; False when there is none left (or one is being played)."""
        if self._lock.locked() or self.index >= len(self.scenario.steps):
            return False
        async with self._lock:
            step = self.scenario.steps[self.index]
            if step.caption:
                self.caption = step.caption
            self.running, self.error = True, None
            self._publish()
            try:
                await self._do(step)
                await self.demo.settle()
            except DemoError as exc:
                self.error = str(exc)
                self.playing = False
                return False
            finally:
                self.running = False
                if self.error is None:
                    self.index += 1
                self._publish()
        return True

    async def play(self, pause: float = 1.2) -> None:
        """Play the remaining steps, a pause between them, until the end or `stop`."""
        self.playing = True
        self._publish()
        try:
            while self.playing and await self.next():
                await asyncio.sleep(pause)
        finally:
            self.playing = False
            self._publish()

    def stop(self) -> None:
        self.playing = False
        self._publish()

    async def _do(self, step: Step) -> None:
        demo = self.demo
        if step.action is None:
            return
        if step.action == "wait":
            await asyncio.sleep(float(step.value))
            return
        if step.action == "skip":
            if step.value == "next":
                await demo.skip_to_next_timer()
            else:
                await demo.skip(timedelta(minutes=int(step.value)))
            return
        chat = demo.person(step.who).telegram_id
        if step.action == "say":
            demo.send(chat, str(step.value))
        elif step.action == "tap":
            await demo.tap(chat, str(step.value))
        elif step.action == "language":
            await demo.switch_language(chat, str(step.value))
