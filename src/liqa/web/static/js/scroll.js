// A table wider than the screen scrolls sideways inside its .grid-wrap box, and a keyboard
// user can only scroll a box that takes the focus (WCAG 2.1.1). Each box that is too narrow
// for its table takes the focus and is named by its section's heading (or the page's);
// boxes whose table fits are left out of the tab order. Checked again when the window's
// size changes or a <details> opens or closes.
(function () {
  "use strict";
  var named = 0;
  var heading = function (box) {
    var section = box.closest("section");
    var title = (section && section.querySelector("h1, h2, h3")) || document.querySelector("main h1");
    if (!title) { return null; }
    if (!title.id) { named += 1; title.id = "scroll-title-" + named; }
    return title.id;
  };
  var update = function () {
    document.querySelectorAll(".grid-wrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        var title = heading(box);
        if (title) { box.setAttribute("aria-labelledby", title); }
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    });
  };
  update();
  window.addEventListener("resize", update);
  document.addEventListener("toggle", update, true);
})();
