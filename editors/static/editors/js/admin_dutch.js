// wagtail-localize 1.14 writes a few strings into its translation editor without gettext ("More actions", the
// "<source> to <target> translation" heading), so no catalogue can translate them. For a Dutch admin, replace
// them once the editor has drawn them. Remove an entry when wagtail-localize translates it itself.
(() => {
  if (!document.documentElement.lang.startsWith("nl")) return;
  const replacements = [
    [/^More actions$/, "Meer acties"],
    [/^(.+) to (.+) translation$/, "Vertaling van $1 naar $2"],
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
