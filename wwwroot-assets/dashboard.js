// Small browser helpers the app calls through JS interop.
window.dashboard = {
  // The theme is a per-device choice; without one, follow the system.
  getDarkMode() {
    const stored = localStorage.getItem("dashboard.darkMode");
    if (stored !== null) return stored === "true";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  },
  setDarkMode(isDark) {
    localStorage.setItem("dashboard.darkMode", String(isDark));
  },
};
