"""The engine: events in, one transaction, replies out.

For each event it loads the person and their conversation, routes the event
(command, button, text or media) to a flow, saves the conversation, and marks
the inbox update handled — all in one unit of work, which a round of events
from different people shares (one commit; `handle_all`). The caller (`bot/`)
renders and sends the replies only after that commit. The clock's timers and
the outbox's "unreachable" verdicts come in through the same door.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from flows.core import dialogue
from flows.core.callbacks import read_choice, read_menu
from flows.core.clock import Clock
from flows.core.context import Context, FlowConfig
from flows.core.events import Event, Kind
from flows.core.languages import DEFAULT_LOCALE, match_language
from flows.core.messages import Reply, Text, _, to_json
from flows.core.ports import Storage, StorageGateway
from flows.core.registry import Registry
from flows.core.reports import Blocked, Lost, Report, Shown
from flows.core.roles import COORDINATOR
from storage.records import PersonRecord, TimerRecord

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Due timers run this many to a transaction (`run_due_timers`): one commit for them all,
# and on SQLite the write lock is not held long while messages wait.
TIMER_CHUNK = 25

BUILTIN_DESCRIPTIONS = {  # the engine's own commands, for Telegram's command menu
    "help": _("What can I do here?"),
    "cancel": _("Stop the current question"),
}
STALE = _("This question is no longer open.")
UNKNOWN_COMMAND = _("I do not know that command. What would you like to do?")
NOT_FOR_YOUR_ROLE = _("This is not available for your role.")
EDITED = _("I cannot see changes to a message you already sent. Please send it again.")
NEUTRAL = _(
    "Hello. This is a closed service for invited volunteers. "
    "If you were invited, please open the link you received."
)


@dataclass(frozen=True)
class Outcome:
    replies: list[Reply]
    locale: str
    toast: Text | None = None
    deletions: tuple[int, ...] = ()  # message ids in the sender's chat to delete
    commands: tuple[str, ...] | None = None  # the sender's command menu, when it changed


class Engine:
    def __init__(
        self, db: StorageGateway, clock: Clock, config: FlowConfig, registry: Registry
    ) -> None:
        self.db = db
        self.clock = clock
        self.registry = registry
        self.config = replace(config, commands=registry.commands)
        self.dialogues = {d.name: d for d in registry.dialogues}

    async def handle(self, event: Event) -> Outcome:
        """Handle one event in a transaction of its own; nothing is sent from here."""
        [result] = await self.handle_all([event])
        if isinstance(result, Exception):
            raise result
        return result

    async def handle_all(self, events: Sequence[Event]) -> list[Outcome | Exception]:
        """Handle the events of different people in one transaction (`_together`): one
        commit for a round of updates, and the rows each event reads first (its sender,
        their conversation, their open visit) read for the round in one statement each
        (`storage.readahead`). Nothing is sent from here; an event that failed has its
        exception in its place, and nothing of it was kept."""
        now = self.clock.now()

        async def first(uow: Storage, handled: Sequence[Event]) -> None:
            await uow.inbox.mark_handled([event.update_id for event in handled], now=now)
            if len(handled) > 1:  # what each update reads first, read for all at once
                await uow.read_ahead([event.telegram_id for event in handled])

        results = await self._together(
            events, lambda uow, event: self._handle(uow, event, now), first=first
        )
        for event, result in zip(events, results, strict=True):
            if not isinstance(result, Exception):
                log.info(
                    "event handled",
                    extra={"kind": event.kind.value, "replies": len(result.replies)},
                )
        return results

    async def _handle(self, uow: Storage, event: Event, now: datetime) -> Outcome:
        person = await uow.people.by_telegram_id(event.telegram_id)
        state = await uow.conversations.get(event.telegram_id, now=now)
        locale = (
            (person.locale if person else None)
            or (state.draft.get("locale") if state else None)
            or match_language(event.language_code, self.config.locales)
            or DEFAULT_LOCALE
        )
        ctx = Context(
            uow=uow,
            now=now,
            event=event,
            config=self.config,
            person=person,
            locale=locale,
            state=state,
            last_version=await uow.conversations.last_version(event.telegram_id),
            dialogues=self.dialogues,
        )
        if event.kind == Kind.EDITED:
            if person is not None and person.active:
                ctx.reply(EDITED)
                ctx.ask_again()
        elif event.kind == Kind.BLOCKED:
            if person is not None:
                await self._mark_unreachable(ctx, person)
        elif event.kind == Kind.UNBLOCKED:
            if person is not None:
                await uow.people.set_reachable(person.id, True)
        elif person is None:
            await self._stranger(ctx)
        elif not person.active:
            ctx.reply(_("Your account is paused. Please contact your coordinator."))
        else:
            if not person.reachable:
                await uow.people.set_reachable(person.id, True)
            await self._route(ctx)
            ctx.resume_question()
        await ctx.save_state()
        changed = ctx.commands_changed and ctx.person
        commands = commands_for(ctx.person, self.registry) if changed else None
        return Outcome(ctx.replies, ctx.locale, ctx.toast, tuple(ctx.deletions), commands)

    async def _together(
        self,
        items: Sequence[T],
        run: Callable[[Storage, T], Awaitable[R]],
        first: Callable[[Storage, Sequence[T]], Awaitable[None]] | None = None,
    ) -> list[R | Exception]:
        """`run` every item in one transaction: one commit for them all (on SQLite one
        wait for the disk, and the write lock held only briefly). Each item sees the
        transaction afresh (`Storage.fresh()`), as if it had one of its own; `first`
        does in one statement what each item's transaction must also hold (marking the
        updates handled).

        When one raises, the transaction rolls back whole, with everything the items
        did or queued, and each runs again in a transaction of its own: a failing item
        holds up no other, and its exception is returned in its place. A database that
        is away raises at once."""
        try:
            async with self.db.unit_of_work() as uow:
                if first is not None:
                    await first(uow, items)
                return [await run(await uow.fresh(), item) for item in items]
        except Exception as exc:
            if self.db.unavailable(exc):
                raise
            if len(items) == 1:
                return [exc]
            log.warning("one of a batch failed: each runs again on its own")
        results: list[R | Exception] = []
        for item in items:
            try:
                async with self.db.unit_of_work() as uow:
                    if first is not None:
                        await first(uow, [item])
                    results.append(await run(uow, item))
            except Exception as exc:
                if self.db.unavailable(exc):
                    raise
                results.append(exc)
        return results

    async def _stranger(self, ctx: Context) -> None:
        """Not enrolled: only an invite code or an enrolment in progress gets further."""
        event = ctx.event
        enrolling = ctx.state is not None and ctx.state.flow == self.registry.enrol_flow
        if event.kind == Kind.COMMAND and event.command == "start" and event.text:
            await self.registry.enrol(ctx, event.text)
        elif enrolling and event.kind == Kind.COMMAND and event.command == "cancel":
            ctx.finish()
            ctx.reply(_("Stopped. Nothing was saved."))
        elif enrolling and event.kind in (Kind.TEXT, Kind.BUTTON, Kind.MEDIA):
            await self._continue(ctx)
        elif enrolling and event.kind == Kind.COMMAND and event.command == "start":
            ctx.ask_again()  # a bare /start (the app's Start button again): go on where they were
        else:
            ctx.reply(NEUTRAL)

    async def _route(self, ctx: Context) -> None:
        event = ctx.event
        prefix, _sep, rest = event.data.partition(":")
        if event.kind == Kind.COMMAND:
            await self._command(ctx, event.command, event.text)
        elif event.kind == Kind.BUTTON and read_menu(event.data) is not None:
            await self._command(ctx, read_menu(event.data), "")
        elif event.kind == Kind.BUTTON and prefix in self.registry.buttons:
            await self.registry.buttons[prefix](ctx, rest)
        elif ctx.state is not None or event.kind == Kind.BUTTON:
            await self._continue(ctx)
        elif event.kind == Kind.MEDIA:
            ctx.reply(_media_refusal(), ctx.menu())
        elif not await self._free_text(ctx, event.text):
            ctx.reply(_("I did not understand that. What would you like to do?"), ctx.menu())

    async def _free_text(self, ctx: Context, text: str) -> bool:
        """Text with no question open: a family may recognise it (the duress word)."""
        for hook in self.registry.free_text:
            if await hook(ctx, text):
                return True
        return False

    async def _command(self, ctx: Context, command: str, arg: str) -> None:
        """A command. One that only shows something (LOOKS) leaves an open question as it
        is and asks it again; any other first says what became of it."""
        spec = self.registry.command(command)
        if command == "start" and arg:
            await self.registry.enrol(ctx, arg)
        elif command == "cancel":
            await dialogue.cancel(ctx)
        elif command in ("start", "help"):
            await self._aside_if_asking(ctx, lambda: _help(ctx))
        elif spec is None:
            await self._aside_if_asking(ctx, lambda: _refuse(ctx, UNKNOWN_COMMAND))
        elif not spec.roles & ctx.person.roles:
            await self._aside_if_asking(ctx, lambda: _refuse(ctx, NOT_FOR_YOUR_ROLE))
        elif spec.look:
            await self._aside_if_asking(ctx, lambda: spec.run(ctx, arg))
        else:
            if ctx.state is not None:
                # Say what became of the open question (an urgent concern stays) first.
                await dialogue.cancel(ctx, whole_stack=True)
            await spec.run(ctx, arg)

    @staticmethod
    async def _aside_if_asking(ctx: Context, show: Callable[[], Awaitable[None]]) -> None:
        if ctx.state is None:
            await show()
        else:
            await ctx.aside(show)

    async def _continue(self, ctx: Context) -> None:
        """Text, a button or media for the open question of the current flow."""
        event = ctx.event
        flow = self.dialogues.get(ctx.state.flow) if ctx.state else None
        if event.kind == Kind.BUTTON:
            tap = read_choice(event.data)
            if flow is None or tap is None or tap.version != ctx.state.version:
                # An older question's button, or a double tap: where the person really
                # is comes from the database, so the open question is asked again.
                ctx.toast = STALE
                if ctx.state is not None and ctx.state.prompt:
                    ctx.reply(STALE)
                    ctx.ask_again()
                else:
                    ctx.reply(STALE, ctx.menu())
                return
            await dialogue.on_button(ctx, flow, tap.action, tap.arg)
        elif flow is None:
            ctx.reply(_("I did not understand that. What would you like to do?"), ctx.menu())
        elif event.kind == Kind.MEDIA:
            ctx.reply(_media_refusal())
            ctx.ask_again()
        else:
            await dialogue.on_text(ctx, flow, event.text)

    async def run_due_timers(self) -> int:
        """Claim what is due (a transaction of its own), then run the timers a chunk at a
        time, each chunk in one transaction (`_together`), with what each timer looks up
        first read for the chunk at once (`Registry.read_ahead`). A failing timer stays claimed
        until its lease runs out and is then tried again; its exception is raised once
        the batch is done. A database that is away stops the batch at once (what is
        left waits for its lease)."""
        now = self.clock.now()
        async with self.db.unit_of_work() as uow:
            due = await uow.timers.claim_due(now=now)

        async def first(uow: Storage, timers: Sequence[TimerRecord]) -> None:
            if len(timers) > 1:  # what each timer looks up first, read for all at once
                for kind, read_ahead in self.registry.read_ahead.items():
                    if of_kind := [timer for timer in timers if timer.kind == kind]:
                        await read_ahead(uow, of_kind)

        failure: Exception | None = None
        for start in range(0, len(due), TIMER_CHUNK):
            chunk = due[start : start + TIMER_CHUNK]
            results = await self._together(
                chunk, lambda uow, timer: self._run_timer(uow, timer, now), first=first
            )
            for timer, result in zip(chunk, results, strict=True):
                if isinstance(result, Exception):
                    log.error("timer failed", extra={"timer_kind": timer.kind}, exc_info=result)
                    failure = failure or result
        if failure is not None:
            raise failure
        return len(due)

    async def _run_timer(self, uow: Storage, timer: TimerRecord, now: datetime) -> None:
        handler = self.registry.timers.get(timer.kind)
        if handler is not None:
            await handler(self._quiet_context(uow, now), timer)
        else:
            log.warning("unknown timer kind", extra={"timer_kind": timer.kind})
        await uow.timers.finish(timer.id, now=now)

    async def report(self, report: Report) -> None:
        """What Telegram said after the adapter sent something (`flows.core.reports`),
        acted on in a transaction of its own."""
        now = self.clock.now()
        async with self.db.unit_of_work() as uow:
            if isinstance(report, Shown | Lost):
                person = await uow.people.by_telegram_id(report.telegram_id)
            else:
                person = await uow.people.get(report.person_id)
            if person is None:
                return
            if isinstance(report, Shown):
                for reference, message_id in report.messages:
                    await uow.shown.add(person.id, reference, message_id, now=now)
            elif isinstance(report, Lost):
                await _through_the_outbox(uow, person.id, report.replies, now)
            elif isinstance(report, Blocked):
                await self._mark_unreachable(self._quiet_context(uow, now), person)
            else:
                text = _(
                    "A message for {name} (P{id}) could not be delivered. "
                    "Please check in with them.",
                    name=person.display_name,
                    id=str(person.id),
                )
                await _tell_coordinators(self._quiet_context(uow, now), person, text)

    async def start_daily_jobs(self) -> None:
        """Plan the recurring timers (the retention purge) if none is planned yet."""
        async with self.db.unit_of_work() as uow:
            for plan in self.registry.daily:
                await plan(uow, self.clock.now())

    def _quiet_context(self, uow: Storage, now: datetime) -> Context:
        return Context(
            uow=uow,
            now=now,
            event=None,
            config=self.config,
            person=None,
            locale=DEFAULT_LOCALE,
            state=None,
            dialogues=self.dialogues,
        )

    async def _mark_unreachable(self, ctx: Context, person: PersonRecord) -> None:
        """Mark someone who blocked the bot, tell the coordinators, and let the flows move
        their work on (an alert waiting for them goes up the chain at once)."""
        if not person.reachable:
            return
        await ctx.uow.people.set_reachable(person.id, False)
        for membership in person.memberships:
            await ctx.audit("person.unreachable", f"P{person.id}", membership.organisation_id)
        text = _(
            "Sleutel cannot reach {name} (P{id}) any more: they may have blocked the "
            "bot. Please contact them another way.",
            name=person.display_name,
            id=str(person.id),
        )
        await _tell_coordinators(ctx, person, text)
        for hook in self.registry.unreachable:
            await hook(ctx, person.id)


async def _through_the_outbox(
    uow: Storage, person_id: int, replies: tuple[Reply, ...], now: datetime
) -> None:
    """Replies the network lost, retried by the outbox as new messages (a file is not
    kept: the person can ask for it again)."""
    for reply in replies:
        if reply.document is None:
            message = Reply(reply.text, reply.buttons, reply.protect, shows_case=reply.shows_case)
            await uow.outbox.add(person_id, to_json(message), now=now)


async def _tell_coordinators(ctx: Context, person: PersonRecord, text: Text) -> None:
    """Notify the reachable coordinators of every organisation the person belongs to."""
    for membership in person.memberships:
        for coordinator in await ctx.uow.people.in_organisation(
            membership.organisation_id, COORDINATOR
        ):
            if coordinator.id != person.id and coordinator.reachable:
                await ctx.notify(coordinator.id, text, protect=False)


def commands_for(person: PersonRecord, registry: Registry) -> tuple[str, ...]:
    """The commands this person's roles allow, for their own command menu in Telegram."""
    allowed = [spec.name for spec in registry.commands if spec.roles & person.roles]
    return ("help", *allowed, "cancel")


def _media_refusal() -> Text:
    return _(
        "For everyone's safety Sleutel does not keep photos, voice messages, videos, "
        "files, locations or contacts. Please write it in a few words, or use the buttons."
    )


async def _help(ctx: Context) -> None:
    ctx.reply(_help_text(ctx), ctx.menu())


async def _refuse(ctx: Context, text: Text) -> None:
    ctx.reply(text, ctx.menu())


def _help_text(ctx: Context) -> Text:
    text = _("Hello {name}. What would you like to do?", name=ctx.person.display_name)
    if ctx.state is not None or ctx.question_waiting:
        return _(
            "{text}\n\nYou are in the middle of something: answer the last question, "
            "or send /cancel to stop.",
            text=text,
        )
    return text
