"""The command menu Telegram shows, with descriptions in every language (setMyCommands).

Everyone gets a general list in their Telegram app's language. Once enrolled, and
again when they switch language, a person gets a list of their own (chat scope):
only the commands of their roles, in the language they chose in Sleutel.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import TelegramError

from bot.i18n import Renderer
from flows.core.engine import BUILTIN_DESCRIPTIONS
from flows.core.languages import DEFAULT_LOCALE
from flows.registry import COMMANDS

log = logging.getLogger(__name__)

# Every command's line in the menu: the engine's own, then each flow family's.
DESCRIPTIONS = BUILTIN_DESCRIPTIONS | {spec.name: spec.summary for spec in COMMANDS}
GENERAL = ("help", *(spec.name for spec in COMMANDS if spec.description), "cancel")  # for everyone


def bot_commands(
    renderer: Renderer, locale: str, names: Iterable[str] = GENERAL
) -> list[BotCommand]:
    return [BotCommand(name, renderer.render(DESCRIPTIONS[name], locale)) for name in names]


async def publish_personal_commands(
    bot: Bot, renderer: Renderer, chat_id: int, locale: str, names: Iterable[str]
) -> None:
    await bot.set_my_commands(
        bot_commands(renderer, locale, names), scope=BotCommandScopeChat(chat_id)
    )


async def publish_commands(bot: Bot, renderer: Renderer) -> None:
    """One list per language, and the default language's for everyone else. A Bot API
    that refuses command menus costs the menu, never the bot."""
    scope = BotCommandScopeAllPrivateChats()
    try:
        await bot.set_my_commands(bot_commands(renderer, DEFAULT_LOCALE), scope=scope)
        for locale in renderer.locales:
            await bot.set_my_commands(
                bot_commands(renderer, locale), scope=scope, language_code=locale
            )
    except TelegramError:
        log.warning("command menus not published")
