"""Helpers for the case-handling tests: a concern logged and picked up in an `Office`,
the clock moved, texts rendered as a reader sees them."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flowkit import Office, Talker
from team import describe

from bot.i18n import Renderer, load_catalogs
from flows.core.messages import Text

RENDERER = Renderer(load_catalogs(), ZoneInfo("Europe/Amsterdam"))


def render(text: Text, locale: str = "en") -> str:
    return RENDERER.render(text, locale)


async def log(office: Office, *, note: str | None = None, initials: str = "F.K.") -> str:
    """A concern that is not urgent, confirmed; returns its reference."""
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    await describe(kp, initials=initials, note=note, signals=(("phys", "phys.bruises"),))
    for reply in await kp.choose("confirm"):
        if "ref" in reply.text.params:
            return reply.text.params["ref"]
    raise AssertionError(kp.msgids()[-3:])


async def picked_up(office: Office, **answers) -> str:
    """Logged, and acknowledged by the confidant."""
    reference = await log(office, **answers)
    await office.confidant.press(f"case:ack:{reference}")
    return reference


async def tick(office: Office, delta: timedelta) -> list[tuple[int, str]]:
    """Move the clock, run what is due; the (person, msgid) it queued."""
    before = len(await office.outbox())
    office.clock.advance(delta)
    await office.engine.run_due_timers()
    return [(person, msgid) for person, msgid, _b in (await office.outbox())[before:]]


def talker(office: Office, telegram_id: int, person_id: int) -> Talker:
    return Talker(office.engine, telegram_id, person_id)
