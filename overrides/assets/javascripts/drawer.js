/* A "Close menu" button at the top of the navigation drawer on narrow screens: it takes focus
   when the drawer opens, and closing the drawer returns focus to the menu button. Escape stays
   the quick exit, so this button is the keyboard's way out of the drawer. Without JavaScript the
   drawer still opens and closes with the theme's menu label and overlay. */
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".md-header label.md-header__button[for='__drawer']");
  var inner = document.querySelector(".md-sidebar--primary .md-sidebar__inner");
  if (!drawer || !menu || !inner) {
    return;
  }

  var close = document.createElement("button");
  close.type = "button";
  close.className = "dl-drawer-close";
  close.textContent = "Close menu";
  close.setAttribute("aria-controls", "__drawer");
  inner.insertBefore(close, inner.firstChild);

  function setOpen(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  close.addEventListener("click", function () {
    setOpen(false);
  });

  drawer.addEventListener("change", function () {
    if (drawer.checked) {
      // The drawer becomes visible in this frame; focus its button once it is.
      window.requestAnimationFrame(function () {
        close.focus();
      });
    } else if (inner.contains(document.activeElement) || document.activeElement === document.body) {
      menu.focus();
    }
  });
})();
