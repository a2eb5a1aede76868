// Steady's small helpers. Everything works without them; they only save a few taps.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  // Fill a fresh time-zone field with the browser's zone.
  var zone = browserZone();
  document.querySelectorAll("input[data-fill-zone]").forEach(function (input) {
    if (zone) {
      input.value = zone;
    }
  });

  // On Settings, say which zone the browser reports, so a change of place is easy to see.
  document.querySelectorAll("[data-browser-zone-line]").forEach(function (line) {
    var out = line.querySelector("[data-browser-zone]");
    if (zone && out) {
      out.textContent = zone;
      line.hidden = false;
    }
  });

  // Show or hide a password.
  document.querySelectorAll("button[data-reveal]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-reveal"));
    if (!input) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var showing = input.type === "text";
      input.type = showing ? "password" : "text";
      button.textContent = showing ? "Show" : "Hide";
      button.setAttribute("aria-pressed", showing ? "false" : "true");
      input.focus();
    });
  });
})();
