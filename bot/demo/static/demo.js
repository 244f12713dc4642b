// Sleutel demo page: one phone per demo person, kept live by server-sent events.
// Plain JavaScript, no build step. Text from the bot is always set with textContent.
"use strict";

const state = { people: new Map(), languages: {}, roles: {}, hidden: new Set(), scenario: null };

const $ = (selector, root = document) => root.querySelector(selector);

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) notice(answer.error || `${response.status} ${response.statusText}`);
  return answer;
}

let noticeTimer = null;
function notice(text) {
  const box = $("#notice");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { box.hidden = true; }, 6000);
}

// What a button does, without its label: "danger:no", "done", "m:concern", "case:ack:K7F3".
function actionOf(data) {
  const parts = data.split(":");
  if (parts[0] === "c" && parts.length >= 4) return parts.slice(2).join(":").replace(/:$/, "");
  return data;
}

// ---------------------------------------------------------------- phones

function phoneFor(person) {
  let phone = document.getElementById(`phone-${person.chat_id}`);
  if (!phone) {
    phone = $("#phone-template").content.firstElementChild.cloneNode(true);
    phone.id = `phone-${person.chat_id}`;
    phone.dataset.chat = person.chat_id;
    const select = $(".lang-select", phone);
    for (const [code, name] of Object.entries(state.languages)) {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = name;
      select.append(option);
    }
    select.addEventListener("change", () => {
      post("/api/language", { chat_id: person.chat_id, locale: select.value });
    });
    $(".compose", phone).addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $(".compose-input", phone);
      const text = input.value;
      if (!text.trim()) return;
      input.value = "";
      post("/api/send", { chat_id: person.chat_id, text });
    });
    $(".menu-button", phone).addEventListener("click", () => {
      const popup = $(".menu-popup", phone);
      popup.hidden = !popup.hidden;
    });
    $("#phones").append(phone);
  }
  return phone;
}

function renderPerson(person) {
  const previous = state.people.get(person.chat_id) || {};
  state.people.set(person.chat_id, { ...previous, ...person });
  const phone = phoneFor(person);
  phone.dataset.key = person.key;
  phone.dataset.role = person.role;
  phone.dataset.locale = person.locale;
  phone.setAttribute("dir", person.rtl ? "rtl" : "ltr");
  phone.setAttribute("lang", person.locale);
  phone.classList.toggle(`role-${person.role}`, true);
  $(".avatar", phone).textContent = person.name.slice(0, 1).toUpperCase();
  const name = $(".who-name", phone);
  name.textContent = person.name;
  name.setAttribute("dir", "auto");
  $(".who-role", phone).textContent = `${person.role_label} · ${person.language}` +
    (person.enrolled ? "" : " · enrolling…");
  $(".who-role", phone).setAttribute("dir", "ltr");
  $(".lang-select", phone).value = person.locale;
  renderMenu(phone, person);
  renderChips();
  applyHidden();
}

function renderMenu(phone, person) {
  const popup = $(".menu-popup", phone);
  popup.replaceChildren();
  for (const command of person.menu || []) {
    const item = document.createElement("button");
    item.type = "button";
    item.className = "menu-item";
    item.dataset.command = command.command;
    const name = document.createElement("span");
    name.className = "menu-command";
    name.textContent = `/${command.command}`;
    const description = document.createElement("span");
    description.className = "menu-description";
    description.textContent = command.description;
    item.append(name, description);
    item.addEventListener("click", () => {
      popup.hidden = true;
      post("/api/send", { chat_id: person.chat_id, text: `/${command.command}` });
    });
    popup.append(item);
  }
  if (!popup.childElementCount) popup.textContent = "No command menu yet.";
}

