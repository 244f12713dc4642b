"""A bare aiogram 3 echo bot: the second yardstick of `benchmarks/throughput.py`
(aiogram is in the `bench` extra only).

    TELEGRAM_TOKEN=… TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot \
        python benchmarks/echo_aiogram.py
"""

from __future__ import annotations

import asyncio
import os
import signal

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message


async def main() -> None:
    base = os.environ["TELEGRAM_API_BASE_URL"].removesuffix("/bot")
    session = AiohttpSession(api=TelegramAPIServer.from_base(base))
    bot = Bot(os.environ["TELEGRAM_TOKEN"], session=session)
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    loop = asyncio.get_running_loop()
    polling = asyncio.ensure_future(dispatcher.start_polling(bot, handle_signals=False))
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, polling.cancel)
    try:
        await polling
    except asyncio.CancelledError:
        pass
    finally:
        await bot.session.close()


if __name__ == "__main__":
    asyncio.run(main())
