"""A simulated Telegram user talking to the real bot through the fake Bot API.

Each action pushes an update and runs one polling round of the real runtime
(getUpdates → inbox → PTB Application → engine → replies), then delivers the
outbox, so a test reads like a conversation.
"""

from __future__ import annotations

from bot.emulator import FakeBotAPI, SentMessage
from bot.runtime import Runtime


class Chat:
    def __init__(self, runtime: Runtime, api: FakeBotAPI, user_id: int, language: str = "nl"):
        self.rt = runtime
        self.api = api
        self.user_id = user_id
        self.language = language

    async def _round(self) -> list[SentMessage]:
        before = set(self.api.message_ids_to(self.user_id))
        await self.rt.poll_once()
        await self.rt.dispatch_outbox()
        return self.api.messages_to(self.user_id, after=before)

    async def send(self, text: str) -> list[SentMessage]:
        """Type a message; returns the bot's new messages in this chat."""
        self.api.push_text(self.user_id, text, language_code=self.language)
        return await self._round()

    async def send_media(self, kind: str) -> list[SentMessage]:
        self.api.push_media(self.user_id, kind, language_code=self.language)
        return await self._round()

    async def tap(self, label: str, message: SentMessage | None = None) -> list[SentMessage]:
        """Tap the button whose label contains `label` on `message` (default: the newest
        message that has buttons)."""
        message = message or self.with_buttons()
        data = self.find_button(message, label)
        self.api.push_callback(self.user_id, data, message=message, language_code=self.language)
        return await self._round()

    async def choose(self, action: str, arg: str = "") -> list[SentMessage]:
        """Tap the button of the open question by its action (language-independent)."""
        message = self.with_buttons()
        for _label, data in self.api.buttons(message):
            parts = data.split(":", 3)
            if len(parts) == 4 and parts[2] == action and parts[3] == arg:
                self.api.push_callback(
                    self.user_id, data, message=message, language_code=self.language
                )
                return await self._round()
        raise AssertionError(f"no button {action}:{arg} in {self.api.buttons(message)}")

    def with_buttons(self) -> SentMessage:
        message = self.api.newest_message_to(
            self.user_id, lambda m: bool(m.reply_markup and self.api.buttons(m))
        )
        if message is None:
            raise AssertionError(f"no message with buttons for {self.user_id}")
        return message

    def find_button(self, message: SentMessage, label: str) -> str:
        buttons = self.api.buttons(message)
        for text, data in buttons:
            if label in text:
                return data
        raise AssertionError(f"no button {label!r} in {buttons}")

    def texts(self) -> list[str]:
        return [m.text for m in self.api.messages_to(self.user_id)]

    @property
    def last(self) -> SentMessage:
        return self.api.last_message_to(self.user_id)

    def last_toast(self) -> str | None:
        answers = self.api.calls_to("answerCallbackQuery")
        return answers[-1].params.get("text") if answers else None


def text_update(update_id: int, text: str, user_id: int = 5) -> dict:
    """A raw update with a typed message, as Telegram posts it to a webhook."""
    user = {"id": user_id, "is_bot": False, "first_name": "T", "language_code": "en"}
    message = {
        "message_id": update_id,
        "date": 0,
        "chat": {"id": user_id, "type": "private"},
        "from": user,
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": update_id, "message": message}
