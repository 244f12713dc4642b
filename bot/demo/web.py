"""The demo's web page and its JSON API (aiohttp, 127.0.0.1 only).

    GET  /                      the page (static/index.html, demo.css, demo.js)
    GET  /api/state             everyone's chat, menus, the clock, the scenario
    GET  /api/events            server-sent events: message, deleted, person, clock,
                                scenario, notice
    GET  /api/file/{chat}/{id}  a file the bot sent
    POST /api/send              {"chat_id", "text"}
    POST /api/press             {"chat_id", "message_id", "data"}
    POST /api/language          {"chat_id", "locale"}
    POST /api/people            {"role", "name", "locale"}
    POST /api/time              {"minutes": 15} or {"to": "next"}
    POST /api/scenario/next | /api/scenario/play | /api/scenario/stop

POSTs take JSON only (a page elsewhere cannot send it here without asking first),
and only requests addressed to 127.0.0.1 or localhost are answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import timedelta
from importlib.resources import files
from typing import Any

from aiohttp import web

from bot.demo.app import Demo, DemoError
from bot.demo.scenario import Player

STATIC = files("bot.demo") / "static"
CONTENT_TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript"}
LOCAL_HOSTS = ("127.0.0.1", "localhost")
SKIPS = {15, 60, 24 * 60}


def build_app(demo: Demo, player: Player | None) -> web.Application:
    app = web.Application(middlewares=[_local_only])
    page = Page(demo, player)
    app.router.add_get("/", page.index)
    app.router.add_get("/static/{name}", page.static)
    app.router.add_get("/api/state", page.state)
    app.router.add_get("/api/events", page.stream)
    app.router.add_get("/api/file/{chat}/{message}", page.file)
    app.router.add_post("/api/send", page.send)
    app.router.add_post("/api/press", page.press)
    app.router.add_post("/api/language", page.language)
    app.router.add_post("/api/people", page.add_person)
    app.router.add_post("/api/time", page.time)
    app.router.add_post("/api/scenario/{what}", page.scenario)
    return app


@web.middleware
async def _local_only(request: web.Request, handler: Any) -> web.StreamResponse:
    host = (request.host or "").rsplit(":", 1)[0].strip("[]")
    if host not in LOCAL_HOSTS:
        return web.json_response({"error": "the demo answers on 127.0.0.1 only"}, status=403)
    if request.method == "POST" and request.content_type != "application/json":
        return web.json_response({"error": "JSON only"}, status=415)
    try:
        return await handler(request)
    except DemoError as exc:
        return web.json_response({"error": str(exc)}, status=400)


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="not JSON") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="a JSON object, please")
    return body


def _int(body: dict[str, Any], key: str) -> int:
    value = body.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise DemoError(f"{key}: a number, please")
    return int(value)


class Page:
    def __init__(self, demo: Demo, player: Player | None) -> None:
        self.demo = demo
        self.player = player

    async def index(self, _request: web.Request) -> web.Response:
        return self._static_file("index.html")

    async def static(self, request: web.Request) -> web.Response:
        return self._static_file(request.match_info["name"])

    def _static_file(self, name: str) -> web.Response:
        suffix = "." + name.rsplit(".", 1)[-1]
        if "/" in name or suffix not in CONTENT_TYPES or not (STATIC / name).is_file():
            raise web.HTTPNotFound()
        return web.Response(
            body=(STATIC / name).read_bytes(),
            content_type=CONTENT_TYPES[suffix],
            charset="utf-8",
            headers={"Cache-Control": "no-store"},
        )

    async def state(self, _request: web.Request) -> web.Response:
        state = self.demo.state()
        state["scenario"] = self.player.view() if self.player else None
        return web.json_response(state, dumps=_dumps)

    async def stream(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        )
        await response.prepare(request)
        queue = self.demo.events.subscribe()
        try:
            await response.write(b"retry: 1000\n\n")
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=15)
                except TimeoutError:
                    await response.write(b": still here\n\n")
                    continue
                if event is None:
                    break
                await response.write(f"data: {_dumps(event)}\n\n".encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.demo.events.unsubscribe(queue)
        with contextlib.suppress(ConnectionResetError):
            await response.write_eof()
        return response

    async def file(self, request: web.Request) -> web.Response:
        chat, message = request.match_info["chat"], request.match_info["message"]
        if not (chat.isdigit() and message.isdigit()):
            raise web.HTTPNotFound()
        document = self.demo.api.document(int(chat), int(message))
        if document is None:
            raise web.HTTPNotFound()
        name, mime_type, content = document
        return web.Response(
            body=content,
            content_type=mime_type.split(";")[0],
            headers={"Content-Disposition": f'attachment; filename="{_ascii(name)}"'},
        )

    async def send(self, request: web.Request) -> web.Response:
        body = await _body(request)
        text = body.get("text")
        if not isinstance(text, str):
            raise DemoError("text: a string, please")
        self.demo.send(_int(body, "chat_id"), text[:4096])
        return web.json_response({"ok": True})

    async def press(self, request: web.Request) -> web.Response:
        body = await _body(request)
        data = body.get("data")
        if not isinstance(data, str):
            raise DemoError("data: a string, please")
        self.demo.press(_int(body, "chat_id"), _int(body, "message_id"), data)
        return web.json_response({"ok": True})

    async def language(self, request: web.Request) -> web.Response:
        body = await _body(request)
        chat = self.demo.person(_int(body, "chat_id")).telegram_id
        locale = str(body.get("locale", ""))
        self.demo.spawn(self.demo.switch_language(chat, locale))
        return web.json_response({"ok": True})

    async def add_person(self, request: web.Request) -> web.Response:
        body = await _body(request)
        person = self.demo.add_person(
            str(body.get("role", "")), str(body.get("name", "")), str(body.get("locale", ""))
        )
        return web.json_response({"ok": True, "person": self.demo.person_view(person)})

    async def time(self, request: web.Request) -> web.Response:
        body = await _body(request)
        if body.get("to") == "next":
            ran = await self.demo.skip_to_next_timer()
        else:
            minutes = _int(body, "minutes")
            if minutes not in SKIPS:
                raise DemoError("skip 15 minutes, 1 hour or 1 day")
            ran = await self.demo.skip(timedelta(minutes=minutes))
        return web.json_response({"ok": True, "timers_run": ran, "clock": self.demo.clock_view()})

    async def scenario(self, request: web.Request) -> web.Response:
        if self.player is None:
            raise DemoError("no scenario: start with `sleutel demo --scenario NAME`")
        what = request.match_info["what"]
        if what == "next":
            self.demo.spawn(self.player.next())
        elif what == "play":
            if not self.player.playing:
                self.demo.spawn(self.player.play())
        elif what == "stop":
            self.player.stop()
        else:
            raise web.HTTPNotFound()
        return web.json_response({"ok": True, "scenario": self.player.view()})


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)
