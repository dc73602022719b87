/* The navigation's sections in the drawer on narrow screens. The theme shows each section as a
   panel that a label (a hidden checkbox's) slides in, and a title label slides out again: that
   works by pointer without JavaScript. This makes it work by keyboard too: the labels take focus
   and answer Enter and Space, an opened panel takes focus to its first link and a closed one
   gives it back to its label, each panel says whether it is expanded, and closed panels are
   inert. On wide screens the sections are plain headings and this does nothing. */
(function () {
  "use strict";

  var DRAWER_MEDIA = window.matchMedia("(max-width: 76.234375em)");
  var toggles = document.querySelectorAll(".md-nav--primary .md-nav__toggle");

  function labelsFor(toggle) {
    return document.querySelectorAll(".md-nav--primary label[for='" + toggle.id + "']");
  }

  function panelOf(toggle) {
    return toggle.parentNode.querySelector(":scope > nav.md-nav");
  }

  function showState(toggle) {
    var panel = panelOf(toggle);
    var narrow = DRAWER_MEDIA.matches;
    if (panel) {
      panel.setAttribute("aria-expanded", String(toggle.checked));
      panel.inert = narrow && !toggle.checked;
    }
    labelsFor(toggle).forEach(function (label) {
      var opens = label.classList.contains("md-nav__link");
      // A panel's title label, which closes it, is reachable only while the panel is open.
      var reachable = narrow && (opens || toggle.checked);
      if (reachable) {
        label.setAttribute("tabindex", "0");
      } else {
        label.removeAttribute("tabindex");
      }
    });
  }

  function moveFocus(toggle) {
    var panel = panelOf(toggle);
    if (toggle.checked && panel) {
      var first = panel.querySelector("label.md-nav__title, a[href]");
      if (first) {
        first.focus({ preventScroll: true });
      }
    } else {
      var opener = toggle.parentNode.querySelector(":scope > label.md-nav__link");
      if (opener) {
        opener.focus({ preventScroll: true });
      }
    }
  }

  function wire(toggle) {
    labelsFor(toggle).forEach(function (label) {
      label.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          label.click();
        }
      });
    });
    toggle.addEventListener("change", function () {
      showState(toggle);
      if (DRAWER_MEDIA.matches) {
        // The panel slides in this frame; move focus once it is there.
        window.requestAnimationFrame(function () {
          moveFocus(toggle);
        });
      }
    });
    showState(toggle);
  }

  toggles.forEach(wire);
  DRAWER_MEDIA.addEventListener("change", function () {
    toggles.forEach(showState);
  });
})();
