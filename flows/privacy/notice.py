"""The privacy notice (shown at enrolment and with /privacy).

Plain words on what is kept, why, for how long, who sees it, the person's
rights, and what Sleutel cannot protect (Telegram itself and the phone).
"""

from __future__ import annotations

from flows.core.callbacks import menu_data
from flows.core.context import Context
from flows.core.messages import Button, Text, _, _n, keyboard
from storage.records import OrganisationRecord

NAME = "privacy"


def period(days: int) -> Text:
    """180 days reads as "6 months", 730 as "2 years"."""
    if days % 365 == 0:
        return _n("{n} year", "{n} years", days // 365)
    if days % 30 == 0:
        return _n("{n} month", "{n} months", days // 30)
    return _n("{n} day", "{n} days", days)


def privacy_notice(organisation: OrganisationRecord) -> Text:
    """The notice with the organisation's own retention periods."""
    return _(
        "What Sleutel keeps about you:\n"
        "• the name you choose, your language and your role;\n"
        "• your Telegram account id (never your phone number), so Sleutel can reach you;\n"
        "• the concerns you log: only initials, never names. Notes are cleaned "
        "of names and numbers and stored encrypted.\n\n"
        "Why: so your confidant can help you and nothing gets lost.\n"
        "How long: closed cases {case_period}; your own data at most {person_period} "
        "after you stop.\n"
        "Who sees it: your confidant, and your coordinator only when needed.\n"
        "Your rights: see, download or erase your data at any time (/privacy). "
        "You can complain to the Autoriteit Persoonsgegevens.",
        case_period=period(organisation.case_retention_days),
        person_period=period(organisation.person_retention_days),
    )


def limits_notice() -> Text:
    return _(
        "What Sleutel cannot protect: Telegram keeps this chat on its servers and knows "
        "who talks with the bot and when. Your phone shows notifications and keeps the chat "
        "until you delete it. Lock your phone, and delete messages you do not need."
    )


async def start(ctx: Context, _arg: str) -> None:
    """The notice again, the limits, and the two rights one tap away."""
    organisation = await ctx.uow.people.organisation(ctx.person.memberships[0].organisation_id)
    ctx.reply(privacy_notice(organisation))
    ctx.reply(
        limits_notice(),
        keyboard(
            Button(_("Download my data"), menu_data("mydata")),
            Button(_("Erase my data"), menu_data("forget")),
        ),
    )
