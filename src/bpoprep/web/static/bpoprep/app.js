// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("htmx:afterSwap", (event) => {
  // Keep keyboard and screen-reader users where they were after a partial update.
  const target = event.detail.target;
  if (target && target.id) {
    const fresh = document.getElementById(target.id);
    const button = fresh && fresh.querySelector("button");
    if (button) button.focus();
  }
});

document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// Answer practice: a visible timer and word count, and the seconds sent with the answer.
(() => {
  const timer = document.querySelector("[data-timer]");
  const field = document.querySelector("[data-timer-field]");
  const box = document.querySelector("textarea[data-wordcount]");
  const words = document.querySelector("[data-words]");
  if (!timer || !box) return;
  let started = null;
  const count = () => {
    const n = (box.value.match(/[A-Za-z\u00C0-\u024F\u0900-\u097F0-9']+/g) || []).length;
    if (words) words.textContent = String(n);
  };
  const tick = () => {
    if (started === null) return;
    const s = Math.floor((Date.now() - started) / 1000);
    timer.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    if (field) field.value = String(s);
  };
  box.addEventListener("input", () => {
    if (started === null) started = Date.now();
    count();
  });
  count();
  setInterval(tick, 1000);
})();

// Typing test: record every keystroke with its time, block paste, show live speed, stop on time.
(() => {
  const root = document.querySelector("[data-typing]");
  if (!root) return;
  const box = root.querySelector("[data-typing-box]");
  const form = root.querySelector("[data-typing-form]");
  const passage = root.querySelector("[data-passage-text]").textContent;
  const limit = Number(root.dataset.seconds) * 60;
  const clock = root.querySelector("[data-clock]");
  const wpm = root.querySelector("[data-live-wpm]");
  const acc = root.querySelector("[data-live-acc]");
  const log = [];
  let started = null;
  let entries = 0;
  let correct = 0;
  let done = false;
  const now = () => (started === null ? 0 : Math.round(performance.now() - started));
  const finish = () => {
    if (done) return;
    done = true;
    form.querySelector("[name=keystrokes]").value = JSON.stringify(log);
    form.querySelector("[name=seconds]").value = String(Math.max(1, Math.min(limit, now() / 1000)));
    form.submit();
  };
  const block = (e) => e.preventDefault();
  box.addEventListener("paste", block);
  box.addEventListener("drop", block);
  box.addEventListener("keydown", (e) => {
    if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(e.key)) e.preventDefault();
  });
  box.addEventListener("beforeinput", (e) => {
    if (done) { e.preventDefault(); return; }
    if (started === null) started = performance.now();
    const type = e.inputType || "";
    if (type === "insertFromPaste" || type === "insertFromDrop") { e.preventDefault(); return; }
    if (type.startsWith("delete")) {
      const n = Math.max(1, box.selectionEnd - box.selectionStart);
      for (let i = 0; i < n; i++) log.push([now(), "Backspace"]);
      return;
    }
    const text = type === "insertLineBreak" || type === "insertParagraph" ? "\n" : e.data || "";
    for (const ch of text) {
      const pos = box.value.length;
      entries += 1;
      if (passage[pos] === ch) correct += 1;
      log.push([now(), ch]);
    }
  });
  box.addEventListener("input", () => {
    box.setSelectionRange(box.value.length, box.value.length);
    if (box.value.length >= passage.length) finish();
  });
  setInterval(() => {
    if (started === null || done) return;
    const s = now() / 1000;
    const left = Math.max(0, Math.ceil(limit - s));
    clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    wpm.textContent = String(Math.round(entries / 5 / Math.max(s / 60, 1 / 60)));
    acc.textContent = entries ? String(Math.round((100 * correct) / entries)) : "100";
    if (s >= limit) finish();
  }, 250);
  form.addEventListener("submit", (e) => {
    if (!done) { e.preventDefault(); finish(); }
  });
})();

// Typing test menu: carry the chosen length into every passage link.
(() => {
  const select = document.querySelector("#duration-form select[name=minutes]");
  if (!select) return;
  const apply = () => document.querySelectorAll("a[data-passage]").forEach((a) => {
    const url = new URL(a.href, location.href);
    url.searchParams.set("minutes", select.value);
    a.href = url.pathname + url.search;
  });
  select.addEventListener("change", apply);
  apply();
})();

// Chat simulation: customers' scripted messages arrive in real time; every message is timed.
(() => {
  const root = document.querySelector("[data-chat]");
  const scriptTag = document.getElementById("chat-script");
  if (!root || !scriptTag) return;
  const script = JSON.parse(scriptTag.textContent);
  const started = performance.now();
  const clock = () => Math.round((performance.now() - started) / 100) / 10;
  const logs = {};
  const show = (pane, who, text) => {
    const li = document.createElement("li");
    li.className = who;
    li.textContent = text;
    pane.querySelector("[data-messages]").appendChild(li);
    li.scrollIntoView({ block: "nearest" });
  };
  script.forEach((chat) => {
    const pane = root.querySelector(`[data-chat-id="${chat.id}"]`);
    const log = (logs[chat.id] = []);
    let next = 0;
    let waiting = false;  // a customer message is on screen and not answered yet
    const deliver = (delay) => {
      if (next >= chat.turns.length) return;
      const turn = chat.turns[next++];
      setTimeout(() => {
        log.push({ who: "customer", text: turn.text, t: clock() });
        show(pane, "customer", turn.text);
        waiting = true;
      }, delay * 1000);
    };
    deliver(chat.offset);
    pane.querySelector("[data-reply]").addEventListener("submit", (e) => {
      e.preventDefault();
      const box = e.target.querySelector("textarea");
      const text = box.value.trim();
      if (!text) return;
      log.push({ who: "agent", text, t: clock() });
      show(pane, "agent", text);
      box.value = "";
      if (waiting) {
        waiting = false;
        if (next < chat.turns.length) deliver(chat.turns[next].delay);
      }
    });
  });
  document.querySelector("[data-chat-finish]").addEventListener("submit", (e) => {
    e.target.querySelector("[name=transcripts]").value = JSON.stringify(logs);
  });
})();

// Mock call: the customer's lines appear (and are spoken where the browser has a voice) one at a
// time; the candidate answers each. The agent opens the call, so the first line comes after the
// greeting.
(() => {
  const root = document.querySelector("[data-call]");
  const scriptTag = document.getElementById("call-script");
  if (!root || !scriptTag) return;
  const script = JSON.parse(scriptTag.textContent);
  const list = root.querySelector("[data-messages]");
  const turns = [];
  let next = 0;
  const say = (text) => {
    if (!("speechSynthesis" in window)) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = script.voice || "en-IN";
    window.speechSynthesis.speak(u);
  };
  const show = (who, text) => {
    const li = document.createElement("li");
    li.className = who;
    li.textContent = text;
    list.appendChild(li);
    li.scrollIntoView({ block: "nearest" });
  };
  root.querySelector("[data-call-reply]").addEventListener("submit", (e) => {
    e.preventDefault();
    const box = e.target.querySelector("textarea");
    const text = box.value.trim();
    if (!text) return;
    turns.push(text);
    show("agent", text);
    box.value = "";
    if (next < script.customer.length) {
      const line = script.customer[next++];
      setTimeout(() => { show("customer", line); say(line); }, 400);
    }
  });
  document.querySelector("[data-call-finish]").addEventListener("submit", (e) => {
    e.target.querySelector("[name=turns]").value = JSON.stringify(turns);
  });
})();

// Copy buttons: data-copy="#element" copies that element's text.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (source && navigator.clipboard) navigator.clipboard.writeText(source.textContent.trim());
});

