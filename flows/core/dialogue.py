"""Dialogues declared as their steps, over a typed draft, run by one small engine.

A dialogue is a `Dialogue`: a name, a draft dataclass and its steps. Each `Step`
says what it asks (`ask`: text and buttons, from the draft) and which answers it
takes: buttons by action (`buttons`), typed text (`text`), or the result of a
sub-dialogue it started (`returns`). Each `Answer` names where it may lead (`to`)
and runs a handler that returns what happens next:

- `Go("age")`: ask another step of this dialogue;
- `Start(SIGNALS, SignalDraft(...))`: start a sub-dialogue; the host's step gets
  its result back through `returns`, and never sees the sub-dialogue's steps;
- `Done(result)`: this dialogue is over; a host gets `result`, a question that was
  waiting underneath (a look like /language on top of a concern) is asked again;
- `STAY`: the question stays open as it is (the handler already said why).

What every dialogue would otherwise repeat is done here, once: a button whose
action the step does not take, or whose argument is not one of the step's
choices, and text at a step that wants a tap get "use the buttons" and the
question again; the draft is stored after every answer, typed and versioned, so
a change can never be lost by forgetting to mark it; a handler that leads
somewhere it did not declare is an error, so the diagrams generated from the
declarations (`diagram`, docs/dialogues.md) are always the truth.

Why this shape. aiogram_dialog describes a dialogue as windows (a text and
widgets per state of a states group) and lets a dialogue `start` another and
`done` back with a result; PTB's `ConversationHandler` maps states to handlers
that return the next state. Both keep the dialogue in memory and talk to
Telegram. Sleutel's engine is platform-free and every answer is one database
transaction, so a step here is pure data plus small handlers: the open question
and the draft are stored with the conversation (encrypted), buttons carry only a
short action and argument (`flows.core.callbacks`), and the stack of dialogues is
the conversation's `parent` chain, which survives a restart.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from flows.core.context import Choice, Context
from flows.core.messages import Text, _

D = TypeVar("D")
END = "end"  # `to` for an answer that may end the dialogue
STALE_DRAFT = _("This question is no longer open.")


@dataclass(frozen=True)
class Question:
    text: Text
    choices: Sequence[Sequence[Choice]] = ()
    protect: bool = False


@dataclass(frozen=True)
class Go:
    step: str
    edit: bool = False  # change the question's message in place (the signal picker)


@dataclass(frozen=True)
class Start:
    dialogue: Dialogue
    draft: Any


@dataclass(frozen=True)
class Done:
    result: Any = None


class _Stay:
    def __repr__(self) -> str:
        return "STAY"


STAY = _Stay()
Next = Go | Start | Done | _Stay
Handler = Callable[[Context, Any, Any], Awaitable[Next]]  # (ctx, draft, arg or text or result)
Ask = Callable[[Context, Any], Question | Awaitable[Question]]


@dataclass(frozen=True)
class Answer:
    """One way to answer a step, and where it may lead (step names, sub-dialogue
    names, or END)."""

    run: Handler
    to: tuple[str, ...]
    label: str = ""  # for the diagram; the action's name if empty
    args: (
        Callable[[Context, Any], Collection[str] | Awaitable[Collection[str]]]
        | Collection[str]
        | None
    ) = None


@dataclass(frozen=True)
class Step:
    """A question (`ask`), or a sub-dialogue the step hands over to (`start`); either
    way `returns` takes the sub-dialogue's result."""

    name: str
    ask: Ask | None = None
    buttons: Mapping[str, Answer] = field(default_factory=dict)
    text: Answer | None = None
    returns: Answer | None = None
    start: Sub | None = None


@dataclass(frozen=True)
class Sub:
    """A step that is a whole sub-dialogue, and how its draft is made from the host's."""

    dialogue: Dialogue
    draft: Callable[[Context, Any], Any]


