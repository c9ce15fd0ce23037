// Polls the run record and updates the progress page live (state, elapsed, best objective,
// what its bound proves) until the run finishes; then reloads to show the result or "Run again".
(function () {
  "use strict";
  var box = document.getElementById("run");
  if (!box) { return; }
  var show = function (id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = (value === null || value === undefined) ? "–" : String(value); }
  };
  var poll = function () {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        document.getElementById("run-progress").value = s.progress;
        var state = document.getElementById("run-state");
        state.dataset.state = s.state;
        show("run-state", s.state_label);
        show("run-elapsed", s.elapsed);
        show("run-objective", s.objective);
        show("run-bound", s.bound);
        show("run-gap", s.gap);
        show("run-proof", s.proof);
        show("run-message", s.message);
        if (s.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  };
  if (document.getElementById("cancel-form")) { setTimeout(poll, 1000); }
})();
