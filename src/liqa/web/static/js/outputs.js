// While a version's outputs are being prepared, asks every 3 seconds whether they are
// ready with a HEAD request instead of reloading the page (a reload every few seconds
// moved a screen reader back to the top and could not be stopped, WCAG 2.2.1): once they
// are, downloads them; if preparing them failed, opens the page again to say so.
(function () {
  "use strict";
  if (!document.getElementById("outputs-building")) { return; }
  var address = window.location.pathname; // without ?retry=1, which would start a new build
  var poll = function () {
    fetch(address, { method: "HEAD", credentials: "same-origin", cache: "no-store" })
      .then(function (r) {
        if (r.status === 202) { setTimeout(poll, 3000); } else { window.location.assign(address); }
      })
      .catch(function () { setTimeout(poll, 5000); });
  };
  setTimeout(poll, 3000);
})();
