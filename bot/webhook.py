"""The aiohttp server: `/telegram` (webhook mode), `/healthz` and `/metrics`.

`/healthz` answers 200 when the database answers and polling has not failed
for more than two minutes (`bot.health`), 503 otherwise, with a JSON body:
`database`, `telegram` (seconds since the last successful getUpdates or
webhook update, seconds polling has been failing) and `outbox_oldest_seconds`
(how long the oldest undelivered message has waited).

What `/telegram` answers, and why (Telegram redelivers anything but a 2xx for
about a day):

- 403: the secret token is wrong or missing (compared in constant time).
- 415: the body is not `application/json`; 413: it is bigger than `MAX_BODY`.
- 400: the body is not JSON, or not an update (no object with an integer
  `update_id`). Telegram never sends these.
- 200: the update is committed to the inbox, was stored before (a redelivery:
  the inbox ignores a known `update_id`, never an error), or was set aside by
  the inbox because it cannot be stored or understood (invalid text, an
  `update_id` out of range): anything else would only make Telegram send it
  again and again.
- 503: the database is unavailable (`storage.database.is_unavailable`: away,
  busy or restarting, never a refused statement), so Telegram delivers it
  again later.
- 500: only for what nobody foresaw; logged (kind only), and Telegram retries.
"""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web

from bot.health import TelegramHealth
from bot.intake import Intake
from bot.metrics import Metrics
from storage.database import Database, is_unavailable

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # Telegram updates are a few KB; anything bigger is not Telegram


def build_app(
    db: Database,
    intake: Intake,
    metrics: Metrics,
    secret: str | None,
    health: TelegramHealth | None = None,
) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    health = health or TelegramHealth()

    async def healthz(_request: web.Request) -> web.Response:
        """200 or 503, with what was last seen of the database, Telegram and the outbox."""
        body = {
            "status": "ok",
            "database": await db.ping(),
            "telegram": health.report(),
            "outbox_oldest_seconds": None,
        }
        if body["database"]:
            try:
                async with db.unit_of_work() as uow:
                    oldest = await uow.outbox.oldest_pending()
            except Exception as exc:
                if not is_unavailable(exc):
                    raise
                body["database"] = False
            else:
                age = 0.0 if oldest is None else (intake.clock.now() - oldest).total_seconds()
                body["outbox_oldest_seconds"] = round(max(age, 0.0), 1)
        if not body["database"]:
            body["status"] = "database unavailable"
        elif not health.healthy():
            body["status"] = "telegram unreachable"
        return web.json_response(body, status=200 if body["status"] == "ok" else 503)

    async def metrics_view(_request: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), content_type="text/plain", charset="utf-8")

    async def telegram(request: web.Request) -> web.Response:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if secret is None or not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=403)
        if request.content_type != "application/json":
            return web.Response(status=415)
        try:
            update = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400)
        if not isinstance(update, dict) or type(update.get("update_id")) is not int:
            return web.Response(status=400)
        health.ok()  # Telegram reached us
        try:
            await intake.store_delivered(update)
        except Exception as exc:
            if is_unavailable(exc):
                log.warning("database unavailable; asking Telegram to deliver again")
                return web.Response(status=503)
            log.exception("update not stored; Telegram will deliver it again")
            return web.Response(status=500)
        return web.Response(status=200)

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_view)
    if secret is not None:
        app.router.add_post("/telegram", telegram)
    return app
