// Length hints in the page editor: "n van max tekens" under every text field with a maximum length, and a
// warning where a title or description gets longer than search engines and social cards show.
// Wagtail 8 counts characters only in rich text; this covers plain inputs. Strings and advised lengths come
// from the JSON element #los-length-hints (rendered by home/wagtail_hooks.py, translated server-side).
(function () {
  "use strict";
  var configElement = document.getElementById("los-length-hints");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  }

  function attach(field) {
    if (field.dataset.losLength) return;
    var name = (field.name || "").split("-").pop();
    var max = parseInt(field.getAttribute("maxlength") || "0", 10);
    var advised = config.advised[name] || 0;
    if (!max && !advised) return;
    field.dataset.losLength = "1";
    var hint = document.createElement("p");
    hint.className = "w-field__help los-length-hint";
    hint.id = (field.id || name) + "-los-length";
    hint.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", hint);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + hint.id);
    function update() {
      var length = field.value.length;
      var parts = [];
      parts.push(max ? format(config.strings.count_max, { count: length, max: max })
                     : format(config.strings.count, { count: length }));
      if (advised && length > advised) {
        parts.push(format(config.strings.too_long, { advised: advised }));
        hint.classList.add("los-length-hint--warning");
      } else {
        hint.classList.remove("los-length-hint--warning");
      }
      hint.textContent = parts.join(" ");
    }
    field.addEventListener("input", update);
    update();
  }

  function scan() {
    document.querySelectorAll("form input[type=text][maxlength], form textarea[maxlength], form input[type=text], form textarea")
      .forEach(attach);
  }
  document.addEventListener("DOMContentLoaded", scan);
  document.addEventListener("wagtail:panel-init", scan);
  if (document.readyState !== "loading") scan();
})();
