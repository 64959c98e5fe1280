// Small browser helpers the app calls through JS interop.
window.dashboard = {
  // Below MudBlazor's md breakpoint the navigation drawer lies over the page instead of beside it.
  isNarrowScreen() {
    return window.matchMedia("(max-width: 959.98px)").matches;
  },
  // Focus back where the person was once the element they worked on is gone (a closed inline field); quietly nothing
  // when that element is gone too.
  focusElement(selector) {
    const focus = () => document.querySelector(selector)?.focus();
    focus();
    // A field torn down in the same render can still drop focus onto the page as it goes; take it back once, then.
    setTimeout(() => { if (document.activeElement === document.body) focus(); }, 100);
  },
  // Resolves once the list a select controls (aria-controls) is in the page, so the server knows its options: a
  // select built a moment ago opened before that would mark none of them. Gives up after two seconds.
  async whenOptionsShown(selector) {
    for (let waited = 0; waited < 2000; waited += 25) {
      const list = document.querySelector(selector)?.getAttribute("aria-controls");
      if (list && document.getElementById(list)) return;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  },
  // Copying needs a secure context (https or localhost); elsewhere the caller tells the person to copy by hand.
  async copyText(text) {
    if (!navigator.clipboard) return false;
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  },
};

// A click on a row control written as markup (data-row-action, data-row) reaches the list through one handler on the
// list's table (or body): see RowActionEventArgs. A click elsewhere in it arrives with no action, and is ignored.
Blazor.registerCustomEventType("rowaction", {
  browserEventName: "click",
  createEventArgs(event) {
    const control = event.target.closest?.("[data-row-action]");
    return { action: control?.dataset.rowAction ?? null, row: control?.dataset.row ?? null };
  },
});
