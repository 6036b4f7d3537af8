// Names for the rich text editor (p:textEditor, Quill) that Quill leaves unnamed: the editing area takes the text of
// its field's label, the "Heading / Normal" picker is "Text style". A file, not an inline script (the
// Content-Security-Policy allows script files only); runs after PrimeFaces has built the editors.
(function () {
    function name() {
        document.querySelectorAll('.ui-texteditor').forEach(function (editor) {
            var label = document.querySelector('label[for="' + editor.id + '"], label[for="' + editor.id + '_input"]');
            var text = label ? label.textContent.trim() : 'Text';
            if (editor.getAttribute('role') && !editor.getAttribute('aria-label')) {
                editor.setAttribute('aria-label', text);
            }
            editor.querySelectorAll('.ql-editor').forEach(function (area) {
                area.setAttribute('role', 'textbox');
                area.setAttribute('aria-multiline', 'true');
                area.setAttribute('aria-label', text);
            });
        });
        document.querySelectorAll('.ql-picker-label').forEach(function (picker) {
            if (!picker.getAttribute('aria-label')) {
                picker.setAttribute('aria-label', 'Text style');
            }
        });
    }
    if (document.readyState === 'complete') {
        name();
    } else {
        window.addEventListener('load', name);
    }
})();
