"""Every flow family's commands, dialogues, buttons and timers, in one list.

The composition root (`bot.runtime`) hands `REGISTRY` to the engine. The order of
`COMMANDS` is the order of the main menu and of Telegram's command menu.
"""

from __future__ import annotations

from flows.broadcasts import broadcast, sending
from flows.cases import (
    actions,
    concern,
    directory,
    escalation,
    followup,
    note,
    service,
    signalpicker,
)
from flows.checkins import duress, rhythm, trend, visits, wellbeing
from flows.core import news, when
from flows.core.messages import _
from flows.core.registry import CommandSpec, Registry
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.intervision import attendance, goals, preparation
from flows.intervision import sessions as intervision
from flows.people import digest, enrolment, invite, language, manage
from flows.privacy import auditlog, forget, mydata, notice, retention

KEY_PERSONS = frozenset({KEY_PERSON})
COORDINATORS = frozenset({COORDINATOR})
HELPERS = frozenset({CONFIDANT, COORDINATOR})

COMMANDS = (
    CommandSpec(
        "concern",
        concern.start,
        KEY_PERSONS,
        menu=_("Something doesn't feel right"),
        description=_("Log a concern"),
    ),
    CommandSpec(
        "visit",
        visits.start,
        KEY_PERSONS,
        menu=_("Going on a visit"),
        description=_("Check on me during a visit"),
    ),
    CommandSpec("cases", service.start, menu=_("My cases"), description=_("Your cases")),
    CommandSpec("checkin", rhythm.start, KEY_PERSONS, menu=_("My check-ins")),
    CommandSpec(
        "wellbeing",
        trend.start,
        frozenset({CONFIDANT, COORDINATOR}),
        menu=_("Wellbeing"),
        description=_("How your key persons are doing"),
        look=True,
    ),
    CommandSpec("invite", invite.start, COORDINATORS, menu=_("Invite someone")),
    CommandSpec("people", manage.start, COORDINATORS, menu=_("People")),
    CommandSpec("intervision", intervision.start, HELPERS, menu=_("Intervision")),
    CommandSpec("broadcast", broadcast.start, COORDINATORS, menu=_("Broadcasts")),
    CommandSpec("audit", auditlog.start, COORDINATORS, menu=_("Access log")),
    CommandSpec("directory", directory.start, COORDINATORS, menu=_("Directory")),
    CommandSpec(
        "language",
        language.start,
        menu=_("Language"),
        description=_("Choose your language"),
        look=True,
    ),
    CommandSpec("digest", digest.start, HELPERS, description=_("Daily summary of news"), look=True),
    CommandSpec(
        "privacy",
        notice.start,
        menu=_("Privacy"),
        description=_("What Sleutel keeps about you"),
        look=True,
    ),
    CommandSpec("mydata", mydata.start, description=_("Download your data"), look=True),
    CommandSpec("forget", forget.start, description=_("Erase your data")),
    CommandSpec("goals", goals.start, KEY_PERSONS, description=_("Your development plan")),
    CommandSpec("codeword", duress.start, KEY_PERSONS, description=_("Set your private code word")),
)

REGISTRY = Registry(
    commands=COMMANDS,
    dialogues=(
        concern.CONCERN,
        signalpicker.SIGNALS,
        when.WHEN,
        note.TEXT_CHECK,
        invite.INVITE,
        manage.PEOPLE,
        auditlog.AUDIT,
        directory.DIRECTORY,
        language.LANGUAGE,
        digest.DIGEST,
        forget.FORGET,
        enrolment.ENROL,
        rhythm.CHECKIN,
        wellbeing.MESSAGE,
        *actions.FLOWS,
        visits.VISIT,
        intervision.INTERVISION,
        attendance.ATTENDANCE,
        intervision.MOVE,
        preparation.PRIVATE_NOTE,
        goals.GOALS,
        broadcast.BROADCAST,
        broadcast.UPDATE,
        duress.CODE_WORD,
    ),
    buttons={
        "case": actions.on_button,
        wellbeing.PREFIX: wellbeing.on_button,
        visits.PREFIX: visits.on_button,
        intervision.PREFIX: intervision.on_button,
        sending.PREFIX: broadcast.on_button,
    },
    timers={
        escalation.TIMER: escalation.on_timer,
        followup.TIMER: followup.on_timer,
        retention.TIMER: retention.on_timer,
        rhythm.ROUND: wellbeing.on_timer,
        wellbeing.PLANNER: wellbeing.on_planner,
        visits.DUE: visits.on_due,
        visits.ESCALATE: visits.on_escalate,
        intervision.REMIND: intervision.on_remind,
        attendance.AFTER: attendance.on_after,
        attendance.RULE: attendance.on_rule,
        preparation.START: preparation.on_start,
        news.DIGEST: news.on_digest,
        **broadcast.TIMERS,
    },
    read_ahead={escalation.TIMER: escalation.read_ahead},
    unreachable=(escalation.on_unreachable, visits.on_unreachable),
    free_text=(duress.on_text,),
    daily=(retention.ensure_scheduled, wellbeing.ensure_planned, attendance.ensure_scheduled),
    enrol=enrolment.start,
    enrol_flow=enrolment.NAME,
)