function renderMessage(chatId, message) {
  const phone = document.getElementById(`phone-${chatId}`);
  if (!phone) return;
  const chat = $(".chat", phone);
  const id = `m-${chatId}-${message.id}`;
  let bubble = document.getElementById(id);
  const fresh = !bubble;
  if (fresh) {
    bubble = document.createElement("div");
    bubble.id = id;
    bubble.dataset.id = message.id;
    // Messages arrive in id order, but a late one goes where its id says.
    const later = [...chat.querySelectorAll(".msg")].find((m) => Number(m.dataset.id) > message.id);
    chat.insertBefore(bubble, later || null);
  }
  bubble.className = `msg ${message.from}`;
  bubble.dataset.day = message.day;
  bubble.replaceChildren();

  if (message.document) {
    const file = document.createElement("a");
    file.className = "file";
    file.href = message.document.url;
    file.setAttribute("download", message.document.name || "file");
    const icon = document.createElement("span");
    icon.className = "file-icon";
    const name = message.document.name || "";
    icon.textContent = name.includes(".") ? name.split(".").pop().slice(0, 4) : "file";
    const label = document.createElement("span");
    label.className = "file-name";
    label.textContent = message.document.name || "file";
    const size = document.createElement("span");
    size.className = "file-size";
    size.textContent = message.document.size ? `${Math.ceil(message.document.size / 1024)} KB` : "";
    file.append(icon, label, size);
    bubble.append(file);
  }
  if (message.text) {
    const text = document.createElement("div");
    text.className = "text";
    text.setAttribute("dir", "auto");
    text.textContent = message.text;
    bubble.append(text);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  if (message.protected) {
    const badge = document.createElement("span");
    badge.className = "protected";
    badge.title = "Sent with Telegram's content protection: it cannot be forwarded or saved";
    badge.textContent = "protected";
    meta.append(badge);
  }
  meta.append([message.edited ? "edited" : "", message.time].filter(Boolean).join(" "));
  bubble.append(meta);

  if (message.buttons && message.buttons.length) {
    const keyboard = document.createElement("div");
    keyboard.className = "keyboard";
    for (const row of message.buttons) {
      const line = document.createElement("div");
      line.className = "keyboard-row";
      for (const button of row) {
        const element = document.createElement("button");
        element.type = "button";
        element.className = "inline";
        element.setAttribute("dir", "auto");
        element.textContent = button.text;
        if (button.data !== undefined) {
          element.dataset.data = button.data;
          element.dataset.action = actionOf(button.data);
          element.addEventListener("click", () => {
            element.classList.add("pressed");
            post("/api/press", { chat_id: chatId, message_id: message.id, data: button.data });
          });
        } else {
          element.disabled = true;
          element.title = button.url || "";
        }
        line.append(element);
      }
      keyboard.append(line);
    }
    bubble.append(keyboard);
  }
  markDays(chat);
  if (fresh) chat.scrollTop = chat.scrollHeight;
  else if (chat.scrollHeight - chat.scrollTop - chat.clientHeight < 200) {
    chat.scrollTop = chat.scrollHeight;
  }
}

function removeMessage(chatId, id) {
  const bubble = document.getElementById(`m-${chatId}-${id}`);
  if (!bubble) return;
  bubble.classList.add("gone");
  setTimeout(() => {
    const chat = bubble.parentElement;
    bubble.remove();
    if (chat) markDays(chat);
  }, 600);
}

// A date line above the first message of each day, as chat apps show.
function markDays(chat) {
  for (const line of chat.querySelectorAll(".day-line")) line.remove();
  let day = null;
  for (const bubble of chat.querySelectorAll(".msg")) {
    if (bubble.dataset.day !== day && !bubble.classList.contains("gone")) {
      const line = document.createElement("div");
      line.className = "day-line";
      line.textContent = bubble.dataset.day;
      chat.insertBefore(line, bubble);
      day = bubble.dataset.day;
    }
  }
}

// ---------------------------------------------------------------- show / hide phones

function renderChips() {
  const chips = $("#chips");
  chips.replaceChildren();
  for (const person of state.people.values()) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.dataset.key = person.key;
    chip.setAttribute("aria-pressed", String(!state.hidden.has(person.key)));
    chip.textContent = `${person.name} · ${person.role_label}`;
    chip.addEventListener("click", () => {
      if (state.hidden.has(person.key)) state.hidden.delete(person.key);
      else state.hidden.add(person.key);
      renderChips();
      applyHidden();
    });
    chips.append(chip);
  }
}

function applyHidden() {
  for (const phone of document.querySelectorAll(".phone")) {
    phone.hidden = state.hidden.has(phone.dataset.key);
  }
}

// ---------------------------------------------------------------- clock and scenario

