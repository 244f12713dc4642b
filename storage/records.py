"""Plain records the repositories hand to the flows; no SQLAlchemy in sight."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class OrganisationRecord:
    id: int
    name: str
    default_locale: str
    ack_minutes: int
    urgent_ack_minutes: int
    case_retention_days: int = 180
    person_retention_days: int = 730
    checkin_days: int = 14
    visit_answer_minutes: int = 10
    visit_ack_minutes: int = 15
    visit_note_days: int = 30
    wellbeing_days: int = 365
    intervision_first_reminder_days: int = 7
    intervision_last_reminder_days: int = 1


@dataclass(frozen=True)
class MembershipRecord:
    organisation_id: int
    role: str
    confidant_id: int | None = None
    backup_id: int | None = None


@dataclass(frozen=True)
class PersonRecord:
    id: int
    telegram_id: int
    display_name: str
    locale: str
    active: bool
    reachable: bool
    memberships: tuple[MembershipRecord, ...] = ()
    area: str | None = None
    digest_hour: int | None = None

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(m.role for m in self.memberships)

    def membership(self, role: str) -> MembershipRecord | None:
        """The person's first membership in `role` (one organisation per role in practice)."""
        return next((m for m in self.memberships if m.role == role), None)


@dataclass(frozen=True)
class InviteRecord:
    id: int
    organisation_id: int
    role: str
    confidant_id: int | None
    backup_id: int | None
    expires_at: datetime
    used_at: datetime | None
    created_by_id: int | None = None


@dataclass
class ConversationRecord:
    """Where a chat stands: the flow and step, its draft, the version its buttons carry,
    the open question as it was asked (`prompt`, a message as JSON, to ask it again), and
    the conversation that waits underneath (`parent`, e.g. a concern while the person
    changes their language)."""

    flow: str
    step: str
    draft: dict[str, Any] = field(default_factory=dict)
    version: int = 1
    prompt: dict[str, Any] | None = None
    parent: ConversationRecord | None = None


@dataclass(frozen=True)
class OutboxRecord:
    id: int
    person_id: int | None
    telegram_id: int | None
    locale: str
    payload: dict[str, Any]
    attempts: int


@dataclass(frozen=True)
class TimerRecord:
    id: int
    kind: str
    subject: str
    payload: dict[str, Any]
    due_at: datetime
    attempts: int


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    actor_id: int | None
    action: str
    subject: str


@dataclass(frozen=True)
class CaseRecord:
    id: int
    reference: str
    organisation_id: int
    key_person_id: int | None
    confidant_id: int | None
    handler_id: int | None
    initials: str | None
    age_group: str | None
    relation: str | None
    children: str | None
    signals: tuple[str, ...]
    honour: bool
    urgent: bool
    note: str | None  # decrypted
    status: str
    stage: int
    created_at: datetime
    confirmed_at: datetime | None
    acknowledged_at: datetime | None
    risk: str | None = None
    follow_up_at: datetime | None = None
    closed_at: datetime | None = None
    note_locale: str | None = None  # the language the note was written in


@dataclass(frozen=True)
class CaseEventRecord:
    at: datetime
    actor_id: int | None
    action: str
    target_id: int | None
    body: str | None = None  # decrypted: a message about the case, already redacted


@dataclass(frozen=True)
class DirectoryRecord:
    id: int
    organisation_id: int
    kind: str
    name: str
    phone: str


@dataclass(frozen=True)
class CheckinPlanRecord:
    person_id: int
    organisation_id: int
    weekday: int | None  # 0 = Monday; None: the organisation's rhythm alone
    hour: int  # local time
    paused: bool
    unanswered: int  # check-ins in a row that got no answer
    next_at: datetime | None


@dataclass(frozen=True)
class CheckinAnswerRecord:
    id: int
    person_id: int
    organisation_id: int
    asked_at: datetime
    answered_at: datetime | None
    answer: str | None  # good, better, talk
    detail: str | None  # tired, worried, unsafe, home, other


@dataclass(frozen=True)
class VisitRecord:
    """A visit with a safety timer; `note` decrypted (already redacted on its way in)."""

    id: int
    reference: str
    organisation_id: int
    key_person_id: int | None
    confidant_id: int | None
    handler_id: int | None
    note: str | None
    status: str  # running, asking, alerting, ended
    stage: int
    urgent: bool
    started_at: datetime
    due_at: datetime
    ended_at: datetime | None = None


@dataclass(frozen=True)
class GroupRecord:
    id: int
    organisation_id: int
    name: str
    facilitator_id: int | None
    members: tuple[int, ...] = ()


@dataclass(frozen=True)
class SessionRecord:
    """An intervision session; `place` decrypted; `invited` maps person id to their answer
    (None: not answered yet)."""

    id: int
    reference: str
    organisation_id: int
    group_id: int | None
    facilitator_id: int | None
    starts_at: datetime
    place: str | None
    status: str
    invited: dict[int, str | None] = field(default_factory=dict)
    sequence: int = 0  # raised with every change, for calendars
    # per key person: (their own safety estimate, their confidant's)
    estimates: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Standing:
    """A key person and the two-month rule: `since` is their last attended intervision
    (`last`), or when they joined when they have had none."""

    person_id: int
    last: datetime | None
    since: datetime
    nudged_at: datetime | None


@dataclass(frozen=True)
class BroadcastRecord:
    """A broadcast, decrypted. `text` is in the author's language, `versions` maps other
    languages to their text; `answers` maps each recipient to their answer (None: none,
    or yes, maybe, no, wait: on the waiting list, offered: a freed place is offered);
    `waiting` is the waiting list in order, `offered` when each offer runs out."""

    id: int
    organisation_id: int
    author_id: int | None
    kind: str
    title: str
    text: str
    place: str | None
    starts_at: datetime | None
    audience: str
    status: str  # scheduled, sent, cancelled
    answers: dict[int, str | None] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    capacity: int | None = None
    send_at: datetime | None = None
    waiting: tuple[int, ...] = ()
    offered: dict[int, datetime] = field(default_factory=dict)

    def text_for(self, locale: str) -> str:
        return self.versions.get(locale, self.text)

    @property
    def places_taken(self) -> int:
        """Who is coming, and who holds an offered place."""
        return sum(1 for a in self.answers.values() if a in ("yes", "offered"))

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.places_taken >= self.capacity
