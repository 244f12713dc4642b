"""The command menu Telegram shows, with descriptions in every language (setMyCommands)."""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats

from bot.i18n import Renderer
from flows.languages import DEFAULT_LOCALE
from flows.messages import _

COMMAND_DESCRIPTIONS = {
    "help": _("What can I do here?"),
    "concern": _("Log a concern"),
    "cases": _("Your cases"),
    "language": _("Choose your language"),
    "privacy": _("What Sleutel keeps about you"),
    "mydata": _("Download your data"),
    "forget": _("Erase your data"),
    "cancel": _("Stop the current question"),
}


def bot_commands(renderer: Renderer, locale: str) -> list[BotCommand]:
    return [
        BotCommand(name, renderer.render(text, locale))
        for name, text in COMMAND_DESCRIPTIONS.items()
    ]


async def publish_commands(bot: Bot, renderer: Renderer) -> None:
    """One list per language, and the default language's for everyone else."""
    scope = BotCommandScopeAllPrivateChats()
    await bot.set_my_commands(bot_commands(renderer, DEFAULT_LOCALE), scope=scope)
    for locale in renderer.locales:
        await bot.set_my_commands(bot_commands(renderer, locale), scope=scope, language_code=locale)
