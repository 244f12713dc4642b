"""What a flow step gets to work with, and how it answers.

A step reads `ctx.person`, `ctx.state` and the event, uses `ctx.uow` for data,
and answers through `ctx.reply` (to the sender), `ctx.ask` (a question that
keeps the conversation open), `ctx.notify` (someone else, via the outbox) and
`ctx.finish`. Nothing is sent from here: the engine commits first, then `bot/`
renders and sends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flows.events import Event
from flows.menu import menu_keyboard
from flows.messages import Button, Document, Keyboard, Reply, Text, _, to_json
from storage.database import UnitOfWork
from storage.records import ConversationRecord, PersonRecord

DRAFT_LIFETIME = timedelta(hours=24)
USE_BUTTONS = _("Please use the buttons of the last question.")


def next_version(last: int, now: datetime) -> int:
    """Versions only grow, even after a conversation row was purged: seconds are a floor."""
    return max(last + 1, int(now.timestamp()))


def encode_version(version: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        version, rest = divmod(version, 36)
        out = digits[rest] + out
        if version == 0:
            return out


def decode_version(text: str) -> int | None:
    try:
        return int(text, 36)
    except ValueError:
        return None


@dataclass(frozen=True)
class FlowConfig:
    """Deployment facts a flow may need."""

    bot_username: str = "sleutel_bot"
    locales: tuple[str, ...] = ("nl", "en")
    invite_days: int = 7
    commands: frozenset[str] = frozenset()  # the commands the engine can route


@dataclass(frozen=True)
class Choice:
    """A button of the open question; the engine adds the state version to its data."""

    label: Text
    action: str
    arg: str = ""


@dataclass
class Context:
    uow: UnitOfWork
    now: datetime
    event: Event | None  # None when the clock, not a person, set things in motion
    config: FlowConfig
    person: PersonRecord | None
    locale: str
    state: ConversationRecord | None
    last_version: int = 0
    replies: list[Reply] = field(default_factory=list)
    toast: Text | None = None
    deletions: list[int] = field(default_factory=list)
    commands_changed: bool = False  # roles or language changed: refresh the command menu
    state_dirty: bool = False

    @property
    def draft(self) -> dict:
        assert self.state is not None, "no open conversation"
        return self.state.draft

    def menu(self) -> Keyboard:
        """The main menu buttons for this person's roles."""
        roles = self.person.roles if self.person else frozenset()
        return menu_keyboard(roles, self.config.commands)

    def reply(
        self,
        text: Text,
        buttons: Keyboard = (),
        *,
        protect: bool = False,
        document: Document | None = None,
        edit: bool = False,
        shows_case: str | None = None,
    ) -> None:
        """Answer the sender. `shows_case` names the case whose details the message shows,
        so that it can be cleared from the chat when the case is closed."""
        self.replies.append(
            Reply(text, buttons, protect, edit, document=document, shows_case=shows_case)
        )

    def ask(
        self,
        flow: str,
        step: str,
        text: Text,
        choices: list[list[Choice]] | None = None,
        *,
        draft: dict | None = None,
        protect: bool = False,
        edit: bool = False,
    ) -> None:
        """Open (or move on) a conversation and ask its next question.

        Each question gets a new version; its buttons carry that version, so a
        tap on an older question's button is recognised as stale.
        """
        version = next_version(self.last_version, self.now)
        if draft is None:
            draft = self.state.draft if self.state and self.state.flow == flow else {}
        self.state = ConversationRecord(flow, step, draft, version)
        self.last_version = version
        self.state_dirty = True
        rows = tuple(
            tuple(Button(c.label, f"c:{encode_version(version)}:{c.action}:{c.arg}") for c in row)
            for row in choices or []
        )
        self.replies.append(Reply(text, rows, protect, edit))

    def delete_messages(self, message_ids: list[int]) -> None:
        """Ask for messages in this person's chat to be deleted (theirs and the bot's).

        In a private chat both sides share one counter of message ids, so a flow
        that remembers where a conversation began can clear everything since.
        """
        self.deletions.extend(message_ids)

    def finish(self) -> None:
        """Close the open conversation, if any."""
        if self.state is not None:
            self.state = None
            self.state_dirty = True

    async def notify(
        self,
        person_id: int,
        text: Text,
        buttons: Keyboard = (),
        *,
        protect: bool = True,
        shows_case: str | None = None,
    ) -> None:
        """Queue a message for someone else; it is sent after this event commits.

        `shows_case` marks a message that shows a case's details (see `reply`).
        """
        message = Reply(text, buttons, protect, shows_case=shows_case)
        await self.uow.outbox.add(person_id, to_json(message), now=self.now)

    async def audit(
        self, action: str, subject: str = "", organisation_id: int | None = None
    ) -> None:
        await self.uow.audit.record(
            action,
            now=self.now,
            actor_id=self.person.id if self.person else None,
            subject=subject,
            organisation_id=organisation_id,
        )

    async def save_state(self) -> None:
        if not self.state_dirty or self.event is None:
            return
        if self.state is None:
            await self.uow.conversations.clear(self.event.telegram_id)
        else:
            await self.uow.conversations.save(
                self.event.telegram_id, self.state, expires_at=self.now + DRAFT_LIFETIME
            )
