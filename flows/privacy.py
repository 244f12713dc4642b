"""The privacy notice (shown at enrolment and with /privacy).

Plain words on what is kept, why, for how long, who sees it, the person's
rights, and what Sleutel cannot protect (Telegram itself and the phone).
"""

from __future__ import annotations

from flows.context import Context
from flows.messages import Button, Text, _, keyboard

NAME = "privacy"


def privacy_notice() -> Text:
    return _(
        "What Sleutel keeps about you:\n"
        "• the name you choose, your language and your role;\n"
        "• your Telegram number, so Sleutel can reach you;\n"
        "• the concerns you log: only initials, never names. Notes are cleaned "
        "of names and numbers and stored encrypted.\n\n"
        "Why: so your confidant can help you and nothing gets lost.\n"
        "How long: closed cases 180 days; your own data at most two years after you stop.\n"
        "Who sees it: your confidant, and your coordinator only when needed.\n"
        "Your rights: see, download or erase your data at any time (/privacy). "
        "You can complain to the Autoriteit Persoonsgegevens."
    )


def limits_notice() -> Text:
    return _(
        "What Sleutel cannot protect: Telegram keeps this chat on its servers and knows "
        "who talks with the bot and when. Your phone shows notifications and keeps the chat "
        "until you delete it. Lock your phone, and delete messages you do not need."
    )


async def start(ctx: Context, _arg: str) -> None:
    """The notice again, the limits, and the two rights one tap away."""
    ctx.reply(privacy_notice())
    ctx.reply(
        limits_notice(),
        keyboard(
            Button(_("Download my data"), "m:mydata"),
            Button(_("Erase my data"), "m:forget"),
        ),
    )
