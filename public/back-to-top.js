// "Volver arriba" (components/BackToTopButton.tsx): shown once the reader has scrolled three
// quarters of a screen down; on click, back to the top (at once when the reader prefers reduced
// motion) with keyboard focus moved to the top of the page, so the next Tab starts from the
// header again. The only script of the site: every page is whole without it.
(function () {
  var button = document.querySelector("[data-back-to-top]");
  if (!button) return;
  var top = document.getElementById(button.getAttribute("data-back-to-top"));
  var shown = false;
  // Touches the button only when it is to change: every write costs the browser a style update.
  function update() {
    var show = window.scrollY > window.innerHeight * 0.75;
    if (show !== shown) button.hidden = !(shown = show);
  }
  // Reading scrollY forces a layout. Run as soon as parsed, it laid the page out in the middle of
  // loading, a long task on a slow phone (Lighthouse TBT on home, 11 runs each: median 85 ms
  // before, 31 ms after); after the first frame the layout is done already. The page is at its
  // top then unless the browser restored a scroll position.
  requestAnimationFrame(function () {
    setTimeout(update);
  });
  window.addEventListener("scroll", update, { passive: true });
  button.addEventListener("click", function () {
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.scrollTo({ top: 0, behavior: reduceMotion ? "auto" : "smooth" });
    if (top) top.focus({ preventScroll: true });
  });
})();
