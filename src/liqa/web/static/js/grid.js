// The organizer's grid of a draft: Pin and Move without a form per meeting.
// Move: the page holds one Move form (<template id="move-form">); opening a meeting's Move
// puts a copy in its place, filled with the meeting's key, slot and table (without script,
// the meeting's Move leads to its own Move page instead).
// Pin: each button submits one of the two shared pin forms (#pin-1 pins, #pin-0 unpins);
// with script the pin is sent in the background and the meeting's buttons and rows change
// in place, where the whole grid was loaded again. Any refusal falls back to the page.
(function () {
  "use strict";
  var template = document.getElementById("move-form");
  var fill = function (details) {
    var page = details.querySelector("form.move-page");
    if (!template || !page) { return; }
    var form = template.content.querySelector("form").cloneNode(true);
    form.elements.key.value = page.elements.key.value;
    var slot = page.getAttribute("data-slot");
    if (slot) { form.elements.slot.value = slot; }
    form.elements.table.value = page.getAttribute("data-table") || "";
    page.replaceWith(form);
  };
  var moveOf = function (node) {
    return node && node.closest ? node.closest("details.move") : null;
  };
  // on the click that opens it (before it shows), and when opened otherwise
  document.addEventListener("click", function (event) {
    var summary = event.target.closest && event.target.closest("summary");
    var details = moveOf(summary);
    if (details && summary.parentNode === details) { fill(details); }
  }, true);
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.move") && event.target.open) {
      fill(event.target);
    }
  }, true);

  var pinned = function (key, on) {
    var target = document.getElementById(on ? "pin-0" : "pin-1");
    document.querySelectorAll("button.pin[data-pin]").forEach(function (button) {
      if (button.getAttribute("data-pin") !== key) { return; }
      button.setAttribute("form", target.id);
      button.textContent = target.getAttribute("data-label");
      var row = button.closest(".meeting, tr.line");
      if (row) { row.classList.toggle("pinned", on); }
    });
  };
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.classList.contains("pin-form") || !button || !window.fetch || form.dataset.native) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    data.append(button.name, button.value);
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (answer) {
      if (!answer.ok) { throw new Error(String(answer.status)); }
      return answer.json();
    }).then(function (answer) {
      button.disabled = false;
      pinned(answer.key, answer.pinned);
    }).catch(function () {  // refused (published meanwhile, ...): the page says why
      button.disabled = false;
      form.dataset.native = "1";
      button.click();
    });
  });
})();
