"""`sleutel demo`: the page's JSON API in process (fast), and the whole thing as a
subprocess driven in a real headless browser (Debian's chromium and chromedriver)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.demo.app import Demo, button_matches
from bot.demo.scenario import Player, available, load
from bot.demo.web import build_app
from bot.replies import Replies

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARABIC = re.compile("[\u0600-\u06ff]")


# --- in process: the demo server's JSON API -----------------------------------------------


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[Demo]:
    demo = Demo(tmp_path)
    await demo.start()
    await demo.settle()
    yield demo
    await demo.close()


@pytest.fixture
async def client(demo: Demo) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(build_app(demo, None), host="127.0.0.1")) as client:
        yield client


async def _log_concern(demo: Demo, key: str) -> None:
    """A whole concern, tapped and typed the way the page does it."""
    chat = demo.person(key).telegram_id
    demo.send(chat, "/concern")
    await demo.tap(chat, "danger:no")
    await demo.settle(quiet=0.2)
    demo.send(chat, "F.K.")
    for spec in ("age:adult", "relation:participant", "children:yes", "group:behav",
                 "tick:behav.tired", "back", "done", "skip", "honour:no", "confirm"):  # fmt: skip
        await demo.tap(chat, spec)
        await demo.settle(quiet=0.2)


async def test_the_page_shows_the_seeded_people_and_its_buttons_reach_the_bot(
    demo: Demo, client: TestClient
):
    state = await (await client.get("/api/state")).json()
    people = {p["key"]: p for p in state["people"]}
    assert [p["role"] for p in people.values()] == [
        "coordinator", "confidant", "confidant", "key_person", "key_person", "key_person"
    ]  # fmt: skip
    assert people["amina"]["locale"] == "ar" and people["amina"]["rtl"] is True
    assert people["semhar"]["locale"] == "ti" and people["semhar"]["rtl"] is False
    greeting = people["amina"]["messages"][-1]
    assert greeting["from"] == "bot" and ARABIC.search(greeting["text"])
    assert "m:concern" in [b["data"] for row in greeting["buttons"] for b in row]
    assert {c["command"] for c in people["amina"]["menu"]} >= {"help", "concern", "language"}
    assert ARABIC.search(people["amina"]["menu"][0]["description"])
    assert "made-up people" in await (await client.get("/")).text()

    # A tap on the page goes to the bot as a button press; the answer comes live.
    stream = await client.get("/api/events")
    amina = people["amina"]["chat_id"]
    press = {"chat_id": amina, "message_id": greeting["id"], "data": "m:concern"}
    assert (await client.post("/api/press", json=press)).status == 200
    events: list[dict] = []
    async with asyncio.timeout(20):
        while not any(e["type"] == "message" and e["message"]["buttons"] for e in events):
            line = (await stream.content.readline()).decode()
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
    stream.close()
    question = events[-1]["message"]
    assert any(button_matches(b["data"], "danger:no") for row in question["buttons"] for b in row)
    gone = {**press, "data": "m:nothing"}
    assert (await client.post("/api/press", json=gone)).status == 400

    # A trainer switches a phone's language: /language and a tap, as a person would.
    semhar = people["semhar"]["chat_id"]
    assert (await client.post("/api/language", json={"chat_id": semhar, "locale": "en"})).ok
    async with asyncio.timeout(20):
        while demo.person(semhar).locale != "en":
            await asyncio.sleep(0.1)
    await demo.settle(quiet=0.2)
    assert demo.api.last_message_to(semhar).text == "From now on I will write to you in English."
    assert demo.api.menu_for(semhar, "ti")[0]["description"] == "What can I do here?"

    # Only requests to 127.0.0.1, and only JSON.
    elsewhere = await client.get("/api/state", headers={"Host": "demo.example.org"})
    assert elsewhere.status == 403
    form = await client.post("/api/send", data={"chat_id": str(amina), "text": "hi"})
    assert form.status == 415


async def test_the_time_control_fires_the_escalation_timer(demo: Demo, client: TestClient):
    await _log_concern(demo, "ayse")
    saskia = demo.person("saskia").telegram_id
    assert demo.api.last_message_to(saskia).text.startswith("New concern")
    nothing = await (await client.post("/api/time", json={"minutes": 15})).json()
    assert nothing["timers_run"] == 0
    moved = await (await client.post("/api/time", json={"to": "next"})).json()
    assert moved["timers_run"] >= 1
    assert moved["clock"]["ahead_minutes"] >= 4 * 60
    await demo.settle(quiet=0.2)
    assert demo.api.last_message_to(saskia).text.startswith("Reminder: concern")


async def test_a_trainer_adds_a_person_who_enrols_like_anyone(demo: Demo, client: TestClient):
    answer = await client.post(
        "/api/people", json={"role": "key_person", "name": "Olena", "locale": "uk"}
    )
    chat = (await answer.json())["person"]["chat_id"]
    async with asyncio.timeout(30):
        while demo.person(chat).person_id is None:
            await asyncio.sleep(0.1)
    async with demo.runtime.db.unit_of_work() as uow:
        person = await uow.people.by_telegram_id(chat)
    assert (person.display_name, person.locale) == ("Olena", "uk")


async def test_settle_waits_for_replies_still_on_their_way(demo: Demo, monkeypatch):
    """A press is marked handled before its reply is sent; a step that settled in that
    gap would tap the old message (the scenario then waits in vain for its next button).
    Slow replies widen the gap to a second."""
    answer = Replies.answer

    async def slow(self: Replies, *args: object) -> None:
        await asyncio.sleep(1.0)
        await answer(self, *args)

    monkeypatch.setattr(Replies, "answer", slow)
    chat = demo.person("amina").telegram_id
    await demo.tap(chat, "m:concern")
    await demo.settle()
    question = demo.api.last_message_to(chat)
    assert any(button_matches(data, "danger:no") for _label, data in demo.api.buttons(question))


def test_scenarios_are_data_files_that_load():
    assert {"handbook", "missed-escalation"} <= set(available())
    for name in available():
        scenario = load(name)
        assert scenario.steps and scenario.title


async def test_the_missed_escalation_scenario_plays_to_the_coordinator(demo: Demo):
    player = Player(demo, load("missed-escalation"))
    while await player.next():
        pass
    assert player.error is None and player.view()["done"], player.view()
    ingrid = demo.api.last_message_to(demo.person("ingrid").telegram_id)
    assert "Ingrid picked up the case" in ingrid.text  # the chronology, at the end


# --- a subprocess and a real browser -------------------------------------------------------


@pytest.fixture
def demo_address() -> Iterator[str]:
    """`sleutel demo` in its own process, without a token; yields the address it prints."""
    script = Path(sys.executable).parent / "sleutel"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE"))}
    process = subprocess.Popen(
        [*command, "demo", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        output = []
        address = None
        while address is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            output.append(line)
            if match := re.search(r"open (http://127\.0\.0\.1:\d+/)", line):
                address = match.group(1)
        assert address, "sleutel demo printed no address:\n" + "".join(output)
        yield address
    finally:
        process.send_signal(signal.SIGINT)
        try:
            rest, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            rest, _ = process.communicate()
        assert process.returncode == 0, rest
        assert "Traceback" not in rest, rest


@pytest.fixture
def browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "no headless browser: install Debian's chromium and chromium-driver "
            "(apt-get install chromium chromium-driver; .ci/run does)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1600,1000",
        "--lang=en",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_window_size(1600, 1000)
    yield driver
    driver.quit()


class Page:
    """The demo page as a trainer uses it: phones by person, buttons by their action."""

    def __init__(self, driver, timeout: float = 20) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver, self.by, self.ec = driver, By, expected_conditions
        self.wait = WebDriverWait(driver, timeout, poll_frequency=0.1)
        self.answered: dict[str, int] = {}  # per phone: the message last answered

    def css(self, selector: str):
        return self.driver.find_elements(self.by.CSS_SELECTOR, selector)

    def phone(self, key: str) -> str:
        return f'.phone[data-key="{key}"]'

    def tap(self, key: str, action: str) -> None:
        """Tap the newest button of this action on the person's phone; wait until the bot
        took the keyboard away (it does for every answered question and alert).

        Only buttons on the message last answered or a newer one count: a question answered
        by typing keeps its buttons, and an older "skip" must not be taken for the next."""
        self.wait.until(lambda _d: self.buttons(key, action), f"no button {action} for {key}")
        button = self.buttons(key, action)[-1]
        self.answered[key] = int(button.get_attribute("data-message"))
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        self.wait.until(self.ec.staleness_of(button), f"{action} for {key} was not answered")

    def buttons(self, key: str, action: str) -> list:
        return self.driver.execute_script(
            """const [phone, action, since] = arguments;
            return [...document.querySelectorAll(`${phone} button.inline`)].filter((b) => {
              const id = Number(b.closest(".msg").dataset.id);
              b.dataset.message = id;
              return (b.dataset.action || "").startsWith(action) && id >= since;
            });""",
            self.phone(key),
            action,
            self.answered.get(key, 0),
        )

    def type(self, key: str, text: str) -> None:
        before = len(self.css(f"{self.phone(key)} .msg.bot"))
        field = self.css(f"{self.phone(key)} .compose-input")[0]
        field.send_keys(text)
        field.submit()
        self.wait.until(lambda _d: len(self.css(f"{self.phone(key)} .msg.bot")) > before)
        ids = [int(m.get_attribute("data-id")) for m in self.css(f"{self.phone(key)} .msg")]
        self.answered[key] = max(ids)

    def texts(self, key: str) -> list[str]:
        return [e.text for e in self.css(f"{self.phone(key)} .msg .text")]

    def wait_for_text(self, key: str, pattern: str) -> None:
        self.wait.until(
            lambda _d: any(re.search(pattern, t) for t in self.texts(key)),
            f"{pattern!r} not shown for {key}",
        )

    def click(self, selector: str) -> None:
        self.css(selector)[0].click()


def test_a_trainer_plays_a_concern_and_its_escalation_in_the_browser(demo_address, browser):
    started = time.monotonic()
    page = Page(browser)
    browser.get(demo_address)
    page.wait.until(lambda d: d.find_element(page.by.TAG_NAME, "body").get_attribute("data-ready"))
    assert "made-up people" in browser.find_element(page.by.ID, "disclaimer").text
    for key in ("semhar", "ayse"):  # four phones fit a projector
        page.click(f'.chip[data-key="{key}"]')
    amina = browser.find_element(page.by.CSS_SELECTOR, page.phone("amina"))
    assert amina.get_attribute("dir") == "rtl"
    page.wait_for_text("amina", ARABIC.pattern)

    # The key person logs a concern, in Arabic, by tapping and typing.
    page.tap("amina", "m:concern")
    page.tap("amina", "danger:no")
    page.type("amina", "ف.ك.")
    for action in ("age:adult", "relation:participant", "children:yes", "group:behav",
                   "tick:behav.tired", "tick:behav.absent", "back", "done", "skip",
                   "honour:no", "confirm"):  # fmt: skip
        page.tap("amina", action)
    page.wait_for_text("saskia", r"^New concern [A-Z0-9]{4} from Amina\.$")

    # Nobody picks it up: the trainer moves the clock; a reminder, then the backup.
    page.click("#skip-next")
    page.wait_for_text("saskia", r"^Reminder: concern")
    page.click("#skip-next")
    page.wait_for_text("bram", r"nog niet opgepakt")
    # Each timer is 4 hours after the one before; real time went on meanwhile.
    assert re.match(r"\+ [78] h", browser.find_element(page.by.ID, "clock-ahead").text)

    # The confidant picks it up after all; the key person hears it in Arabic.
    arabic_before = len(page.texts("amina"))
    page.tap("saskia", "case:ack")
    page.wait_for_text("saskia", r"You are handling")
    page.wait.until(lambda _d: len(page.texts("amina")) > arabic_before)
    page.tap("saskia", "case:open")
    page.wait_for_text("saskia", r"Tired")

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "demo.png"
    browser.save_screenshot(str(screenshot))
    print(f"\nscreenshot: {screenshot} ({time.monotonic() - started:.0f} s in the browser)")
    assert screenshot.stat().st_size > 10_000
