// Esc and Ctrl+Enter in a form dialog. MudBlazor's dialog closes on Esc without a question or not at all, and hands
// Esc to nobody; this listener hands both keys to the dialog's component instead.
function listOpen() {
    // An open list (a select's options, a date picker, suggestions) takes Esc itself; tooltips are no such list.
    return document.querySelector('.mud-popover-open:not(.mud-tooltip)') !== null;
}

export function listen(containerId, component) {
    const container = document.getElementById(containerId);
    if (container === null) {
        return null;
    }

    const listener = event => {
        if (event.key === 'Escape' && !event.defaultPrevented && !listOpen()) {
            event.preventDefault();
            component.invokeMethodAsync('EscapeAsync');
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            // Not also a click on the chip or button that has the focus.
            event.preventDefault();
            component.invokeMethodAsync('SubmitAsync');
        }
    };
    container.addEventListener('keydown', listener);
    // Keys pressed before this point reach only MudBlazor; tests wait for this mark before pressing them.
    container.dataset.keysReady = '';
    return {
        dispose: () => {
            container.removeEventListener('keydown', listener);
            delete container.dataset.keysReady;
        }
    };
}
