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
