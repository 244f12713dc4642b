"""Moved to `bot.emulator`; this name stays for the tests that still import it."""

from bot.emulator import *  # noqa: F403
from bot.emulator import MEDIA_KINDS, ApiCall, FakeBotAPI, SentMessage  # noqa: F401