// Recording: MediaRecorder with a level meter, a time limit, preview and retry before sending.
// Set up on page load and again whenever htmx swaps in a new recorder (the mock interview).
const initRecorder = (root) => {
  if (root.dataset.ready) return;
  root.dataset.ready = "1";
  const $ = (s) => root.querySelector(s);
  const state = $("[data-rec-state]"), clock = $("[data-rec-time]"), level = $("[data-rec-level]");
  const start = $("[data-rec-start]"), stop = $("[data-rec-stop]"), send = $("[data-rec-send]"), retry = $("[data-rec-retry]");
  const preview = $("[data-rec-preview]"), error = $("[data-rec-error]"), captions = $("[data-rec-captions]");
  let recognition = null, captionText = "";
  const max = Number(root.dataset.max);
  let recorder = null, chunks = [], blob = null, timer = null, began = 0, stream = null, meter = null;
  const fail = (msg) => { error.textContent = msg; error.hidden = false; };
  const finish = () => {
    if (recognition) { try { recognition.stop(); } catch { /* already stopped */ } }
    if (recorder && recorder.state === "recording") recorder.stop();
    clearInterval(timer);
    if (meter) cancelAnimationFrame(meter);
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stop.disabled = true;
  };
  start.addEventListener("click", async () => {
    error.hidden = true;
    if (!navigator.mediaDevices || !window.MediaRecorder) { fail("This browser cannot record audio. Try Chrome or Firefox."); return; }
    try { stream = await navigator.mediaDevices.getUserMedia({ audio: true }); }
    catch { fail("The microphone is blocked. Allow it in the browser and try again."); return; }
    // A short countdown, as in the real tests, so the first word is not cut off.
    start.disabled = true;
    for (let n = Number(root.dataset.countdown || 0); n > 0; n--) {
      state.textContent = `Starting in ${n}…`;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const ctx = new AudioContext(), analyser = ctx.createAnalyser();
    ctx.createMediaStreamSource(stream).connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    const draw = () => { analyser.getByteTimeDomainData(data); let peak = 0; for (const v of data) peak = Math.max(peak, Math.abs(v - 128)); level.value = peak / 128; meter = requestAnimationFrame(draw); };
    draw();
    chunks = []; recorder = new MediaRecorder(stream);
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = () => { blob = new Blob(chunks, { type: recorder.mimeType || "audio/webm" }); preview.src = URL.createObjectURL(blob); preview.hidden = false; send.disabled = false; retry.hidden = false; state.textContent = "Recorded."; };
    recorder.start(); began = Date.now(); state.textContent = "Recording…"; start.disabled = true; stop.disabled = false;
    // Live captions where the browser offers speech recognition; sent with the audio.
    const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    captionText = "";
    if (Recognition && captions) {
      recognition = new Recognition();
      recognition.continuous = true; recognition.interimResults = true; recognition.lang = "en-IN";
      recognition.onresult = (e) => {
        let finalText = "", interim = "";
        for (const r of e.results) (r.isFinal ? (finalText += r[0].transcript + " ") : (interim += r[0].transcript));
        captionText = finalText.trim();
        captions.textContent = (finalText + interim).trim();
        captions.hidden = false;
      };
      recognition.onerror = () => { recognition = null; };
      try { recognition.start(); } catch { recognition = null; }
    }
    timer = setInterval(() => { const s = Math.floor((Date.now() - began) / 1000); clock.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`; if (s >= max) finish(); }, 250);
  });
  stop.addEventListener("click", finish);
  retry.addEventListener("click", () => { blob = null; preview.hidden = true; send.disabled = true; retry.hidden = true; start.disabled = false; state.textContent = "Ready."; clock.textContent = "0:00"; });
  send.addEventListener("click", async () => {
    if (!blob) return;
    send.disabled = true; state.textContent = "Uploading…";
    const body = new FormData();
    body.append("audio", blob, "recording.webm");
    if (captionText) body.append("transcript", captionText);
    const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
    const response = await fetch(root.dataset.upload, { method: "POST", body, headers: { "X-CSRFToken": token } });
    const reply = await response.json().catch(() => ({ error: "The upload failed." }));
    if (!response.ok) { fail(reply.error || "The upload failed."); send.disabled = false; return; }
    if (root.dataset.mode === "turn") {
      // Mock call: the spoken turn comes back as text to check, then "Say it" sends it.
      const target = document.querySelector(root.dataset.target);
      if (target) { target.value = reply.transcript || ""; target.focus(); }
      const delivery = document.querySelector("[name=delivery]");
      if (delivery) { const list = JSON.parse(delivery.value || "[]"); list.push(reply.delivery); delivery.value = JSON.stringify(list); }
      retry.click();
      state.textContent = "Transcribed: check the text, then say it.";
      return;
    }
    if (root.dataset.mode === "interview" && window.htmx) {
      // Stay on the page so the interviewer may go on speaking the questions aloud.
      window.htmx.ajax("GET", reply.url, { target: root.dataset.target, swap: "innerHTML" });
      return;
    }
    window.location.href = reply.url;
  });
};

// Mock interview: the question is spoken when it appears; the answer clock counts down from
// the time allowed (resuming after a reload) and the seconds go with a typed answer.
const say = (text) => {
  if (!("speechSynthesis" in window) || !text) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = "en-IN";
  u.rate = 0.95;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(u);
};
const answerClocks = [];
const initInterview = (scope) => {
  scope.querySelectorAll("[data-speak-on-show]").forEach((el) => say(el.dataset.speakOnShow));
  scope.querySelectorAll("[data-answer-timer]").forEach((clock) => {
    const allowed = Number(clock.dataset.allowed);
    const began = Date.now() - Number(clock.dataset.elapsed || 0) * 1000;
    const form = clock.closest("[data-room]");
    const field = form && form.querySelector("[data-timer-field]");
    const box = form && form.querySelector("textarea[data-wordcount]");
    const words = form && form.querySelector("[data-words]");
    const count = () => { if (box && words) words.textContent = String((box.value.match(/[A-Za-z\u00C0-\u024F\u0900-\u097F0-9']+/g) || []).length); };
    if (box) { box.addEventListener("input", count); count(); }
    const tick = () => {
      const s = Math.floor((Date.now() - began) / 1000);
      const left = allowed - s;
      const shown = Math.abs(left);
      clock.textContent = `${left < 0 ? "+" : ""}${Math.floor(shown / 60)}:${String(shown % 60).padStart(2, "0")}`;
      clock.classList.toggle("over", left < 0);
      if (field) field.value = String(s);
    };
    tick();
    answerClocks.forEach(clearInterval);
    answerClocks.push(setInterval(tick, 1000));
  });
};
const initAll = (scope) => {
  scope.querySelectorAll("[data-recorder]").forEach(initRecorder);
  initInterview(scope);
};
initAll(document);
document.addEventListener("htmx:afterSwap", (event) => { if (event.detail.target) initAll(event.detail.target); });

// Repeat and sentence-build drills: the browser's own voice speaks the prompt.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-say]");
  if (button) say(button.dataset.say);
});
