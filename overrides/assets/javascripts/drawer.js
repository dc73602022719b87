/* The navigation drawer on narrow screens. Without JavaScript it is the theme's own: the menu
   label in the header ticks a hidden checkbox and the drawer slides in (CSS), and the drawer
   shows itself when a keyboard tabs into it (drawer.css). With JavaScript:
   - the menu label gives way to a real button, "Menu", that says whether the drawer is open;
   - a "Close menu" button at the top of the drawer takes focus when it opens, and closing it
     gives focus back to the menu button (Escape stays the quick exit, so this button is the
     keyboard's way out). */
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var label = document.querySelector(".md-header label.md-header__button[for='__drawer']");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var inner = sidebar && sidebar.querySelector(".md-sidebar__inner");
  if (!drawer || !label || !inner) {
    return;
  }

  function makeMenuButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon dl-menu-button";
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-expanded", "false");
    Array.prototype.forEach.call(label.childNodes, function (child) {
      button.appendChild(child.cloneNode(true));
    });
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    return button;
  }

  function makeCloseButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "dl-drawer-close";
    button.textContent = "Close menu";
    inner.insertBefore(button, inner.firstChild);
    return button;
  }

  var menu = makeMenuButton();
  var close = makeCloseButton();

  function setOpen(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function showState() {
    menu.setAttribute("aria-expanded", String(drawer.checked));
  }

  menu.addEventListener("click", function () {
    setOpen(!drawer.checked);
  });

  close.addEventListener("click", function () {
    setOpen(false);
  });

  drawer.addEventListener("change", function () {
    showState();
    if (drawer.checked) {
      // The drawer becomes visible in this frame; focus its button once it is.
      window.requestAnimationFrame(function () {
        close.focus();
      });
    } else if (sidebar.contains(document.activeElement) || document.activeElement === document.body) {
      menu.focus();
    }
  });

  showState();
})();