function renderClock(clock) {
  $("#clock-now").textContent = clock.label;
  const minutes = clock.ahead_minutes;
  let ahead = "real time";
  if (minutes > 0) {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    ahead = "+ " + [days ? `${days} d` : "", hours ? `${hours} h` : "", rest ? `${rest} min` : ""]
      .filter(Boolean).join(" ") + " ahead";
  }
  $("#clock-ahead").textContent = ahead;
}

function renderScenario(scenario) {
  state.scenario = scenario;
  const box = $("#scenario");
  if (!scenario) { box.hidden = true; return; }
  box.hidden = false;
  $("#scenario-title").textContent = scenario.title;
  $("#scenario-progress").textContent = scenario.done
    ? "· the end"
    : (scenario.step ? `· step ${scenario.step} of ${scenario.steps}` : `· ${scenario.steps} steps`);
  $("#scenario-caption").textContent = scenario.error
    ? `Stopped: ${scenario.error}`
    : (scenario.caption || scenario.summary);
  $("#scenario-next").disabled = scenario.done || scenario.running || scenario.playing;
  $("#scenario-play").hidden = scenario.playing;
  $("#scenario-play").disabled = scenario.done;
  $("#scenario-stop").hidden = !scenario.playing;
  box.classList.toggle("running", scenario.running);
}

// ---------------------------------------------------------------- wiring

function applyState(snapshot) {
  state.languages = snapshot.languages;
  state.roles = snapshot.roles;
  if (snapshot.scenario && snapshot.scenario.panes.length && !state.scenarioPanesApplied) {
    state.scenarioPanesApplied = true;
    for (const person of snapshot.people) {
      if (!snapshot.scenario.panes.includes(person.key)) state.hidden.add(person.key);
    }
  }
  for (const person of snapshot.people) {
    renderPerson(person);
    const chat = $(".chat", phoneFor(person));
    chat.replaceChildren();
    for (const message of person.messages) renderMessage(person.chat_id, message);
  }
  renderClock(snapshot.clock);
  renderScenario(snapshot.scenario);
  fillAddPersonForm();
  document.body.dataset.ready = "1";
}

function onEvent(event) {
  switch (event.type) {
    case "message": renderMessage(event.chat_id, event.message); break;
    case "deleted": removeMessage(event.chat_id, event.id); break;
    case "person": renderPerson(event.person); break;
    case "clock": renderClock(event.clock); break;
    case "scenario": renderScenario(event.scenario); break;
    case "notice": notice(event.text); break;
  }
}

function connect() {
  const source = new EventSource("/api/events");
  // Each (re)connection starts from a fresh snapshot, so nothing is missed in between.
  source.onopen = async () => {
    const response = await fetch("/api/state");
    applyState(await response.json());
  };
  source.onmessage = (message) => onEvent(JSON.parse(message.data));
}

function fillAddPersonForm() {
  const roles = $("#add-person-role");
  if (roles.childElementCount) return;
  for (const [code, label] of Object.entries(state.roles)) {
    roles.append(new Option(label, code));
  }
  const locales = $("#add-person-locale");
  for (const [code, name] of Object.entries(state.languages)) {
    locales.append(new Option(name, code));
  }
}

function wire() {
  for (const button of document.querySelectorAll(".time-control button")) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      const body = button.dataset.next ? { to: "next" } : { minutes: Number(button.dataset.minutes) };
      const answer = await post("/api/time", body);
      if (answer.ok) {
        renderClock(answer.clock);
        notice(answer.timers_run ? `${answer.timers_run} timer(s) went off` : "No timer was due");
      }
      button.disabled = false;
    });
  }
  $("#scenario-next").addEventListener("click", () => post("/api/scenario/next"));
  $("#scenario-play").addEventListener("click", () => post("/api/scenario/play"));
  $("#scenario-stop").addEventListener("click", () => post("/api/scenario/stop"));
  const dialog = $("#add-person");
  $("#add-person-open").addEventListener("click", () => dialog.showModal());
  $("#add-person-cancel").addEventListener("click", () => dialog.close());
  $("#add-person-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    post("/api/people", {
      name: form.get("name"), role: form.get("role"), locale: form.get("locale"),
    });
    event.target.reset();
    dialog.close();
  });
  document.addEventListener("click", (event) => {
    for (const popup of document.querySelectorAll(".menu-popup:not([hidden])")) {
      const phone = popup.closest(".phone");
      if (!phone.contains(event.target)) popup.hidden = true;
    }
  });
}

wire();
connect();
