"""The aiohttp server: `/telegram` (webhook mode), `/healthz` and `/metrics`.

The webhook answers 200 only after the update is committed to the inbox, and
503 while the database is away, so Telegram delivers it again. The secret
token is compared in constant time and bodies are capped.
"""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web

from bot.inbox import Inbox
from bot.metrics import Metrics
from storage.database import UNAVAILABLE_ERRORS, Database

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # Telegram updates are a few KB; anything bigger is not Telegram


def build_app(db: Database, inbox: Inbox, metrics: Metrics, secret: str | None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)

    async def healthz(_request: web.Request) -> web.Response:
        if await db.ping():
            return web.json_response({"status": "ok"})
        return web.json_response({"status": "database unavailable"}, status=503)

    async def metrics_view(_request: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), content_type="text/plain", charset="utf-8")

    async def telegram(request: web.Request) -> web.Response:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if secret is None or not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=401)
        try:
            update = json.loads(await request.read())
            if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
                raise ValueError("not an update")
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400)
        try:
            await inbox.store([update])
        except UNAVAILABLE_ERRORS:
            log.warning("database unavailable; asking Telegram to deliver again")
            return web.Response(status=503)
        return web.Response(status=200)

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_view)
    if secret is not None:
        app.router.add_post("/telegram", telegram)
    return app
