"""The bot's HTTP client (`bot.transport.AiohttpRequest`): what PTB's own client did,
through PTB's `Bot`: messages with buttons, files, Telegram's errors, time-outs and a
server that is not there, each as the exception the delivery rules expect."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.delivery import retry_delay
from bot.emulator import FakeBotAPI
from bot.transport import AiohttpRequest

TOKEN = FakeBotAPI.token


def bot_at(base_url: str, **timeouts: float) -> Bot:
    return Bot(TOKEN, base_url=base_url, request=AiohttpRequest(**timeouts))


@contextlib.asynccontextmanager
async def serving(handler) -> AsyncIterator[int]:
    """A local HTTP server answering every request with `handler`; yields its port."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield site._server.sockets[0].getsockname()[1]
    finally:
        await runner.cleanup()


async def test_a_message_with_buttons_and_a_file_arrive_as_sent(fake_api):
    fake_api.push_text(40, "hi")  # the chat exists once its person wrote
    async with bot_at(fake_api.base_url) as bot:
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Ja ✓", callback_data="yes:1")]])
        sent = await bot.send_message(40, "Hoe gaat het? مرحبا", reply_markup=markup)
        upload = await bot.send_document(
            40, InputFile(b"a,b\n1,2\n", filename="cijfers.csv"), caption="Cijfers"
        )
    assert sent.text == "Hoe gaat het? مرحبا"
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "yes:1"
    assert fake_api.document(40, upload.message_id) == ("cijfers.csv", "text/csv", b"a,b\n1,2\n")


async def test_telegram_errors_come_back_as_ptb_errors(fake_api):
    fake_api.push_text(41, "hi")
    fake_api.fail_next("sendMessage", status=429, description="Too Many Requests", retry_after=7)
    fake_api.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    async with bot_at(fake_api.base_url) as bot:
        with pytest.raises(RetryAfter) as waited:
            await bot.send_message(41, "een")
        with pytest.raises(BadRequest):
            await bot.send_message(41, "twee")
        assert (await bot.send_message(41, "drie")).text == "drie"
    assert retry_delay(waited.value.retry_after).total_seconds() == 7


async def test_a_server_that_does_not_answer_in_time_is_a_time_out():
    answered = asyncio.Event()

    async def slow(_request: web.Request) -> web.Response:
        await answered.wait()
        return web.json_response({"ok": True, "result": True})

    async with serving(slow) as port:
        try:
            bot = bot_at(f"http://127.0.0.1:{port}/bot", read_timeout=0.2)
            request = bot.request
            await request.initialize()
            with pytest.raises(TimedOut):
                await bot.delete_webhook()
            await request.shutdown()
        finally:
            answered.set()


async def test_a_server_that_is_not_there_is_a_network_error_that_names_no_token():
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    bot = bot_at(f"http://127.0.0.1:{port}/bot")
    await bot.request.initialize()
    try:
        with pytest.raises(NetworkError) as failed:
            await bot.delete_webhook()
    finally:
        await bot.request.shutdown()
    assert not isinstance(failed.value, TimedOut)
    assert TOKEN not in str(failed.value) and "aiohttp." in str(failed.value)


async def test_a_request_before_the_session_opened_is_refused():
    with pytest.raises(RuntimeError):
        await AiohttpRequest().do_request("http://127.0.0.1:1/", "POST")


async def test_the_proxy_the_environment_names_is_used_and_no_proxy_is_honoured(monkeypatch):
    """HTTP_PROXY and NO_PROXY as httpx honoured them, looked up once per host."""
    seen: list[str] = []

    async def proxy(request: web.Request) -> web.Response:
        seen.append(str(request.url))  # a proxy is asked for the whole URL
        return web.json_response({"ok": True, "result": True})

    async with serving(proxy) as port:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        direct = f"http://127.0.0.1:{port}/bot"
        for base_url, calls in (("http://api.telegram.example/bot", 2), (direct, 1)):
            bot = bot_at(base_url)
            await bot.request.initialize()
            for _ in range(calls):
                assert await bot.delete_webhook() is True
            await bot.request.shutdown()
    assert [url.split("/bot")[0] for url in seen] == [
        "http://api.telegram.example",
        "http://api.telegram.example",
        f"http://127.0.0.1:{port}",
    ]
