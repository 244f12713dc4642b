"""SQLAlchemy models: the tables behind every flow.

Only `storage/` imports SQLAlchemy. Rows never leave this package: the
repositories turn them into the plain records of `storage.records`.

Privacy notes, kept true by tests:
- no table has a column for a client's name, only `case.initials`;
- free text (case notes, case messages, outbox payloads) is stored
  encrypted (`storage.crypto`), never as readable text;
- the inbox keeps the raw Telegram update only until it is processed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the tzinfo)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    default_locale: Mapped[str] = mapped_column(String(8), default="nl")
    ack_minutes: Mapped[int] = mapped_column(Integer, default=240)
    urgent_ack_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # Retention (DOMAIN.md, privacy): closed cases become anonymous statistics after
    # `case_retention_days`; people who left are deleted after `person_retention_days`.
    case_retention_days: Mapped[int] = mapped_column(Integer, default=180)
    person_retention_days: Mapped[int] = mapped_column(Integer, default=730)
    # Safety check-ins (DOMAIN.md, intervision and safety): a wellbeing round every
    # `checkin_days`; a visit's safety question waits `visit_answer_minutes` before it is
    # asked again and then goes up the chain, each step waiting `visit_ack_minutes`.
    checkin_days: Mapped[int] = mapped_column(Integer, default=14)
    visit_answer_minutes: Mapped[int] = mapped_column(Integer, default=10)
    visit_ack_minutes: Mapped[int] = mapped_column(Integer, default=15)
    visit_note_days: Mapped[int] = mapped_column(Integer, default=30)
    wellbeing_days: Mapped[int] = mapped_column(Integer, default=365)
    # Intervision reminders: this many days before a session, and again this many.
    intervision_first_reminder_days: Mapped[int] = mapped_column(Integer, default=7)
    intervision_last_reminder_days: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    reachable: Mapped[bool] = mapped_column(Boolean, default=True)
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A private code word that looks like "I'm safe" and raises a silent alert: only
    # ever a salted scrypt hash (`flows.checkins.duress`).
    duress_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The neighbourhood someone works in, set by a coordinator: broadcasts go by area.
    area: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The local hour non-urgent news comes as one daily digest (None: at once).
    digest_hour: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Membership(Base):
    """A person's role in one organisation; a key person's confidant and backup live here."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("person_id", "organisation_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    role: Mapped[str] = mapped_column(String(16))
    confidant_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    backup_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )


class Invite(Base):
    """A one-time enrolment code; only its SHA-256 hash is kept."""

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    role: Mapped[str] = mapped_column(String(16))
    confidant_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    backup_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Conversation(Base):
    """Where a chat stands in a flow, keyed by Telegram user id so enrolment can use it too."""

    __tablename__ = "conversation"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    draft: Mapped[str] = mapped_column(Text)  # encrypted JSON: drafts may hold free text
    version: Mapped[int] = mapped_column(Integer, default=1)
    prompt: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted open question
    parent: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted waiting flow
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InboxUpdate(Base):
    """Every Telegram update, committed before Telegram is told it arrived.

    `chat_id` (the sender) keeps each person's updates in order while different
    people's are handled side by side; an update that cannot be stored or handled
    is set aside (`status` "failed") with its kind and `reason` only.
    """

    __tablename__ = "inbox_update"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted, cleared when done
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    kind: Mapped[str | None] = mapped_column(String(24), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(24), nullable=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_inbox_update_status", "status", "update_id"),
        Index("ix_inbox_update_chat", "status", "chat_id", "update_id"),
    )


