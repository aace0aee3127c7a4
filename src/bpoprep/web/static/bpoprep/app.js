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
