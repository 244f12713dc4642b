"""`sleutel demo`: start everything on 127.0.0.1, print the address, stop on Ctrl+C."""

from __future__ import annotations

import asyncio
import logging
import shutil
import signal
import tempfile
from pathlib import Path

from aiohttp import web

from bot.admin import CliError
from bot.demo.app import Demo
from bot.demo.scenario import Player, ScenarioError, load
from bot.demo.web import build_app
from bot.logs import configure_logging


async def run_demo(*, port: int, scenario: str | None, keep: bool) -> int:
    try:
        story = load(scenario) if scenario else None
    except ScenarioError as exc:
        raise CliError(str(exc)) from None
    configure_logging(logging.WARNING)
    # A slow machine makes the clock job late now and then: not the trainer's concern.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    data_dir = Path(tempfile.mkdtemp(prefix="sleutel-demo-"))
    demo = Demo(data_dir)
    runner: web.AppRunner | None = None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await demo.start()
        player = Player(demo, story) if story else None
        runner = web.AppRunner(build_app(demo, player), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, "127.0.0.1", port).start()
        except OSError as exc:
            raise CliError(
                f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another --port"
            ) from None
        address = f"http://127.0.0.1:{runner.addresses[0][1]}/"
        print(f"Sleutel demo: open {address}", flush=True)
        print(
            "Made-up people and a throw-away database; no Telegram, nothing leaves this "
            "machine. Ctrl+C stops it.",
            flush=True,
        )
        await stop.wait()
    finally:
        demo.events.publish(None)  # the pages' event streams end first
        if runner is not None:
            await runner.cleanup()
        await demo.close()
        if keep:
            print(f"The demo database is kept in {data_dir}; look with:\n  {demo.keep_note()}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0
