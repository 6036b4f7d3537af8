// PrimeFaces drop-downs (p:selectOneMenu) write the chosen item into their combobox's aria-label, so a screen reader
// announces "Any status" or "UTC" instead of what the field is. aria-labelledby wins over aria-label in the
// accessible name, so each combobox is labelled by its field's <label> (p:outputLabel) or, without one, by its
// label attribute. A file, not an inline script (the Content-Security-Policy allows script files only).
(function () {
    var count = 0;
    function label() {
        document.querySelectorAll('.ui-selectonemenu').forEach(function (menu) {
            var combobox = menu.querySelector('[role="combobox"]');
            if (!combobox || combobox.getAttribute('aria-labelledby')) {
                return;
            }
            var text = document.querySelector('label[for="' + menu.id + '_focus"], label[for="' + menu.id + '_input"], '
                + 'label[for="' + menu.id + '"], label[for^="' + menu.id + '_"]');
            if (!text) {
                return;
            }
            if (!text.id) {
                text.id = 'menu-label-' + (++count);
            }
            combobox.setAttribute('aria-labelledby', text.id);
        });
    }
    function start() {
        label();
        window.setTimeout(label, 300); // after widgets that finish their markup late
        // menus re-rendered by ajax get their label again
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', label);
        }
    }
    if (document.readyState === 'complete') {
        start();
    } else {
        window.addEventListener('load', start);
    }
})();
