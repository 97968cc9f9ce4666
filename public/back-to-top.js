// "Volver arriba" (components/BackToTopButton.tsx): shown once the reader has scrolled three
// quarters of a screen down; on click, back to the top (at once when the reader prefers reduced
// motion) with keyboard focus moved to the top of the page, so the next Tab starts from the
// header again. The only script of the site: every page is whole without it.
(function () {
  var button = document.querySelector("[data-back-to-top]");
  if (!button) return;
  var top = document.getElementById(button.getAttribute("data-back-to-top"));
  function update() {
    button.hidden = window.scrollY <= window.innerHeight * 0.75;
  }
  update();
  window.addEventListener("scroll", update, { passive: true });
  button.addEventListener("click", function () {
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.scrollTo({ top: 0, behavior: reduceMotion ? "auto" : "smooth" });
    if (top) top.focus({ preventScroll: true });
  });
})();
