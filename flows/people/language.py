"""`/language`: choose the language Sleutel speaks with you; the confirmation, the menu
and the person's own command menu in Telegram switch at once.

```mermaid
stateDiagram-v2
    [*] --> choose: /language
    choose --> [*]: a language
```
"""

from __future__ import annotations

from flows.core.context import Choice, Context
from flows.core.languages import ENDONYMS
from flows.core.messages import LanguageName, _, verbatim

NAME = "language"


def language_choices(ctx: Context) -> list[list[Choice]]:
    """Each language in its own name, the current or suggested one first, two a row."""
    ordered = sorted(ctx.config.locales, key=lambda code: code != ctx.locale)
    buttons = [Choice(verbatim(ENDONYMS[c]), "lang", c) for c in ordered]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


async def start(ctx: Context, _arg: str) -> None:
    ctx.ask(NAME, "choose", _("Which language do you prefer?"), language_choices(ctx))


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    """Switch, and confirm in the new language."""
    if action != "lang" or arg not in ctx.config.locales:
        ctx.use_buttons()
        return
    await ctx.uow.people.set_locale(ctx.person.id, arg)
    ctx.locale = arg
    ctx.commands_changed = True
    ctx.finish()
    ctx.reply(
        _("From now on I will write to you in {language}.", language=LanguageName(arg)), ctx.menu()
    )
