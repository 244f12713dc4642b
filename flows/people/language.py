"""`/language`: choose the language Sleutel speaks with you; the confirmation, the menu
and the person's own command menu in Telegram switch at once. Asked on top of an open
question, the question comes back when a language is chosen."""

from __future__ import annotations

from dataclasses import dataclass

from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Question, Step, begin
from flows.core.languages import ENDONYMS
from flows.core.messages import LanguageName, _, verbatim


@dataclass
class LanguageDraft:
    pass


def language_choices(ctx: Context) -> list[list[Choice]]:
    """Each language in its own name, the current or suggested one first, two a row."""
    ordered = sorted(ctx.config.locales, key=lambda code: code != ctx.locale)
    buttons = [Choice(verbatim(ENDONYMS[c]), "lang", c) for c in ordered]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def offered(ctx: Context, _draft: object) -> tuple[str, ...]:
    """The languages a language button may carry."""
    return ctx.config.locales


async def _switch(ctx: Context, _draft: LanguageDraft, code: str) -> Done:
    """Switch, and confirm in the new language."""
    await ctx.uow.people.set_locale(ctx.person.id, code)
    ctx.locale = code
    ctx.commands_changed = True
    ctx.reply(
        _("From now on I will write to you in {language}.", language=LanguageName(code)),
        ctx.menu(),
    )
    return Done()


LANGUAGE = Dialogue(
    "language",
    LanguageDraft,
    steps=(
        Step(
            "choose",
            ask=lambda ctx, _d: Question(_("Which language do you prefer?"), language_choices(ctx)),
            buttons={"lang": Answer(_switch, to=(END,), label="a language", args=offered)},
        ),
    ),
    title="/language",
)
NAME = LANGUAGE.name


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, LANGUAGE, LanguageDraft())
