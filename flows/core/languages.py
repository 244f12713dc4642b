"""Languages Sleutel speaks, each named in its own language and script.

Endonyms are data, not translations: a person looking for their language
finds it written as they write it, whatever language the bot speaks now.
"""

from __future__ import annotations

ENDONYMS = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "uk": "Українська",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "fa": "فارسی",
    "es": "Español",
}
RIGHT_TO_LEFT = frozenset({"ar", "fa"})
DEFAULT_LOCALE = "nl"

# Telegram sends IETF tags ("ar-MA", "pt-BR"); a few neighbours map to a
# language we have: Moroccan Arabic, Dari (written Persian), Papiamento
# speakers often read Spanish well.
_ALIASES = {"ary": "ar", "arq": "ar", "prs": "fa", "pap": "es"}


def match_language(code: str | None, available: tuple[str, ...]) -> str | None:
    """The supported language closest to Telegram's `language_code`, if any."""
    if not code:
        return None
    primary = code.replace("_", "-").split("-")[0].lower()
    primary = _ALIASES.get(primary, primary)
    return primary if primary in available else None
