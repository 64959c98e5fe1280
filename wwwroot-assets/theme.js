// Runs in the page's head, before anything is drawn: the dark palette when this device chose it or, with no choice
// made, when the system prefers it. The server never needs to know, so no page is first drawn in the wrong palette and
// the server-rendered pages (sign-in, set-up) follow the same choice as the app.
(function () {
  const key = "dashboard.darkMode";
  const systemPrefersDark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    const stored = localStorage.getItem(key);
    document.documentElement.classList.toggle("theme-dark", stored !== null ? stored === "true" : systemPrefersDark.matches);
  };
  apply();
  // With no choice made, the page follows the system as it changes (a sunset switch, say).
  systemPrefersDark.addEventListener("change", apply);
  // The app bar's theme button (data-theme-toggle) is drawn by the app; one listener hears it wherever it is.
  document.addEventListener("click", event => {
    if (!event.target.closest?.("[data-theme-toggle]")) return;
    localStorage.setItem(key, String(!document.documentElement.classList.contains("theme-dark")));
    apply();
  });
})();
