"""The composition root: settings in, a running bot out. Everything is wired here,
explicitly; nothing is looked up from globals or `bot_data`.

`open()` prepares (migrations, getMe, handlers, command menu); `serve()` runs
the loops until a stop signal; `close()` lets go. Tests use the same object
and drive the loops one round at a time (`poll_once`, `process_inbox`,
`dispatch_outbox`, `tick`) with a clock they move.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Callable

from aiohttp import web
from telegram.ext import Application, ContextTypes

from bot.commands import publish_commands
from bot.delivery import OutboxDispatcher, Sender
from bot.dispatch import Dispatch
from bot.health import TelegramHealth
from bot.i18n import Renderer, load_catalogs
from bot.intake import Intake
from bot.metrics import Metrics
from bot.polling import ALLOWED_UPDATES, poll_forever, poll_once
from bot.ratelimit import SendLimiter
from bot.replies import Replies
from bot.settings import Settings, SettingsError
from bot.transport import AiohttpRequest
from bot.webhook import build_app
from flows import redaction
from flows.core.clock import Clock, SystemClock
from flows.core.context import FlowConfig
from flows.core.engine import Engine
from flows.core.languages import ENDONYMS
from flows.registry import REGISTRY
from storage.database import UNAVAILABLE_ERRORS, Database
from storage.timers import BATCH as TIMER_BATCH

log = logging.getLogger(__name__)

TIMER_INTERVAL = 5.0


class Runtime:
    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self.db = Database(settings.resolved_database_url(), settings.cipher())
        self.metrics = Metrics()
        self.health = TelegramHealth()
        self.renderer = Renderer(load_catalogs(), settings.tz)
        self.application = (
            Application.builder()
            .token(settings.token())
            .base_url(settings.telegram_api_base_url)
            .updater(None)
            .request(AiohttpRequest())
            .get_updates_request(AiohttpRequest(connection_pool_size=1))
            .rate_limiter(
                SendLimiter(
                    settings.rate_limit, self.db if self.db.dialect == "postgresql" else None
                )
            )
            .build()
        )
        self._offset = 0
        self._lexicons: asyncio.Task[None] | None = None

    async def open(self, *, upgrade: bool = True) -> None:
        if upgrade:
            await self.db.upgrade()
        await self.application.initialize()
        bot = self.application.bot
        locales = tuple(code for code in ENDONYMS if code in self.renderer.locales)
        config = FlowConfig(
            bot_username=bot.username, locales=locales, timezone=self.settings.timezone
        )
        self.engine = Engine(self.db, self.clock, config, REGISTRY)
        self.sender = Sender(bot, self.renderer)
        self.dispatcher = OutboxDispatcher(
            self.db, self.sender, self.engine, self.clock, self.metrics
        )
        # The adapter in three parts: intake (polling / webhook -> inbox), dispatch
        # (inbox -> engine), replies (what the engine decided -> the Bot API).
        self.intake = Intake(self.db, self.clock, self.metrics, self.dispatcher.wake)
        self.replies = Replies(self.sender, self.engine, self.dispatcher.wake)
        self.dispatch = Dispatch(
            self.db,
            self.clock,
            self.engine,
            self.replies,
            self.metrics,
            self.intake.stored,
        )
        await publish_commands(bot, self.renderer)
        await self.engine.start_daily_jobs()
        # The redactor's lexicons take seconds to load: in a thread, while the bot already
        # answers (a note typed meanwhile waits for them; nothing else does).
        self._lexicons = asyncio.create_task(asyncio.to_thread(_load_lexicons))
        self._offset = await self.intake.next_offset()

    async def close(self) -> None:
        if self._lexicons is not None:
            # A lexicon that failed to load is reported by every redaction (it fails closed).
            with contextlib.suppress(Exception):
                await self._lexicons
            gc.unfreeze()  # a process that starts again (the tests) must not pile them up
        await self.application.shutdown()
        await self.db.dispose()

    # one round of each loop, for tests and for the clock job ---------------
    async def poll_once(self) -> None:
        self._offset = await poll_once(self.application.bot, self.intake, self._offset)
        await self.dispatch.process_pending()

    async def process_inbox(self) -> int:
        return await self.dispatch.process_pending()

    async def dispatch_outbox(self) -> int:
        return await self.dispatcher.dispatch_once()

    async def tick(self) -> int:
        """Run due timers, batch after batch while a full batch came (a backlog is
        caught up at once, not a batch per tick); then deliver what they queued and
        refresh the queue gauges."""
        ran = 0
        while True:
            batch = await self.engine.run_due_timers()
            ran += batch
            self.metrics.timers_run.inc(batch)
            if batch:
                self.dispatcher.wake.set()
            if batch < TIMER_BATCH:  # a full batch: more may be due
                break
        async with self.db.unit_of_work() as uow:
            self.metrics.inbox_pending.set(await uow.inbox.count_pending())
            self.metrics.outbox_pending.set(await uow.outbox.count("pending"))
        return ran

    async def _tick_job(self, _context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await self.tick()
        except UNAVAILABLE_ERRORS:
            log.warning("database unavailable; timers wait")

    # the real thing ---------------------------------------------------------
    async def serve(
        self,
        stop: asyncio.Event,
        *,
        webhook: bool = False,
        ready: Callable[[int], None] | None = None,
    ) -> None:
        """Run until `stop` is set, then finish what is in hand and return; `ready` is
        called once the bot listens and polls (or has its webhook set), with the port it
        listens on (the one the system chose, for SLEUTEL_LISTEN=host:0)."""
        if not self.db.hold_single_writer():
            raise SettingsError(
                "DATABASE_URL: another sleutel is running on this SQLite database; "
                "run one, or use PostgreSQL for several workers"
            )
        if self.db.dialect == "sqlite":  # the only worker: what a killed one held is free
            async with self.db.unit_of_work() as uow:
                for queue in (uow.inbox, uow.outbox, uow.timers):
                    await queue.release_all()
        secret = self.settings.webhook_secret
        app = build_app(
            self.db,
            self.intake,
            self.metrics,
            secret.get_secret_value() if webhook and secret else None,
            self.health,
        )
        runner = web.AppRunner(app)
        await runner.setup()
        host, port = self.settings.listen_host_port
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as exc:
            await runner.cleanup()
            raise SettingsError(
                f"SLEUTEL_LISTEN: cannot listen on {host}:{port} ({exc.strerror})"
            ) from None
        await self.application.start()
        self.application.job_queue.run_repeating(self._tick_job, TIMER_INTERVAL, first=1)
        workers = [
            asyncio.create_task(self.dispatch.run(stop)),
            asyncio.create_task(self.dispatcher.run(stop)),
        ]
        if webhook:
            await self.application.bot.set_webhook(
                self.settings.webhook_url,
                secret_token=secret.get_secret_value(),
                allowed_updates=ALLOWED_UPDATES,
            )
            poller = None
        else:
            poller = asyncio.create_task(
                poll_forever(self.application.bot, self.intake, stop, self.health)
            )
        log.info("sleutel running", extra={"mode": "webhook" if webhook else "polling"})
        if ready is not None:
            ready(runner.addresses[0][1])
        try:
            await stop.wait()
            if poller is not None:
                # A long poll in flight holds nothing: what it fetched but did not store is
                # not confirmed, so Telegram hands it out again next time.
                poller.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await poller
            await asyncio.gather(*workers)
        finally:
            # Stored updates and queued messages are kept in the database; a last
            # round hands over what can still go now.
            await runner.cleanup()
            await self.application.stop()
            try:
                await self.dispatch.process_pending()
                await self.dispatcher.dispatch_once()
            except UNAVAILABLE_ERRORS:
                log.warning("database unavailable at shutdown; work resumes on next start")


def _load_lexicons() -> None:
    """Load the redactor's data, and say when it is done: until then the bot shares the
    CPU with the load (the benchmarks wait for this line).

    Then what start-up built (the imports, the lexicons: long-lived, millions of
    objects) is frozen out of the garbage collector's reach (`gc.freeze`): its full
    passes went over all of it and stopped the bot for 65-75 ms, once in every burst."""
    started = time.perf_counter()
    redaction.prepare()
    gc.collect()
    gc.freeze()
    log.info(
        "redaction lexicons loaded", extra={"seconds": round(time.perf_counter() - started, 2)}
    )
