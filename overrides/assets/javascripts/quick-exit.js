/* Quick exit: Escape (without Ctrl, Alt or Meta) or the "Leave this site" link hides the page
   at once and replaces it in history with a neutral site. Loaded in <head>, before the theme,
   so its capture-phase listener on window runs before any other key handler. */
(function () {
  "use strict";
  var script = document.currentScript;
  var exitUrl = script.getAttribute("data-exit-url");
  var exitTitle = script.getAttribute("data-exit-title");
  var root = document.documentElement;
  var shownTitle = null;

  root.classList.add("vs-js");

  function hidePage() {
    root.classList.add("vs-leaving");
    root.style.setProperty("background", "#fff", "important");
    if (document.body) {
      document.body.style.setProperty("display", "none", "important");
    }
    shownTitle = document.title;
    document.title = exitTitle;
  }

  function showPage() {
    root.classList.remove("vs-leaving");
    root.style.removeProperty("background");
    if (document.body) {
      document.body.style.removeProperty("display");
    }
    if (shownTitle !== null) {
      document.title = shownTitle;
    }
  }

  function leave() {
    hidePage();
    window.location.replace(exitUrl);
  }

  function isQuickExitKey(event) {
    return (
      (event.key === "Escape" || event.key === "Esc") &&
      !event.ctrlKey && !event.altKey && !event.metaKey && !event.isComposing
    );
  }

  window.addEventListener("keydown", function (event) {
    if (isQuickExitKey(event)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      leave();
    }
  }, true);

  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-quick-exit]");
    if (link) {
      event.preventDefault();
      event.stopImmediatePropagation();
      leave();
    }
  }, true);

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      showPage();
    }
  });
})();
