// The access report's Print button (a file, not an inline handler: the content security policy allows scripts from this origin only).
document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
