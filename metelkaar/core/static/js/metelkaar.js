/* Small progressive enhancements; every page works without this file. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
});

/* Show the value of every slider next to it, as a percentage. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[type=range]").forEach(function (slider) {
    var output = document.createElement("output");
    output.setAttribute("for", slider.id);
    output.className = "range-value";
    var show = function () { output.textContent = slider.value + " %"; };
    slider.insertAdjacentElement("afterend", output);
    slider.addEventListener("input", show);
    show();
  });
});

/* The header menu folds away on a narrow screen behind one button; without
   this script the button stays hidden and the menu stays open. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".menu-toggle").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
    });
  });
});
