"""Bad input at every open question, through the real bot (fake Bot API → getUpdates →
inbox → PTB Application → engine → replies).

Each dialogue is walked once: at every step a batch of wrong inputs goes in (every
message kind Sleutel does not keep, forwarded and edited messages, texts of 4,096 and
20,000 characters, empty and invisible text, emoji only, bidi and zero-width characters,
HTML, forged and stale buttons, commands), then the right answer, which also brings the
walk to the next step. After each input: a kind answer in the person's language (never
English for a Dutch or Arabic person, never silence), the same open question with the
same draft, nothing half-written; at the end, no identifier from any input anywhere in
the database (encrypted columns decrypted with the test key). At a question that takes
typed text, each text goes in alone: refused, or taken as the answer (cleaned), and then
the person goes back to the question.

Lone surrogates and control characters are cleaned at the door: answered like any
text, and the next input is answered too (`test_dirty_text_…`). One walk per dialogue
serves every test item of that dialogue.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from chat import Chat
from people import add_organisation, enrol, invite_code
from scan import stored_identifiers
from sqlalchemy import func, select
from team import no_chat_pacing  # noqa: F401 (autouse fixture)

from bot.emulator import FakeBotAPI, SentMessage
from bot.runtime import Runtime
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from storage.models import Case, CaseEvent


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """Bad input is about the flows, not the database: SQLite only (the storage, crash,
    worker and end-to-end tests run on PostgreSQL too)."""
    return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


# --- what goes in -------------------------------------------------------------------------

IDENTIFIERS = ("Fatima", "Yilmaz", "12345678", "fatima.yilmaz@example.com", "example.com")
NAME_AND_CONTACT = "Fatima Yilmaz, 06-12345678, fatima.yilmaz@example.com"


def _padded(size: int) -> str:
    head = f"{NAME_AND_CONTACT} "
    return head + "ن" * (size - len(head))


@dataclass(frozen=True)
class Bad:
    name: str
    kind: str  # media, text, forward, edit, forged, stale, command
    value: str = ""


MEDIA = tuple(
    Bad(kind, "media", kind)
    for kind in (
        "sticker",
        "photo",
        "voice",
        "video_note",
        "document",
        "location",
        "contact",
        "poll",
        "dice",
    )
)
TEXTS = (
    Bad("forwarded", "forward", NAME_AND_CONTACT),
    Bad("4,096 characters", "text", _padded(4096)),
    Bad("20,000 characters", "text", _padded(20_000)),
    Bad("empty text", "text", ""),
    Bad("invisible only", "text", "\u200b\u2060\u200d"),
    Bad("emoji only", "text", "😢🙏🏽👨‍👩‍👧"),
    Bad(
        "bidi and zero-width",
        "text",
        "\u202eFat\u200bima Yil\u200dmaz\u202c \u2067fatima\u200b.yilmaz@example.com\u2069",
    ),
    Bad(
        "HTML",
        "text",
        "<b>Fatima</b> <script>alert(1)</script> &amp; &lt;i&gt; 06-12345678 <a href='x'>",
    ),
)
DIRTY = (
    Bad("lone surrogate", "text", "hi \ud800 fatima.yilmaz@example.com"),
    Bad("control characters", "text", "F\x00.K.\x07\x1b[31m\x85 fatima.yilmaz@example.com\x9f"),
)
OTHERS = (
    Bad("edited message", "edit", NAME_AND_CONTACT),
    Bad("stale button", "stale"),
    Bad("forged: old version", "forged", "c:zz:{action}:{arg}"),
    Bad("forged: unknown action", "forged", "c:{version}:nonsense:x"),
    Bad("forged: unknown case", "forged", "case:open:ZZZZ"),
    Bad("forged: unknown menu entry", "forged", "m:nonsense"),
    Bad("forged: garbage", "forged", "💥" + "x" * 59),
    Bad("/help", "command", "/help"),
    Bad("/start", "command", "/start"),
    Bad("unknown command", "command", "/nonsense Fatima Yilmaz"),
    Bad("/privacy", "command", "/privacy"),
    Bad("/mydata", "command", "/mydata"),
)
BATCH = MEDIA + OTHERS
LANGUAGE = Bad("/language", "command", "/language")  # shows its own question on top
ALL_INPUTS = (*BATCH, *TEXTS, *DIRTY, LANGUAGE)


# --- the walk -----------------------------------------------------------------------------

ENGLISH = re.compile(r"\b(the|please|you|your|this|what|sorry|not)\b", re.IGNORECASE)
ARABIC = re.compile(r"[\u0600-\u06ff]")


def in_language(text: str, language: str) -> bool:
    if language == "ar":
        return bool(ARABIC.search(text))
    return not ENGLISH.search(text)


@dataclass
class Step:
    name: str
    chat: Chat
    go_on: Callable[[], Awaitable[object]]
    #: The step takes typed text as its answer; `back` returns to it afterwards.
    back: Callable[[], Awaitable[object]] | None = None
    #: The texts tried here (fewer where a text is kept on purpose: a directory entry).
    texts: tuple[Bad, ...] = TEXTS
    dirty: tuple[Bad, ...] = DIRTY


@dataclass
class Walk:
    failures: dict[str, list[str]] = field(default_factory=dict)  # category → failures
    cells: int = 0

    def fail(self, category: str, message: str) -> None:
        self.failures.setdefault(category, []).append(message)


class Harness:
    """Pushes batches of updates, runs one round, and says which replies each one got."""

    def __init__(self, rt: Runtime, api: FakeBotAPI, walk: Walk) -> None:
        self.rt, self.api, self.walk = rt, api, walk
        self.marks: dict[int, int] = {}
        self.stale: dict[int, tuple[SentMessage, str]] = {}
        original = rt.engine.handle_all

        async def handle_all(events):  # one event of this chat a round
            for event in events:
                self.marks[event.update_id] = len(api.calls)
            return await original(events)

        rt.engine.handle_all = handle_all

    async def state(self, chat: Chat) -> tuple | None:
        async with self.rt.db.unit_of_work() as uow:
            state = await uow.conversations.get(chat.user_id, now=self.rt.clock.now())
        return None if state is None else (state.flow, state.step, state.draft)

    async def counts(self) -> tuple[int, int]:
        async with self.rt.db.unit_of_work() as uow:
            cases = await uow.session.scalar(select(func.count()).select_from(Case))
            events = await uow.session.scalar(select(func.count()).select_from(CaseEvent))
        return cases, events

    def _push(self, chat: Chat, bad: Bad, question: SentMessage | None) -> int | None:
        api, user, lang = self.api, chat.user_id, chat.language
        if bad.kind == "media":
            return api.push_media(user, bad.value, language_code=lang)
        if bad.kind == "text" or bad.kind == "command":
            return api.push_text(user, bad.value, language_code=lang)
        if bad.kind == "forward":
            return api.push_forwarded_text(user, bad.value, language_code=lang)
        if bad.kind == "edit":
            own = max(api._user_messages.get(user, {1}))
            api.push_edited_text(user, bad.value, own, language_code=lang)
            return None
        if bad.kind == "stale":
            if user not in self.stale:
                return None
            message, data = self.stale[user]
            return api.push_callback(user, data, message=message, language_code=lang)
        # forged: on the previous question's message when there is one (a replayed or
        # hand-made callback), else on the open question's
        message = self.stale[user][0] if user in self.stale else question
        data = bad.value
        if question is not None and "{" in data:
            _label, real = api.buttons(question)[0]
            _c, version, action, arg = real.split(":", 3)
            data = data.format(version=version, action=action, arg=arg)
        return api.push_callback(user, data, message=message, language_code=lang)

    async def batch(self, chat: Chat, inputs: tuple[Bad, ...]) -> list[tuple[Bad, list[str]]]:
        """Push every input, run one round; the texts the bot sent for each."""
        question = self.question(chat)
        pushed = [(bad, self._push(chat, bad, question)) for bad in inputs]
        self.marks.clear()
        await self.rt.poll_once()
        end = len(self.api.calls)
        await self.rt.dispatch_outbox()
        bounds = sorted(self.marks.items())
        spans = {
            update: (start, bounds[i + 1][1] if i + 1 < len(bounds) else end)
            for i, (update, start) in enumerate(bounds)
        }
        out = []
        for bad, update_id in pushed:
            if bad.kind == "stale" and update_id is None:
                continue  # no earlier question in this walk
            start, stop = spans.get(update_id, (0, 0))
            texts = []
            for call in self.api.calls[start:stop]:
                if call.params.get("chat_id") != chat.user_id:
                    continue
                if call.method in ("sendMessage", "editMessageText"):
                    texts.append(call.params.get("text") or "")
                elif call.method == "sendDocument":
                    texts.append(call.params.get("caption") or "")
            out.append((bad, texts))
        return out

    def question(self, chat: Chat) -> SentMessage | None:
        """The newest message with question buttons (`c:` data)."""
        return self.api.newest_message_to(
            chat.user_id,
            lambda m: any(data.startswith("c:") for _l, data in self.api.buttons(m)),
        )

    def check_answer(self, step: str, chat: Chat, bad: Bad, texts: list[str]) -> None:
        where = f"{step} × {bad.name}"
        self.walk.cells += 1
        if bad.kind == "edit":
            if texts:  # an edit is not an answer; if anything is said, it is kind
                self._language(where, chat, texts)
            return
        if not texts:
            self.walk.fail(_category(bad), f"{where}: no answer")
            return
        self._language(where, chat, texts)

    def _language(self, where: str, chat: Chat, texts: list[str]) -> None:
        for text in texts:
            plain = re.sub(r"<[^>]+>", "", text)
            if "Traceback" in plain or "Error" in plain:
                self.walk.fail("main", f"{where}: {plain[:80]!r}")
            elif not in_language(plain, chat.language):
                self.walk.fail("main", f"{where}: not in {chat.language}: {plain[:80]!r}")

    async def probe(self, step: Step) -> None:
        """Everything wrong at this step, then the right answer."""
        chat = step.chat
        before = await self.state(chat)
        assert before is not None, f"{step.name}: no open question"
        counts = await self.counts()
        typed = () if step.back else step.texts + step.dirty
        # Two rounds: more than 30 waiting updates from one person count as a flood.
        for inputs in (BATCH, (*typed, LANGUAGE)):
            for bad, texts in await self._safe_batch(step, inputs):
                self.check_answer(step.name, chat, bad, texts)
        if before[0] != "enrol":  # /language opened its question on top: answer it
            await chat.choose("lang", chat.language)
        after = await self.state(chat)
        if after != before:
            self.walk.fail("main", f"{step.name}: the open question changed: {after!r:.200}")
        if await self.counts() != counts:
            self.walk.fail("main", f"{step.name}: a case or case event was written")
        if step.back:
            for bad in step.texts + step.dirty:
                await self._text(step, bad, before)
        question = self.question(chat)
        if question is not None:
            self.stale[chat.user_id] = (question, self.api.buttons(question)[0][1])
        try:
            await step.go_on()
        except AssertionError as error:
            self.walk.fail("main", f"{step.name}: cannot go on: {error}"[:300])
            raise

    async def _safe_batch(self, step: Step, inputs: tuple[Bad, ...]):
        try:
            return await self.batch(step.chat, inputs)
        except Exception as error:  # the round broke (text that cannot be stored?)
            self.api._pending_updates.clear()
            self.rt._offset = self.api._next_update_id
            self.walk.fail("door", f"{step.name}: the round broke: {type(error).__name__}")
            return []

    async def _text(self, step: Step, bad: Bad, before: tuple) -> None:
        """Typed text where text is the answer: refused, or taken (cleaned), then back."""
        chat = step.chat
        answers = await self._safe_batch(step, (bad,))
        if not answers:
            return
        [(_bad, texts)] = answers
        self.check_answer(step.name, chat, bad, texts)
        after = await self.state(chat)
        if after == before:
            return  # refused, and still asked
        for text in texts:
            for identifier in IDENTIFIERS:
                if identifier in text:
                    self.walk.fail("main", f"{step.name} × {bad.name}: shown {identifier!r}")
        await step.back()
        after = await self.state(chat)
        if after is None or after[:2] != before[:2]:
            self.walk.fail(_category(bad), f"{step.name} × {bad.name}: not back at the question")


def _category(bad: Bad) -> str:
    if bad in DIRTY:
        return "door"
    return "main"


# --- the dialogues ------------------------------------------------------------------------

COORDINATOR_ID, CONFIDANT_ID, BACKUP_ID, KEY_PERSON_ID, NEWCOMER_ID = 10, 20, 21, 30, 40


async def _team(rt: Runtime, api: FakeBotAPI) -> dict[str, Chat]:
    """A Dutch coordinator and key person, an Arabic confidant, an English backup."""
    org = await add_organisation(rt)
    coordinator, _c = await enrol(rt, api, COORDINATOR_ID, COORDINATOR, "Ingrid", org_id=org)
    confidant, confidant_id = await enrol(
        rt, api, CONFIDANT_ID, CONFIDANT, "Samira", language="ar", org_id=org
    )
    backup, backup_id = await enrol(
        rt, api, BACKUP_ID, CONFIDANT, "Bram", language="en", org_id=org
    )
    key_person, _k = await enrol(
        rt,
        api,
        KEY_PERSON_ID,
        KEY_PERSON,
        "Amina",
        org_id=org,
        confidant_id=confidant_id,
        backup_id=backup_id,
    )
    return {
        "coordinator": coordinator,
        "confidant": confidant,
        "backup": backup,
        "key_person": key_person,
    }


async def _tap(chat: Chat, data: str) -> None:
    chat.api.push_callback(
        chat.user_id, data, message=chat.api.last_message_to(chat.user_id),
        language_code=chat.language,
    )  # fmt: skip
    await chat._round()


async def walk_enrolment(h: Harness) -> None:
    rt, api = h.rt, h.api
    org = await add_organisation(rt)
    newcomer = Chat(rt, api, NEWCOMER_ID, "ar")
    await newcomer.send(f"/start {await invite_code(rt, org, KEY_PERSON)}")
    await h.probe(Step("enrol/language", newcomer, lambda: newcomer.choose("lang", "ar")))
    await h.probe(Step("enrol/consent", newcomer, lambda: newcomer.choose("agree")))
    await h.probe(Step("enrol/name", newcomer, lambda: newcomer.send("Noor")))
    async with rt.db.unit_of_work() as uow:
        assert await uow.people.by_telegram_id(NEWCOMER_ID) is not None


async def walk_team(h: Harness) -> None:
    team = await _team(h.rt, h.api)
    await walk_concern(h, team)
    await walk_case(h, team)
    await walk_coordinator(h, team)


async def walk_concern(h: Harness, team: dict[str, Chat]) -> None:
    kp = team["key_person"]
    await kp.send("/concern")

    async def rewrite_note():
        if (await h.state(kp))[:2] == ("textcheck", "check"):
            await kp.choose("rewrite")

    steps = [
        Step("concern/danger", kp, lambda: kp.choose("danger", "no")),
        Step("concern/initials", kp, lambda: kp.send("F.K.")),
        Step("concern/age", kp, lambda: kp.choose("age", "adult")),
        Step("concern/relation", kp, lambda: kp.choose("relation", "neighbour")),
        Step("concern/children", kp, lambda: kp.choose("children", "yes")),
        Step("concern/signals", kp, lambda: kp.choose("group", "phys")),
        Step("concern/group", kp, lambda: kp.choose("tick", "phys.bruises")),
    ]
    for step in steps:
        await h.probe(step)
    await kp.choose("back")
    await kp.choose("done")
    await h.probe(
        Step("concern/note", kp, lambda: kp.send("Ze is bang, bel 06-12345678."), rewrite_note)
    )
    await h.probe(Step("concern/note_check", kp, lambda: kp.choose("keep")))
    await h.probe(Step("concern/honour", kp, lambda: kp.choose("honour", "no")))
    await h.probe(Step("concern/summary", kp, lambda: kp.choose("change")))
    await h.probe(Step("concern/change", kp, lambda: kp.choose("back")))
    await kp.choose("confirm")
    assert (await h.counts())[0] == 1


async def walk_case(h: Harness, team: dict[str, Chat]) -> None:
    """The confidant's message, assessment and decision; the key person's update."""
    kp, confidant = team["key_person"], team["confidant"]
    async with h.rt.db.unit_of_work() as uow:
        ref = await uow.session.scalar(select(Case.reference))
    await _tap(confidant, f"case:ack:{ref}")

    async def write_again(chat: Chat):
        state = await h.state(chat)
        if state is None:  # sent at once
            await _tap(chat, f"case:msg:{ref}")
        elif state[1] == "check":
            await chat.choose("rewrite")

    await _tap(confidant, f"case:msg:{ref}")
    await h.probe(
        Step(
            "casechat/write",
            confidant,
            lambda: confidant.send("اتصل بي على 06-12345678"),
            lambda: write_again(confidant),
        )
    )
    await h.probe(Step("casechat/check", confidant, lambda: confidant.choose("send")))

    async def note_again(chat: Chat):
        if (await h.state(chat))[:2] == ("textcheck", "check"):
            await chat.choose("rewrite")

    await _tap(confidant, f"case:assess:{ref}")
    await h.probe(Step("assess/risk", confidant, lambda: confidant.choose("risk", "medium")))
    await h.probe(Step("assess/signals", confidant, lambda: confidant.choose("group", "neglect")))
    await h.probe(Step("assess/group", confidant, lambda: confidant.choose("back")))
    await confidant.choose("done")
    await h.probe(
        Step(
            "assess/note",
            confidant,
            lambda: confidant.send("خوف، 06-12345678"),
            lambda: note_again(confidant),
        )
    )
    await h.probe(Step("assess/note_check", confidant, lambda: confidant.choose("keep")))

    await _tap(kp, f"case:update:{ref}")
    await h.probe(Step("update/what", kp, lambda: kp.choose("note")))
    await h.probe(
        Step("update/note", kp, lambda: kp.send("Ze belt 06-12345678."), lambda: note_again(kp))
    )
    await h.probe(Step("update/note_check", kp, lambda: kp.choose("keep")))

    async def farewell_again():
        state = await h.state(confidant)
        if state is None:  # closed at once: nothing more to walk
            raise AssertionError("a text without identifiers closed the case")
        if state[:2] == ("textcheck", "check"):
            await confidant.choose("rewrite")

    await _tap(confidant, f"case:decide:{ref}")
    await h.probe(Step("decide/decide", confidant, lambda: confidant.choose("decide", "close")))
    await h.probe(Step("decide/reason", confidant, lambda: confidant.choose("reason", "resolved")))
    await h.probe(
        Step(
            "decide/farewell",
            confidant,
            lambda: confidant.send("شكرا، 06-12345678"),
            farewell_again,
            texts=tuple(b for b in TEXTS if b.name != "emoji only"),  # would close the case
        )
    )
    await h.probe(Step("decide/farewell_check", confidant, lambda: confidant.choose("send")))


async def walk_coordinator(h: Harness, team: dict[str, Chat]) -> None:
    """Language (key person), and people, invite and directory (coordinator)."""
    kp, co = team["key_person"], team["coordinator"]
    await kp.send("/language")
    await h.probe(Step("language/choose", kp, lambda: kp.choose("lang", "nl")))

    async with h.rt.db.unit_of_work() as uow:
        kp_id = (await uow.people.by_telegram_id(KEY_PERSON_ID)).id
        backup_id = (await uow.people.by_telegram_id(BACKUP_ID)).id
    await co.send("/people")
    await h.probe(Step("people/pick", co, lambda: co.choose("pick", str(kp_id))))
    await h.probe(Step("people/action", co, lambda: co.choose("backup")))
    await h.probe(Step("people/backup", co, lambda: co.choose("set_backup", str(backup_id))))

    await co.send("/invite")
    await h.probe(Step("invite/role", co, lambda: co.choose("role", KEY_PERSON)))
    async with h.rt.db.unit_of_work() as uow:
        confidant_id = (await uow.people.by_telegram_id(CONFIDANT_ID)).id
    await h.probe(Step("invite/confidant", co, lambda: co.choose("confidant", str(confidant_id))))
    await h.probe(Step("invite/backup", co, lambda: co.choose("backup", "")))

    # The directory keeps professionals' names and numbers on purpose: only what must
    # be refused is typed there.
    refused = tuple(b for b in TEXTS if "characters" in b.name or b.name == "empty text")
    await co.send("/directory")
    await h.probe(Step("directory/menu", co, lambda: co.choose("add")))
    await h.probe(Step("directory/kind", co, lambda: co.choose("kind", "neighbourhood_team")))
    name = Step("directory/name", co, lambda: co.send("Buurtteam Noord"), texts=refused, dirty=())
    await h.probe(name)
    phone = Step("directory/phone", co, lambda: co.send("020 555 1234"), texts=refused, dirty=())
    await h.probe(phone)


WALKS = {"enrolment": walk_enrolment, "concern, case, coordinator": walk_team}
_done: dict[str, Walk] = {}


async def walked(name: str, runtime: Runtime, api: FakeBotAPI, caplog) -> Walk:
    """The walk of one dialogue, once per test session."""
    if name not in _done:
        walk = Walk()
        harness = Harness(runtime, api, walk)
        with caplog.at_level(logging.ERROR):
            try:
                await WALKS[name](harness)
            except AssertionError as error:
                walk.fail("main", f"walk stopped: {error}"[:300])
        for record in caplog.records:
            if record.levelno >= logging.ERROR and record.name.startswith(("bot", "flows")):
                walk.fail("main", f"logged: {record.getMessage()}")
        for found in await stored_identifiers(runtime.db, IDENTIFIERS):
            walk.fail("main", f"stored: {found}")
        _done[name] = walk
    return _done[name]


def _report(walk: Walk, category: str) -> str:
    return "\n".join(walk.failures.get(category, []))


@pytest.mark.parametrize("dialogue", list(WALKS))
async def test_bad_input_at_every_step(dialogue, runtime, fake_api, caplog):
    walk = await walked(dialogue, runtime, fake_api, caplog)
    assert walk.cells > 0
    assert not walk.failures.get("main"), _report(walk, "main")


@pytest.mark.parametrize("dialogue", list(WALKS))
async def test_dirty_text_is_cleaned_at_the_door(dialogue, runtime, fake_api, caplog):
    """Lone surrogates and control characters: answered, and the bot goes on."""
    walk = await walked(dialogue, runtime, fake_api, caplog)
    assert not walk.failures.get("door"), _report(walk, "door")
