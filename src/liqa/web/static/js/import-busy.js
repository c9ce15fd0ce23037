// Import forms (mission file, spreadsheets, their previews): once a form is sent, its
// buttons are disabled and the one clicked says what its data-busy attribute holds
// ("Importing…") until the next page arrives, so the organizer sees the import has started
// and cannot send it twice. Without this script the page says to wait, and the server
// imports a form sent twice only once (the hidden "once" field).
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-import]");
  var restore = function (form) {
    delete form.dataset.sent;
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button").forEach(function (button) {
      button.disabled = false;
      if (button.dataset.idle !== undefined) {
        button.textContent = button.dataset.idle;
        delete button.dataset.idle;
      }
    });
  };
  forms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
      form.setAttribute("aria-busy", "true");
      var clicked = event.submitter || form.querySelector("button[type=submit]");
      if (clicked && clicked.dataset.busy) {
        clicked.dataset.idle = clicked.textContent;
        clicked.textContent = clicked.dataset.busy;
      }
      // disabled after the form's data is taken: the clicked button's name and value
      // (action=confirm) are still sent
      setTimeout(function () {
        form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      }, 0);
    });
  });
  // back to this page from the browser's history: the form may be sent again
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { forms.forEach(restore); }
  });
})();
