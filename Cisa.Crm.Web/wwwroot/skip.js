// "Skip to" buttons (data-skip-to="selector, fallback selector"): a keyboard user jumps past a list's filters straight
// to its first row's action. Plain script, no circuit needed, so it works the moment the page shows.
document.addEventListener('click', function (event) {
    const button = event.target instanceof Element ? event.target.closest('[data-skip-to]') : null;
    if (!button) {
        return;
    }

    for (const selector of button.getAttribute('data-skip-to').split('|')) {
        const target = document.querySelector(selector);
        if (target) {
            target.focus();
            return;
        }
    }
});
