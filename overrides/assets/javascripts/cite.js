/* "Cite this response": a button that copies the citation's one line and says, in a live
   region, that it has. Without JavaScript the citation is plain text to select and copy. */
(function () {
  "use strict";

  function copyBySelection(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = document.execCommand("copy");
    selection.removeAllRanges();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(element) {
    var text = element.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyBySelection(element);
      });
    }
    return copyBySelection(element);
  }

  function announce(status, message) {
    // Emptied first, so that copying twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function enhance(section) {
    var text = section.querySelector(".dl-cite__text");
    var actions = section.querySelector("[data-cite-actions]");
    var button = section.querySelector(".dl-cite__copy");
    var status = section.querySelector(".dl-cite__status");
    if (!text || !actions || !button || !status) {
      return;
    }
    actions.hidden = false;
    button.addEventListener("click", function () {
      copy(text).then(
        function () {
          announce(status, "Citation copied");
        },
        function () {
          announce(status, "Could not copy: select the citation and copy it");
        }
      );
    });
  }

  document.querySelectorAll(".dl-cite").forEach(enhance);
})();
