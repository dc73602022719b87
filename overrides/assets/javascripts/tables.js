/* Tables that scroll sideways. The build wraps every table in a scroll region that is focusable
   and named (disclosure_log/markup.py), so that without JavaScript a keyboard can reach and
   scroll every table (WCAG 2.1.1). This takes the region out of the tab order and out of the
   landmarks while its table fits, and puts it back when the window narrows. */
(function () {
  "use strict";

  var wraps = document.querySelectorAll(".md-typeset__scrollwrap");

  function keepName(wrap) {
    if (wrap.hasAttribute("aria-label")) {
      wrap.setAttribute("data-dl-label", wrap.getAttribute("aria-label"));
    }
  }

  function setScrollable(wrap, scrollable) {
    if (scrollable) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", wrap.getAttribute("data-dl-label") || "Table");
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  function update() {
    wraps.forEach(function (wrap) {
      setScrollable(wrap, wrap.scrollWidth > wrap.clientWidth);
    });
  }

  wraps.forEach(keepName);
  update();
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();