class OutboxMessage(Base):
    """A message for someone other than the sender, delivered by the dispatcher."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=True
    )
    payload: Mapped[str] = mapped_column(Text)  # encrypted JSON of the untranslated message
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    error: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # What a message belongs to ("B12": broadcast 12): at most one per topic and person,
    # so a broadcast queued again after a crash reaches nobody twice.
    topic: Mapped[str | None] = mapped_column(String(32), nullable=True)

    __table_args__ = (
        Index("ix_outbox_message_due", "status", "next_attempt_at"),
        Index("ix_outbox_message_person", "status", "person_id", "id"),
        Index("ux_outbox_message_topic_person", "topic", "person_id", unique=True),
    )


class SendWindow(Base):
    """Messages sent in one wall-clock second, by all workers together."""

    __tablename__ = "send_window"

    second: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    sent: Mapped[int] = mapped_column(Integer, default=0)


class Timer(Base):
    """Something the clock must do later; the row is the truth, APScheduler only wakes us."""

    __tablename__ = "timer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_timer_due", "status", "due_at"),
        Index("ix_timer_subject", "kind", "subject"),
        Index("ix_timer_subject_status", "subject", "status", "due_at"),
    )


class AuditEvent(Base):
    """Who did what to what, when — never the content."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(48))
    subject: Mapped[str] = mapped_column(String(32), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), nullable=True
    )

    __table_args__ = (Index("ix_audit_event_subject", "subject", "at"),)


class Case(Base):
    """A concern a key person logged. The client is never more than initials; the note
    is stored encrypted; signals are catalogue codes. Status runs open → acknowledged →
    (monitoring | referred) → closed; handler, risk and follow-up serve the confidant's
    handling. `confirmed_at` stays empty while an urgent case is still being described.
    """

    __tablename__ = "case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(8), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    key_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    confidant_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    handler_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    initials: Mapped[str | None] = mapped_column(String(12), nullable=True)
    age_group: Mapped[str | None] = mapped_column(String(16), nullable=True)
    relation: Mapped[str | None] = mapped_column(String(24), nullable=True)
    children: Mapped[str | None] = mapped_column(String(8), nullable=True)
    signals: Mapped[list] = mapped_column(JSON, default=list)
    honour: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted
    note_locale: Mapped[str | None] = mapped_column(String(8), nullable=True)  # written in
    status: Mapped[str] = mapped_column(String(16), default="open")
    stage: Mapped[int] = mapped_column(Integer, default=0)  # how far up the escalation chain
    risk: Mapped[str | None] = mapped_column(String(16), nullable=True)
    follow_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_case_confidant", "confidant_id", "status"),
        Index("ix_case_handler", "handler_id", "status"),
        Index("ix_case_key_person", "key_person_id", "created_at"),
    )


