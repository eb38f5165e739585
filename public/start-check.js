// Runs before the app: if the app cannot load or start (a file refused or missing, the
// WebAssembly failing to compile, a browser without it), the opening shell says so in
// plain words instead of "Opening your plan…" for ever. Once the app is drawn the shell
// is gone, and this does nothing.
(function () {
  function failed() {
    var boot = document.getElementById("boot");
    if (boot) boot.classList.add("boot-failed");
  }
  // Captured: a script or preload that fails to load fires on its element, not bubbling.
  addEventListener("error", function (event) {
    var target = event.target;
    var fetched = target && (target.tagName === "SCRIPT" || target.tagName === "LINK");
    if (event instanceof ErrorEvent || (fetched && target.rel !== "icon" && target.rel !== "manifest")) failed();
  }, true);
  addEventListener("unhandledrejection", failed);
  if (typeof WebAssembly !== "object") failed();
})();
