"""What a flow step gets to work with, and how it answers.

A step reads `ctx.person`, `ctx.state` and the event, uses `ctx.uow` for data,
and answers through `ctx.reply` (to the sender), `ctx.ask` (a question that
keeps the conversation open), `ctx.notify` (someone else, via the outbox) and
`ctx.finish`. Nothing is sent from here: the engine commits first, then `bot/`
renders and sends.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from flows.core.callbacks import case_data, choice_data, rebase_choice
from flows.core.events import Event
from flows.core.menu import menu_keyboard
from flows.core.messages import Button, Document, Keyboard, Reply, Text, _, from_json, to_json
from flows.core.ports import Storage
from storage.records import ConversationRecord, PersonRecord

if TYPE_CHECKING:
    from flows.core.registry import CommandSpec

DRAFT_LIFETIME = timedelta(hours=24)
USE_BUTTONS = _("Please use the buttons of the last question.")


def next_version(last: int, now: datetime) -> int:
    """Versions only grow, even after a conversation row was purged: seconds are a floor."""
    return max(last + 1, int(now.timestamp()))


@dataclass(frozen=True)
class FlowConfig:
    """Deployment facts a flow may need."""

    bot_username: str = "sleutel_bot"
    locales: tuple[str, ...] = ("nl", "en")
    invite_days: int = 7
    commands: tuple[CommandSpec, ...] = ()  # what the engine routes (`flows.core.registry`)
    timezone: str = "Europe/Amsterdam"  # local time (`SLEUTEL_TIMEZONE`): check-in hours

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Choice:
    """A button of the open question; the engine adds the state version to its data."""

    label: Text
    action: str
    arg: str = ""


@dataclass
class Context:
    uow: Storage
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
    resumed: bool = False  # a flow ended and the question waiting underneath is open again
    _underneath: ConversationRecord | None = None  # while `aside` runs a command
    dialogues: Mapping[str, Any] = field(default_factory=dict)  # by name, for `flows.core.dialogue`

    @property
    def draft(self) -> dict:
        assert self.state is not None, "no open conversation"
        return self.state.draft

    @property
    def question_waiting(self) -> bool:
        """A question waits to be answered after what is being shown now."""
        underneath = self.state is not None and self.state.parent is not None
        return self._underneath is not None or self.resumed or underneath

    def menu(self) -> Keyboard:
        """The main menu buttons for this person's roles; none while a question waits
        to be answered again (a tap on the menu would leave it)."""
        if self.question_waiting:
            return ()
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
        parent: ConversationRecord | object | None = ...,
    ) -> None:
        """Open (or move on) a conversation and ask its next question.

        Each question gets a new version; its buttons carry that version, so a
        tap on an older question's button is recognised as stale. `parent` is the
        conversation waiting underneath (a host, or the question a look interrupted);
        by default the same flow keeps its own and a new one gets what `aside` set.
        """
        version = next_version(self.last_version, self.now)
        same_flow = self.state is not None and self.state.flow == flow
        if draft is None:
            draft = self.state.draft if same_flow else {}
        rows = tuple(
            tuple(Button(c.label, choice_data(version, c.action, c.arg)) for c in row)
            for row in choices or []
        )
        self.state = ConversationRecord(
            flow,
            step,
            draft,
            version,
            prompt=to_json(Reply(text, rows, protect)),
            parent=(self.state.parent if same_flow else self._underneath)
            if parent is ...
            else parent,
        )
        self.last_version = version
        self.state_dirty = True
        self.replies.append(Reply(text, rows, protect, edit))

    def ask_again(self) -> None:
        """The open question once more, as it was asked, with buttons that work: for a
        stale button, a message at a question that wants a tap, or a reply that never
        reached the person (the bot stopped between the commit and sending it)."""
        if self.state is not None and self.state.prompt:
            self.replies.append(from_json(self.state.prompt))

    def opening_parent(self) -> ConversationRecord | None:
        """What a dialogue opened now returns to: the question a look interrupted."""
        return self._underneath

    def hold(self, flow: str, step: str, draft: dict) -> None:
        """Wait at a step without a question of its own: a sub-dialogue asks on top."""
        same_flow = self.state is not None and self.state.flow == flow
        parent = self.state.parent if same_flow else self._underneath
        version = self.state.version if self.state is not None else 0
        self.state = ConversationRecord(flow, step, draft, version, parent=parent)
        self.state_dirty = True

    def keep_draft(self, draft: dict) -> None:
        """The open question stays; its draft changed."""
        if self.state is not None:
            self.state, self.state_dirty = replace(self.state, draft=draft), True

    def use_buttons(self) -> None:
        """The answer does not fit the open question: say so, and ask it again."""
        self.reply(USE_BUTTONS)
        self.ask_again()

    async def aside(self, command: Callable[[], Awaitable[None]]) -> None:
        """Run a command that only shows something (/help, /privacy, /mydata) or asks one
        thing (/language) on top of the open question, which waits with its draft: shown
        again at once, or when the command's own question is answered (`finish`)."""
        waiting = self.state
        self.state, self._underneath = None, waiting
        try:
            await command()
        finally:
            self._underneath = None
        if self.state is None:
            self.state = waiting
            self.ask_again()

    def delete_messages(self, message_ids: list[int]) -> None:
        """Ask for messages in this person's chat to be deleted (theirs and the bot's).

        In a private chat both sides share one counter of message ids, so a flow
        that remembers where a conversation began can clear everything since.
        """
        self.deletions.extend(message_ids)

    def finish(self) -> None:
        """Close the open conversation, if any; a question waiting underneath is open again,
        with a new version (`resume_question` asks it)."""
        if self.state is None:
            return
        waiting = self.state.parent
        self.state, self.state_dirty = None, True
        if waiting is not None and waiting.prompt is not None:
            version = next_version(self.last_version, self.now)
            prompt = dict(waiting.prompt)
            prompt["buttons"] = [
                [{**b, "data": rebase_choice(b["data"], version)} for b in row]
                for row in waiting.prompt["buttons"]
            ]
            self.state = replace(waiting, version=version, prompt=prompt)
            self.last_version = version
            self.resumed = True

    def finish_all(self) -> None:
        """Close the open conversation and any waiting underneath it."""
        if self.state is not None:
            self.state, self.state_dirty = None, True

    def resume_question(self) -> None:
        """After the replies of a flow that ended: the question that waited, asked again."""
        if self.resumed and self.state is not None:
            self.ask_again()

    async def notify(
        self,
        person_id: int,
        text: Text,
        buttons: Keyboard = (),
        *,
        protect: bool = True,
        shows_case: str | None = None,
        case: str | None = None,
    ) -> None:
        """Queue a message for someone else; it is sent after this event commits.

        `shows_case` marks a message that shows a case's details (see `reply`). A message
        sent because of a case (`case`, its reference) is held back: a phone shows a
        notice on its lock screen, so what arrives says only that there is something new,
        with an Open button; the message itself is shown after the tap (`flows.cases.news`).
        """
        message = Reply(text, buttons, protect, shows_case=shows_case)
        if case is None:
            await self.uow.outbox.add(person_id, to_json(message), now=self.now)
            return
        notice = Reply(
            _("There is something new about {ref}.", ref=case),
            ((Button(_("Open"), case_data("news", case)),),),
            protect,
        )
        payload = to_json(notice) | {"held": to_json(message) | {"case": case}}
        await self.uow.outbox.add(person_id, payload, now=self.now)

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
