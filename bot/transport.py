"""The bot's HTTP client: python-telegram-bot's `BaseRequest` on aiohttp.

PTB talks to the Bot API through a `BaseRequest`; its own (`HTTPXRequest`, on
httpx) costs about 1.3 ms of CPU per `sendMessage` when 16 replies go out at
once, and aiohttp 0.33 ms (measured against the fake Bot API on the same machine;
`benchmarks/throughput.py` shows what it does to the whole bot). aiohttp is here
already: it serves the webhook. PTB's contributed `AiohttpRequest` (ptbcontrib)
does the same, but is not published on the package index.

The timeouts keep PTB's meaning: `read` is the most a response may take to come
(per read), `connect` to open a connection, `pool` to wait for a free one, and
all of them together bound the whole request, so a stuck upload also ends.
Errors become PTB's: a timeout is `TimedOut`, any other failure `NetworkError`,
named by its kind only (an aiohttp message may hold the URL, and so the token).

The proxy the environment names (HTTPS_PROXY, NO_PROXY, as httpx honoured them) is
looked up once per host and kept: aiohttp's `trust_env` looks it up, and reads
`~/.netrc`, on a worker thread for every request, which cost more CPU than the request.

`call_raw` calls a Bot API method by name and returns Telegram's answer as it came.
"""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import aiohttp
from aiohttp.helpers import BasicAuth, get_env_proxy_for_url
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from telegram.warnings import PTBUserWarning
from yarl import URL

# `Bot.do_api_request` warns when PTB has a typed method for the endpoint; `call_raw` is
# used for such methods on purpose. A filter, not `catch_warnings`: that one swaps the
# process's filters and is not safe while other tasks run.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.", category=PTBUserWarning)


async def call_raw(bot: Bot, method: str, *, read_timeout: float | None = None, **params: Any):
    """Call `method` with these parameters (None left out) through PTB's request layer,
    errors, retries and rate limiter, and return the answer unparsed. For `getUpdates`,
    an update PTB cannot read must not stop polling (`bot.polling`); for sending, PTB's
    typed methods read the whole sent message back into objects, its keyboard too, which
    costs more CPU than the send, and only its id is wanted (`bot.delivery.Sender`)."""
    present = {key: value for key, value in params.items() if value is not None}
    if read_timeout is None:
        return await bot.do_api_request(method, api_kwargs=present)
    return await bot.do_api_request(method, api_kwargs=present, read_timeout=read_timeout)


class AiohttpRequest(BaseRequest):
    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float = 5.0,
        write_timeout: float = 5.0,
        connect_timeout: float = 5.0,
        pool_timeout: float = 1.0,
        media_write_timeout: float = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._defaults = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
            "media_write": media_write_timeout,
        }
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[URL, tuple[URL | None, BasicAuth | None]] = {}

    @property
    def read_timeout(self) -> float:
        return self._defaults["read"]

    async def initialize(self) -> None:
        """Open the session (aiohttp wants a running event loop for it)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size)
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout=BaseRequest.DEFAULT_NONE,
        write_timeout=BaseRequest.DEFAULT_NONE,
        connect_timeout=BaseRequest.DEFAULT_NONE,
        pool_timeout=BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data is not None and request_data.contains_files
        read = self._given(read_timeout, "read")
        connect = self._given(connect_timeout, "connect")
        pool = self._given(pool_timeout, "pool")
        write = self._given(write_timeout, "media_write" if files else "write")
        parts = (read, write, connect, pool)
        timeout = aiohttp.ClientTimeout(
            total=None if None in parts else sum(parts),
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        proxy, proxy_auth = self._proxy_for(url)
        try:
            async with self._session.request(
                method,
                url,
                data=_body(request_data),
                headers={"User-Agent": self.USER_AGENT},
                timeout=timeout,
                proxy=proxy,
                proxy_auth=proxy_auth,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # aiohttp's time-outs are TimeoutErrors
            raise TimedOut(f"aiohttp.{type(exc).__name__}") from exc
        except (aiohttp.ClientError, OSError, asyncio.IncompleteReadError) as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}") from exc

    def _proxy_for(self, url: str) -> tuple[URL | None, BasicAuth | None]:
        """The environment's proxy for this URL's host, looked up the first time."""
        origin = URL(url).origin()
        if origin not in self._proxies:
            try:
                self._proxies[origin] = get_env_proxy_for_url(origin)
            except LookupError:  # no proxy for this host
                self._proxies[origin] = (None, None)
        return self._proxies[origin]

    def _given(self, value, name: str) -> float | None:
        return self._defaults[name] if value is BaseRequest.DEFAULT_NONE else value


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form fields as httpx would send them: url-encoded, or multipart with the files."""
    if request_data is None:
        return None
    if not request_data.contains_files:
        return request_data.json_parameters
    form = aiohttp.FormData(request_data.json_parameters)
    for field, (filename, content, mimetype) in (request_data.multipart_data or {}).items():
        form.add_field(field, content, filename=filename, content_type=mimetype)
    return form