class CaseEvent(Base):
    """The chronology of a case: every read and change, who and when — never content."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )  # None: the clock did it
    action: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )  # whom it concerned, e.g. the person alerted
    # A message about the case (redacted, then encrypted); the only content in the chronology.
    body: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        Index("ix_case_event_case", "case_id", "at"),
        # Whom a case was brought to (`/cases`, the escalation chain), and what a
        # person wrote (`/mydata`): without these, a scan of the whole chronology.
        Index("ix_case_event_target", "target_id", "action", "case_id"),
        Index("ix_case_event_actor", "actor_id", "action"),
    )


class DirectoryEntry(Base):
    """A professional an organisation works with, by kind (Veilig Thuis, neighbourhood team…)."""

    __tablename__ = "directory_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_directory_entry_org", "organisation_id", "kind"),)


class ShownMessage(Base):
    """A message in someone's chat that showed a case's details, so that it can be
    deleted from that chat when the case is closed (a phone may be looked at)."""

    __tablename__ = "shown_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_shown_message_case", "case_id", "person_id"),)


class CheckinPlan(Base):
    """When a key person gets their wellbeing check-in: a weekday and a local hour of
    their choosing (empty: the organisation's rhythm), or paused while on leave."""

    __tablename__ = "checkin_plan"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0 = Monday
    hour: Mapped[int] = mapped_column(Integer, default=10)  # local time
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    unanswered: Mapped[int] = mapped_column(Integer, default=0)  # in a row
    next_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CheckinAnswer(Base):
    """One wellbeing check-in: when it was asked and the answer, as codes (no free text)."""

    __tablename__ = "checkin_answer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answer: Mapped[str | None] = mapped_column(String(16), nullable=True)  # good, better, talk
    detail: Mapped[str | None] = mapped_column(String(16), nullable=True)  # tired, unsafe ...

    __table_args__ = (Index("ix_checkin_answer_person", "person_id", "asked_at"),)


class Visit(Base):
    """A key person's meeting or home visit with a safety timer. Never where: the
    optional note is redacted (an address is taken out) and encrypted. Status runs
    running → asking (the safety question is out) → alerting (up the chain) →
    ended; `stage` is how far up the escalation chain it went."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(8), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    key_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    confidant_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    handler_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )  # who acknowledged the alert
    note: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted
    status: Mapped[str] = mapped_column(String(16), default="running")
    stage: Mapped[int] = mapped_column(Integer, default=0)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_visit_key_person", "key_person_id", "status"),)


class VisitEvent(Base):
    """The chronology of a visit: asked, alerted, acknowledged, ended — never content."""

    __tablename__ = "visit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )

    __table_args__ = (
        Index("ix_visit_event_visit", "visit_id", "at"),
        Index("ix_visit_event_target", "target_id", "action", "visit_id"),
    )


class IntervisionGroup(Base):
    """Key persons who meet for intervision with a confidant who leads the group."""

    __tablename__ = "intervision_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    name: Mapped[str] = mapped_column(String(64))
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GroupMember(Base):
    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )


class IntervisionSession(Base):
    """One intervision meeting, for a group or one key person; the place is optional
    free text (a room, a link) and kept encrypted."""

    __tablename__ = "intervision_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(8), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="SET NULL"), nullable=True
    )
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted
    status: Mapped[str] = mapped_column(String(16), default="planned")  # or cancelled
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # a calendar's SEQUENCE
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SessionInvite(Base):
    """Who is invited to a session and what they answered (coming / declined)."""

    __tablename__ = "session_invite"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    answer: Mapped[str | None] = mapped_column(String(16), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attended: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # marked afterwards
    # The handbook's safety estimate before the session: the key person's own and their
    # confidant's (safe / worries / unsafe), shown side by side at the session.
    own_estimate: Mapped[str | None] = mapped_column(String(16), nullable=True)
    confidant_estimate: Mapped[str | None] = mapped_column(String(16), nullable=True)

    __table_args__ = (Index("ix_session_invite_person", "person_id", "session_id"),)


class IntervisionNudge(Base):
    """When a key person and their confidant were last reminded to plan intervision
    (the two-month rule), so that each stretch without one is reminded once."""

    __tablename__ = "intervision_nudge"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    nudged_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PrivateNote(Base):
    """A note a key person writes for themselves before a session (redacted, encrypted),
    shown back only to them when the session begins and deleted after it."""

    __tablename__ = "private_note"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="CASCADE")
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)  # encrypted


class DevelopmentGoal(Base):
    """A goal of a key person's personal development plan (handbook annex 5.2): at most
    three, reviewed at intervision; redacted and encrypted, their own data."""

    __tablename__ = "development_goal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)  # encrypted
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Broadcast(Base):
    """A coordinator's message to many: a theme-session invitation (with a time, a place
    and answers) or an announcement. Title, place and text are encrypted."""

    __tablename__ = "broadcast"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # invitation, announcement
    title: Mapped[str] = mapped_column(Text)  # encrypted
    text: Mapped[str] = mapped_column(Text)  # encrypted
    place: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    audience: Mapped[str] = mapped_column(String(200))  # see flows.broadcasts.audience
    versions: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted JSON
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    send_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="sent")  # scheduled, cancelled
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BroadcastRecipient(Base):
    """Who a broadcast went to — once each: the key is the broadcast and the person —
    and what they answered."""

    __tablename__ = "broadcast_recipient"

    broadcast_id: Mapped[int] = mapped_column(
        ForeignKey("broadcast.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    answer: Mapped[str | None] = mapped_column(String(16), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    offered_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DigestItem(Base):
    """A piece of non-urgent news held for someone's daily digest (encrypted message)."""

    __tablename__ = "digest_item"
    __table_args__ = (Index("ix_digest_item_person", "person_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
