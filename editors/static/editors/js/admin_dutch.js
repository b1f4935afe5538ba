// wagtail-localize 1.14 writes a few strings into its translation editor without gettext ("More actions", the
// "<source> to <target> translation" heading), so no catalogue can translate them; and it writes the date in a
// segment's comment with strftime, whose month names are English ("Handmatig vertaald op 5 December 2026"). For a
// Dutch admin, replace them once the editor has drawn them. Remove an entry when wagtail-localize does it itself.
// Wagtail's dashboard ends its search form with a button only a screen reader finds, its text written into the
// template as "Search" without gettext (wagtailadmin/home.html, shared/header.html): in every admin language it gets
// Wagtail's own translation of "Search" from the admin's JavaScript catalogue ("Zoeken", "بحث").
(() => {
  if (window.django?.gettext) {
    const search = window.django.gettext("Search");
    for (const button of document.querySelectorAll('input[type="submit"][value="Search"]')) button.value = search;
  }
  if (!document.documentElement.lang.startsWith("nl")) return;
  const months = {
    January: "januari", February: "februari", March: "maart", April: "april", May: "mei", June: "juni",
    July: "juli", August: "augustus", September: "september", October: "oktober", November: "november",
    December: "december",
  };
  const replacements = [
    [/^More actions$/, "Meer acties"],
    [/^(.+) to (.+) translation$/, "Vertaling van $1 naar $2"],
    [
      /^(.* op \d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$/,
      (_, before, month, year) => `${before} ${months[month]} ${year}`,
    ],
  ];
  const translate = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      for (const [pattern, dutch] of replacements) {
        if (pattern.test(text)) node.nodeValue = text.replace(pattern, dutch);
      }
    }
  };
  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    translate(editor);
    new MutationObserver(() => translate(editor)).observe(editor, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
