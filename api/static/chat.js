/*
 * TellOnce web chat. Plain script, no framework, no storage.
 *
 * Safety rules this file keeps:
 * - Bot and resident text is only ever put on the page with textContent, never innerHTML.
 * - Nothing is written to cookies, localStorage, sessionStorage or IndexedDB. The sender id is
 *   a random value held in a variable for this page load only.
 * - "Exit this page" (button, or Shift pressed 3 times) empties the page and leaves with
 *   location.replace, so Back does not return to the conversation.
 * - When a message cannot be sent, the typed text stays in the box.
 */
"use strict";

(() => {
  const GREETING = "hi";
  const SHIFT_PRESSES = 3;
  const SHIFT_WINDOW_MS = 2000;
  // Phone numbers in the assistant's words become tel: links (one tap to call); web addresses
  // become links. Only digits reach the href, and only http(s) addresses are linked.
  const LINKABLE =
    /(https?:\/\/[^\s)]+[^\s).,])|(\+?\b(?:0\d[\d ]{7,12}\d|999(?! ?BSL)|101|111|18000|18001 101|116 123)\b)/g;

  const HINTS = {
    text: "Type your answer and press Send. You can say “skip” to any question.",
    narrative:
      "In your own words: what happened, when, where, what was said or done. You can send " +
      "several messages.",
    date: "When did it happen? For example “yesterday about 6pm”, “last Friday” or “12 March”. " +
      "You can say “I don't know”.",
    location: "Where did it happen? A street, a place or a bus route, or say “online”. " +
      "You can say “skip”.",
    choice: "Choose one of the answers above, or type your own.",
    yes_no: "Answer yes or no, or say “skip”.",
    none: "This conversation has ended. You can close this page, or type a message to start " +
      "again.",
  };
  // Quick answers offered when the bot asks without buttons of its own. They are sent as plain
  // text, exactly as if typed.
  const SUGGESTIONS = {
    yes_no: [["Yes", "yes"], ["No", "no"], ["Skip", "skip"]],
    date: [["Today", "today"], ["Yesterday", "yesterday"], ["I don't know", "I don't know"]],
    location: [["It was online", "online"], ["I don't know", "I don't know"]],
  };

  const state = {
    sender: newSender(),
    busy: false,
    exiting: false,
    controller: null,
    shiftCount: 0,
    shiftTimer: 0,
  };
  let els = null;
  let exitUrl = "https://www.bbc.co.uk/weather"; // the page names QUICK_EXIT_URL; this is a fallback

  function newSender() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function byId(id) {
    return document.getElementById(id);
  }

  /** The text as nodes: plain text, and links for phone numbers and web addresses. */
  function linkified(text) {
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(LINKABLE)) {
      if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
      const link = document.createElement("a");
      if (match[1]) {
        link.href = match[1];
        link.rel = "noopener noreferrer";
        link.target = "_blank";
      } else {
        // "text <number>" opens the messages app; every other number calls
        const texting = /\btext\s$/i.test(text.slice(Math.max(0, match.index - 5), match.index));
        link.href = (texting ? "sms:" : "tel:") + match[2].replace(/[^\d+]/g, "");
      }
      link.textContent = match[0];
      nodes.push(link);
      last = match.index + match[0].length;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  function addMessage(who, text, alert) {
    const item = document.createElement("li");
    item.className = "msg msg-" + who + (alert ? " msg-alert" : "");
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = who === "bot" ? "Assistant said: " : "You said: ";
    const body = document.createElement("p");
    body.className = "msg-text";
    body.dir = "auto";
    if (who === "bot") {
      body.append(...linkified(text));
    } else {
      body.textContent = text;
    }
    if (alert) {
      // Danger now: announced at once, whatever the screen reader is doing.
      const urgent = document.createElement("div");
      urgent.setAttribute("role", "alert");
      urgent.append(body);
      item.append(label, urgent);
    } else {
      item.append(label, body);
    }
    els.transcript.append(item);
  }

  function showChoices(buttons, label) {
    els.choiceButtons.replaceChildren();
    for (const choice of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.dir = "auto";
      button.textContent = choice.title;
      button.addEventListener("click", () => {
        send(choice.payload, choice.title, { viaButton: true });
      });
      els.choiceButtons.append(button);
    }
    els.choicesLabel.textContent = label;
    els.choices.hidden = buttons.length === 0;
  }

  function setExpects(expects, botButtons) {
    const kind = expects && HINTS[expects.kind] ? expects.kind : "text";
    const slot = expects ? expects.slot : null;
    els.hint.textContent = slot === "narrative" ? HINTS.narrative : HINTS[kind];
    els.form.dataset.kind = kind; // lets styles (and tests) follow what is being asked
    els.form.dataset.slot = slot || "";
    if (botButtons.length) {
      showChoices(botButtons, "Choose an answer, or type your own below");
    } else if (SUGGESTIONS[kind]) {
      const quick = SUGGESTIONS[kind].map(([title, payload]) => ({ title, payload }));
      showChoices(quick, "Quick answers, or type your own below");
    } else {
      showChoices([], "");
    }
  }

  function render(data, opts) {
    const messages = Array.isArray(data.messages) ? data.messages : [];
    const firstNew = els.transcript.children.length;
    let buttons = [];
    for (const message of messages) {
      if (typeof message.text === "string" && message.text) {
        addMessage("bot", message.text, message.alert === true);
      }
      if (Array.isArray(message.buttons)) buttons = buttons.concat(message.buttons);
    }
    setExpects(data.ended ? { slot: null, kind: "none" } : data.expects, buttons);
    const first = els.choiceButtons.querySelector("button");
    if (opts.viaButton) {
      // The button that had focus is gone: put focus on the next answer, never on nothing.
      (first && !els.choices.hidden ? first : els.input).focus();
    }
    if (!opts.greeting) reveal(els.transcript.children[firstNew]);
  }

  /** Bring the answer box into view, but never scroll the start of the reply out of sight. */
  function reveal(first) {
    els.composer.scrollIntoView({ block: "end" });
    const barHeight = els.exit.parentElement.getBoundingClientRect().height;
    if (first && first.getBoundingClientRect().top < barHeight) {
      first.scrollIntoView({ block: "start" }); // .msg has scroll-margin-top for the exit bar
    }
  }

  function showError(text) {
    els.error.textContent = text;
    els.error.hidden = false;
  }

  function clearError() {
    els.error.hidden = true;
    els.error.textContent = "";
  }

  function setBusy(busy) {
    state.busy = busy;
    els.conversation.setAttribute("aria-busy", busy ? "true" : "false");
    els.status.textContent = busy ? "The assistant is replying…" : "";
    els.send.setAttribute("aria-disabled", busy ? "true" : "false");
  }

  function errorText(status, body, opts) {
    // A part of the service is down: the gateway's words (answers kept, the emergency number, Stop Hate UK).
    if (status === 503 && body && body.error === "assistant_unavailable" &&
        typeof body.detail === "string") {
      return body.detail + (opts.greeting ? "" : " " + document.body.dataset.stillInBox);
    }
    if (status >= 500) {
      const words = document.body.dataset;
      return opts.greeting ? words.unavailableStart : words.unavailable;
    }
    if (body && typeof body.detail === "string") return body.detail;
    return "Something went wrong sending that message. Please try again.";
  }

  /** Send one message. Returns true when the assistant answered. */
  async function send(message, shown, opts = {}) {
    if (state.busy || state.exiting) return false;
    setBusy(true);
    clearError();
    const controller = new AbortController();
    state.controller = controller;
    let data = null;
    try {
      const response = await fetch("/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ sender: state.sender, message }),
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
        signal: controller.signal,
      });
      data = await response.json().catch(() => null);
      if (!response.ok || !data) {
        if (!state.exiting) showError(errorText(response.status, data, opts));
        return false;
      }
    } catch (err) {
      if (!state.exiting) showError(errorText(503, null, opts));
      return false;
    } finally {
      state.controller = null;
      setBusy(false);
    }
    if (state.exiting) return false;
    if (shown) addMessage("you", shown);
    render(data, opts);
    return true;
  }

  async function onSubmit(event) {
    event.preventDefault();
    const text = els.input.value;
    if (!text.trim()) {
      showError("Please type a message first.");
      els.input.focus();
      return;
    }
    const sent = await send(text, text.trim());
    // Keep whatever is in the box unless it is exactly what was just delivered.
    if (sent && els.input.value === text) els.input.value = "";
    updateCounter();
    if (!state.exiting) els.input.focus();
  }

  function updateCounter() {
    const max = Number(els.input.getAttribute("maxlength")) || 2000;
    const left = max - els.input.value.length;
    els.counter.textContent = left < 200 ? `${left} characters left` : "";
  }

  function quickExit(event) {
    if (event) event.preventDefault();
    if (state.exiting) return;
    state.exiting = true;
    try {
      if (state.controller) state.controller.abort();
      state.sender = null;
      document.body.replaceChildren(); // transcript, choices and typed text leave the DOM
      document.title = "";
    } finally {
      window.location.replace(exitUrl);
    }
  }

  function onKeyDown(event) {
    if (event.key !== "Shift") {
      state.shiftCount = 0;
      return;
    }
    if (event.repeat) return;
    state.shiftCount += 1;
    window.clearTimeout(state.shiftTimer);
    if (state.shiftCount >= SHIFT_PRESSES) {
      quickExit();
      return;
    }
    const left = SHIFT_PRESSES - state.shiftCount;
    els.exitStatus.textContent = `Shift: press ${left} more time${left === 1 ? "" : "s"} to exit`;
    state.shiftTimer = window.setTimeout(() => {
      state.shiftCount = 0;
      els.exitStatus.textContent = "";
    }, SHIFT_WINDOW_MS);
  }

  function onInputKeyDown(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      els.form.requestSubmit();
    }
  }

  function init() {
    els = {
      transcript: byId("transcript"),
      conversation: byId("conversation"),
      status: byId("status"),
      choices: byId("choices"),
      choicesLabel: byId("choices-label"),
      choiceButtons: byId("choice-buttons"),
      form: byId("composer"),
      composer: byId("composer"),
      hint: byId("hint"),
      input: byId("message"),
      error: byId("error"),
      counter: byId("counter"),
      send: byId("send"),
      exit: byId("quick-exit"),
      exitStatus: byId("exit-status"),
    };
    exitUrl = els.exit.dataset.exitUrl || exitUrl;
    els.exit.addEventListener("click", quickExit);
    document.addEventListener("keydown", onKeyDown, true);
    els.form.addEventListener("submit", onSubmit);
    els.input.addEventListener("keydown", onInputKeyDown);
    els.input.addEventListener("input", updateCounter);
    // If the browser ever restores this page from its back-forward cache after an exit, leave.
    window.addEventListener("pageshow", (event) => {
      if (event.persisted && state.exiting) window.location.replace(exitUrl);
    });
    send(GREETING, null, { greeting: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
