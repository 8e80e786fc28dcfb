// TellOnce officers' workspace: small progressive enhancements only. Every page works without
// this script; it is served from our origin under the strict CSP (no inline script).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // A refusal or validation problem is announced and focused, so keyboard and screen-reader
  // users land on the reason rather than at the top of a long page.
  var problem = document.getElementById("problem");
  if (problem) {
    problem.focus();
  }

  // On a phone the queue's filters start folded (unless some are on), so the cases come first.
  var narrow = window.matchMedia("(max-width: 47.99em)").matches;
  document.querySelectorAll("details[data-collapse-on-phone='yes']").forEach(function (box) {
    if (narrow) {
      box.removeAttribute("open");
    }
  });

  // "Print this packet" buttons (a plain Ctrl+P works too).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
