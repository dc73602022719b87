/* Make two of the theme's widgets usable by keyboard: tables that scroll sideways can be focused
   and scrolled with the arrow keys (WCAG 2.1.1), and the menu button that opens the navigation
   drawer on narrow screens is a real button. */
(function () {
  "use strict";

  function makeScrollingTablesFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        var caption = wrap.querySelector("caption");
        var label = caption ? caption.textContent.trim() : "Table, scrolls sideways";
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label);
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function makeMenuButtonAButton() {
    var menu = document.querySelector(".md-header label.md-header__button[for='__drawer']");
    var drawer = document.getElementById("__drawer");
    if (!menu || !drawer) {
      return;
    }
    menu.setAttribute("role", "button");
    menu.setAttribute("tabindex", "0");
    menu.setAttribute("aria-label", "Menu");
    menu.setAttribute("aria-expanded", String(drawer.checked));
    drawer.addEventListener("change", function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        // The theme's bundle also clicks a focused label on Enter, which would close the
        // drawer again at once: this click is the only one.
        event.preventDefault();
        event.stopPropagation();
        menu.click();
      }
    });
  }

  // The theme wraps tables once its own scripts have run, and widths change with the window.
  window.addEventListener("load", makeScrollingTablesFocusable);
  window.addEventListener("resize", makeScrollingTablesFocusable);
  makeMenuButtonAButton();
})();
