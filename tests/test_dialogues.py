"""The dialogue layer: declarations that hold, results handed back through a stack of
dialogues that survives storage, and the README's example run as it is written."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from flowkit import Office, Talker

from flows.core.context import FlowConfig
from flows.core.dialogue import END, Dialogue, DialogueError, Go, Step, diagrams_page
from flows.core.engine import Engine
from flows.core.registry import CommandSpec, Registry
from flows.registry import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
DIALOGUES = REGISTRY.dialogues


def test_the_diagrams_in_the_docs_are_drawn_from_the_current_declarations():
    page = runpy.run_path(str(ROOT / "scripts" / "diagrams.py"))["current_page"]()
    assert page == diagrams_page(DIALOGUES)
    assert (ROOT / "docs" / "dialogues.md").read_text() == page, "run scripts/diagrams.py"


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=lambda d: d.name)
def test_every_declared_target_exists_and_every_step_can_be_reached(dialogue: Dialogue):
    names = {step.name for step in dialogue.steps}
    subs = {d.name for d in DIALOGUES if d.sub}
    reached = {dialogue.steps[0].name}
    for step in dialogue.steps:
        assert (step.ask is None) != (step.start is None), f"{step.name}: ask or start"
        answers = [*step.buttons.values(), step.text, step.returns]
        for answer in filter(None, answers):
            assert set(answer.to) <= names | subs | {END}, f"{step.name}: {answer.to}"
            reached |= set(answer.to)
        if step.start is not None or any(set(a.to) & subs for a in filter(None, answers)):
            assert step.returns is not None, f"{step.name} starts a sub-dialogue: returns?"
    assert names <= reached


def test_no_dialogue_compares_step_names():
    """Only the layer (flows/core) reads which step is open."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "flows").rglob("*.py")
        if path.parent.name != "core"
        and re.search(r"state\.step\b|\bstep\s*(==|!=|in)\s", path.read_text())
    ]
    assert offenders == []


async def test_a_look_on_top_of_the_signal_picker_hands_back_to_the_concern(db, clock):
    """/language on top of the picker on top of the concern: three conversations deep,
    stored between every tap, and each hands back to the one underneath."""
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("concern")
    await kp.choose("danger", "no")
    await kp.send("F.K.")
    await kp.choose("age", "adult")
    await kp.choose("relation", "neighbour")
    await kp.choose("children", "no")
    await kp.choose("group", "phys")
    await kp.choose("tick", "phys.bruises")
    [_question] = await kp.command("language")
    switched, group_again = await kp.choose("lang", "nl")
    assert switched.text.msgid.startswith("From now on I will write to you in")
    assert group_again.text.msgid.startswith("{group}: tap everything that fits")
    await kp.choose("back")
    [note_question] = await kp.choose("done")
    assert note_question.text.msgid.startswith("What did you notice?")
    async with db.unit_of_work() as uow:
        state = await uow.conversations.get(30, now=clock.now())
    assert (state.flow, state.step, state.parent) == ("concern", "note", None)
    assert state.draft["signals"] == ["phys.bruises"]


async def test_a_handler_that_leads_somewhere_undeclared_is_an_error(db, clock):
    from flows.core.dialogue import Answer, Question, begin
    from flows.core.messages import _

    async def wander(_ctx, _draft, _arg):
        return Go("nowhere")

    from dataclasses import dataclass

    @dataclass
    class Nothing:
        pass

    lost = Dialogue(
        "lost",
        Nothing,
        steps=(
            Step("only", ask=lambda c, d: Question(_("Hello.")), text=Answer(wander, to=(END,))),
        ),
    )

    async def start(ctx, _arg):
        await begin(ctx, lost, Nothing())

    talker = await _talker(
        db, clock, Registry((CommandSpec("lost", start, menu=_("Lost")),), (lost,))
    )
    await talker.command("lost")
    with pytest.raises(DialogueError, match="nowhere"):
        await talker.send("anything")


def _readme_example() -> dict:
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### Where a new flow plugs in") :]
    code = section[section.index("```python") + len("```python") : section.index("```\n\n")]
    return runpy.run_path(_write(code))


def _write(code: str) -> str:
    path = ROOT / "tests" / ".readme_example.py"
    path.write_text(code)
    return str(path)


async def _talker(db, clock, registry: Registry) -> Talker:
    office = await Office().open(db, clock)
    engine = Engine(db, clock, FlowConfig(), registry)
    return Talker(engine, office.key_person.telegram_id, office.key_person.id)


async def test_the_readme_example_dialogue_runs_as_written(db, clock):
    from flows.core.messages import _

    example = _readme_example()
    spec = CommandSpec("howareyou", example["start"], menu=_("How I am doing"))
    talker = await _talker(db, clock, Registry((spec,), (example["HOW_ARE_YOU"],)))
    [question] = await talker.command("howareyou")
    assert question.text.msgid == "How are you doing with this work?"
    forged = talker.button("mood", "good").replace(":good", ":bad")
    hint, again = await talker.press(forged)
    assert hint.text.msgid == "Please use the buttons of the last question."
    assert again.text.msgid == question.text.msgid
    [thanks] = await talker.choose("mood", "talk")
    assert thanks.text.msgid == "Thank you."
    assert [b.data for row in thanks.buttons for b in row] == ["m:howareyou"]
