"""The signal catalogue of SIGNALS.md: what a key person may have noticed.

Codes are stable and never shown; cases store codes, so a label can be
reworded or translated without touching a stored case. Every label is a msgid.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.core.messages import N_, Text, _

OTHER = "other"  # "Other / not in the list": counts as a signal, belongs to no group
HONOUR_GROUP = "honour"


@dataclass(frozen=True)
class Group:
    code: str
    label: str
    signals: tuple[tuple[str, str], ...]  # (code, label)


GROUPS = (
    Group("phys", N_("Physical"), (("phys.bruises", N_("Bruises or injuries")),)),
    Group(
        "neglect",
        N_("Neglect"),
        (
            ("neglect.unkempt", N_("Looks unkempt")),
            ("neglect.clothes_small", N_("Clothes too small")),
            ("neglect.clothes_season", N_("Dressed wrong for the weather")),
            ("neglect.same_clothes", N_("Always the same clothes")),
            ("neglect.hunger", N_("Not enough food")),
        ),
    ),
    Group(
        "behav",
        N_("Behaviour"),
        (
            ("behav.tired", N_("Tired")),
            ("behav.absent", N_("Absent, withdrawn")),
            ("behav.unusual", N_("Unusual behaviour")),
            ("behav.not_at_ease", N_("Slow to feel at ease")),
            ("behav.avoids_home", N_("Does not want to go home")),
            ("behav.worries", N_("Worries a lot, headaches")),
        ),
    ),
    Group(
        "child",
        N_("Child"),
        (
            ("child.late", N_("Child often late")),
            ("child.language_delay", N_("Language delay")),
            ("child.hides", N_("Child hides during fights")),
            ("child.restless_school", N_("Restless, struggling at school")),
        ),
    ),
    Group(
        "isol",
        N_("Isolation and control"),
        (
            ("isol.rarely_out", N_("Rarely leaves the house")),
            ("isol.cut_off_family", N_("Cut off from family")),
            ("isol.money_control", N_("No say over money, hidden debts")),
            ("isol.fear_partner", N_("Afraid of partner or family")),
            ("isol.moods_partner", N_("Partner's sudden rage")),
            ("isol.no_help_seeking", N_("Does not know where to get help")),
        ),
    ),
    Group(
        "house",
        N_("Household stress"),
        (
            ("house.fights", N_("Fights at home, neighbours hear them")),
            ("house.alcohol", N_("Alcohol or drugs")),
            ("house.unemployed", N_("Unemployment")),
            ("house.money", N_("Money problems, debts")),
        ),
    ),
    Group(
        HONOUR_GROUP,
        N_("Honour-related"),
        (
            ("honour.threat", N_("Family honour at stake")),
            ("honour.forced_marriage", N_("Forced marriage")),
            ("honour.hidden_woman", N_("Kept hidden, under coercion")),
        ),
    ),
    Group(
        "told",
        N_("Told me directly"),
        (
            ("told.adult", N_("She or he told me about violence")),
            ("told.child", N_("A child told me")),
        ),
    ),
)

GROUP_BY_CODE = {g.code: g for g in GROUPS}
LABELS = {code: label for g in GROUPS for code, label in g.signals} | {
    OTHER: N_("Other / not in the list")
}


def signal_label(code: str) -> Text:
    """The translatable label of a stored code (an unknown code is shown as it is)."""
    return _(LABELS[code]) if code in LABELS else Text("{value}", {"value": code})


def group_of(code: str) -> str:
    return code.split(".", 1)[0]


def is_honour(codes: list[str] | tuple[str, ...]) -> bool:
    return any(group_of(code) == HONOUR_GROUP for code in codes if code != OTHER)


def in_catalogue_order(codes: set[str] | list[str]) -> list[str]:
    """Chosen codes sorted as the catalogue lists them, "other" last."""
    return [code for code in LABELS if code in set(codes)]