@dataclass(frozen=True)
class Dialogue(Generic[D]):
    """A dialogue: `steps[0]` is asked first. `sub` dialogues are started by a host and
    hand it a result; `on_cancel` says what stopping means (default: nothing was kept)."""

    name: str
    draft: type[D]
    steps: tuple[Step, ...]
    version: int = 1  # raise when the draft's fields change: older drafts are dropped
    sub: bool = False
    on_cancel: Callable[[Context, D], Awaitable[None]] | None = None
    title: str = ""  # how the diagram starts: the command or button that opens it

    def step(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(f"{self.name} has no step {name!r}")

    def dump(self, draft: D) -> dict:
        return {"v": self.version, **dataclasses.asdict(draft)}

    def load(self, data: dict) -> D | None:
        """The typed draft, or None when it was stored by an older version of the dialogue."""
        data = dict(data)
        if data.pop("v", None) != self.version:
            return None
        try:
            return self.draft(**data)
        except TypeError:
            return None


class DialogueError(RuntimeError):
    """A dialogue did something its declaration does not allow."""


async def begin(ctx: Context, dialogue: Dialogue[D], draft: D) -> None:
    """Open a dialogue at its first step (a command, a case button)."""
    await _ask(ctx, dialogue, dialogue.steps[0], draft, parent=ctx.opening_parent())


async def on_button(ctx: Context, dialogue: Dialogue, action: str, arg: str) -> None:
    step, draft = _current(ctx, dialogue)
    if draft is None:
        return
    answer = step.buttons.get(action)
    if answer is None or not await _allowed(ctx, answer, draft, arg):
        ctx.use_buttons()
        return
    await _follow(ctx, dialogue, step, answer, draft, arg)


async def on_text(ctx: Context, dialogue: Dialogue, text: str) -> None:
    step, draft = _current(ctx, dialogue)
    if draft is None:
        return
    if step.text is None:
        ctx.use_buttons()
        return
    await _follow(ctx, dialogue, step, step.text, draft, text)


async def cancel(ctx: Context, *, whole_stack: bool = False) -> None:
    """Stop what is open. A look on top of a question (/language during a concern) goes
    back to that question, unless another command takes over (`whole_stack`); anything
    else stops with its whole stack, and the dialogue at the bottom says what stopping
    means (an urgent concern stays, say)."""
    if ctx.state is None:
        ctx.reply(_("There is nothing to stop."), ctx.menu())
        return
    top = ctx.dialogues.get(ctx.state.flow)
    if not whole_stack and ctx.state.parent is not None and top is not None and not top.sub:
        ctx.finish()
        return
    while ctx.state.parent is not None:
        ctx.state, ctx.state_dirty = ctx.state.parent, True
    root = ctx.dialogues.get(ctx.state.flow)
    draft = root.load(ctx.state.draft) if root is not None else None
    if root is not None and root.on_cancel is not None and draft is not None:
        await root.on_cancel(ctx, draft)
        return
    ctx.reply(_("Stopped. Nothing was saved."), ctx.menu())
    ctx.finish()


def _current(ctx: Context, dialogue: Dialogue) -> tuple[Step, Any]:
    """The open step and its typed draft; a draft from an older version is dropped."""
    draft = dialogue.load(ctx.state.draft)
    if draft is None:
        ctx.finish_all()
        ctx.reply(STALE_DRAFT, ctx.menu())
        return dialogue.steps[0], None
    return dialogue.step(ctx.state.step), draft


async def _allowed(ctx: Context, answer: Answer, draft: Any, arg: str) -> bool:
    """The argument is one the step offers (the choices may come from the database)."""
    if answer.args is None:
        return True
    allowed = answer.args(ctx, draft) if callable(answer.args) else answer.args
    if inspect.isawaitable(allowed):
        allowed = await allowed
    return arg in allowed


async def _follow(
    ctx: Context, dialogue: Dialogue, step: Step, answer: Answer, draft: Any, value: Any
) -> None:
    """Run an answer and carry out what it returns."""
    what = await answer.run(ctx, draft, value)
    _check_declared(dialogue, step, answer, what)
    if isinstance(what, _Stay):
        if ctx.state is not None and ctx.state.flow == dialogue.name:
            ctx.keep_draft(dialogue.dump(draft))
    elif isinstance(what, Go):
        await _ask(ctx, dialogue, dialogue.step(what.step), draft, edit=what.edit)
    elif isinstance(what, Start):
        ctx.keep_draft(dialogue.dump(draft))
        await _ask(ctx, what.dialogue, what.dialogue.steps[0], what.draft, parent=ctx.state)
    elif isinstance(what, Done):
        await _done(ctx, dialogue, what.result)


async def _done(ctx: Context, dialogue: Dialogue, result: Any) -> None:
    """End this dialogue; a host that started it gets the result."""
    if ctx.state is None or ctx.state.flow != dialogue.name:
        return  # the handler already closed it (a case that went away meanwhile)
    host_state = ctx.state.parent
    if not dialogue.sub or host_state is None:
        ctx.finish()
        return
    host = ctx.dialogues[host_state.flow]
    ctx.state, ctx.state_dirty = host_state, True
    step, draft = _current(ctx, host)
    if draft is None:
        return
    if step.returns is None:
        raise DialogueError(f"{host.name}.{step.name} started {dialogue.name} but takes no result")
    await _follow(ctx, host, step, step.returns, draft, result)


async def _ask(
    ctx: Context,
    dialogue: Dialogue,
    step: Step,
    draft: Any,
    *,
    edit: bool = False,
    parent: Any = ...,  # by default a dialogue keeps what waits underneath it
) -> None:
    if step.start is not None:  # the host waits at this step for the sub-dialogue's result
        ctx.hold(dialogue.name, step.name, dialogue.dump(draft))
        sub, sub_draft = step.start.dialogue, step.start.draft(ctx, draft)
        await _ask(ctx, sub, sub.steps[0], sub_draft, parent=ctx.state)
        return
    question = step.ask(ctx, draft)
    if inspect.isawaitable(question):
        question = await question
    ctx.ask(
        dialogue.name,
        step.name,
        question.text,
        [list(row) for row in question.choices],
        draft=dialogue.dump(draft),
        protect=question.protect,
        edit=edit,
        parent=parent,
    )


def _check_declared(dialogue: Dialogue, step: Step, answer: Answer, what: Next) -> None:
    target = {Go: lambda: what.step, Start: lambda: what.dialogue.name, Done: lambda: END}
    for kind, name in target.items():
        if isinstance(what, kind) and name() not in answer.to:
            raise DialogueError(
                f"{dialogue.name}.{step.name} led to {name()!r}, declared {answer.to}"
            )


def diagram(dialogue: Dialogue) -> str:
    """The dialogue as a mermaid state diagram, from its declaration alone."""
    first = dialogue.steps[0].name
    lines = ["stateDiagram-v2", f"    [*] --> {first}: {dialogue.title or 'start'}"]
    for step in dialogue.steps:
        answers = [(action, a) for action, a in step.buttons.items()]
        if step.text is not None:
            answers.append(("text", step.text))
        if step.returns is not None:
            answers.append(("result", step.returns))
        if step.start is not None:
            lines.append(f"    {step.name} --> {step.start.dialogue.name}: handed over")
        for action, answer in answers:
            for target in answer.to:
                end = "[*]" if target == END else target
                source = (
                    step.start.dialogue.name if action == "result" and step.start else step.name
                )
                lines.append(f"    {source} --> {end}: {answer.label or action}")
    return "\n".join(lines)


def diagrams_page(dialogues: Sequence[Dialogue]) -> str:
    """docs/dialogues.md: every dialogue's diagram, drawn from its declaration."""
    parts = [
        "# The dialogues\n",
        "Drawn from the declarations in `flows/` by `python scripts/diagrams.py`; a test",
        "fails when this page is not current. Sub-dialogues (the signal picker, the text",
        "check) hand a result back to the step that started them.\n",
    ]
    for dialogue in dialogues:
        kind = "sub-dialogue" if dialogue.sub else "dialogue"
        parts += [f"## {dialogue.name} ({kind})\n", "```mermaid", diagram(dialogue), "```\n"]
    return "\n".join(parts)
