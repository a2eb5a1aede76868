// Live thinking-trap suggestions while a thought is typed (step 1 of a thought record).
// The form works without this: step 3 lists the same suggestions. Nothing typed is stored
// until the form is saved; the text goes only to this server.
(function () {
  "use strict";
  var box = document.getElementById("trap-preview");
  var input = document.getElementById("thought");
  if (!box || !input || !window.fetch) return;
  var list = box.querySelector("ul");
  var heading = box.querySelector("h2");
  var hint = box.querySelector("p.hint");
  var timer = null;
  var asked = "";

  // When no trap stands out, say so instead of listing unlikely ones.
  function show(suggestions, distorted) {
    var key = distorted ? "found" : "none";
    heading.textContent = heading.dataset[key];
    hint.textContent = hint.dataset[key];
    while (list.firstChild) list.removeChild(list.firstChild);
    list.hidden = !distorted;
    if (!distorted) suggestions = [];
    suggestions.slice(0, 3).forEach(function (s) {
      var li = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = s.name;
      li.appendChild(name);
      li.appendChild(document.createTextNode(": " + s.explanation));
      list.appendChild(li);
    });
    box.hidden = distorted && suggestions.length === 0;
  }

  function ask() {
    var text = input.value.trim();
    if (text.length < 12) { box.hidden = true; return; }
    if (text === asked) return;
    asked = text;
    fetch("/thoughts/suggest", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": box.dataset.csrf },
      body: JSON.stringify({ text: text })
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && input.value.trim() === text) show(data.suggestions || [], data.distorted !== false); })
      .catch(function () { /* offline or signed out: the form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 700);
  });
  if (input.value.trim()) ask();
})();
