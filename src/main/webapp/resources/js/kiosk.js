// The check-in scanner's behaviour in the browser (a file, not inline: the Content-Security-Policy allows script
// files only). A USB or Bluetooth scanner types into the code field and presses Enter; this keeps that field
// focused, gives each new scan a nonce (kept if the request is sent again, so a retry gets the first answer), and
// when the answer arrives plays a sound, vibrates (phones) and makes the field ready for the next scan.
(function () {
    var audio = null;

    function byId(id) {
        return document.getElementById(id);
    }

    function codeField() {
        return byId('scan-form:code');
    }

    function newNonce() {
        if (window.crypto && window.crypto.randomUUID) {
            return window.crypto.randomUUID();
        }
        var bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    }

    function ensureNonce() {
        var nonce = byId('scan-form:nonce');
        if (nonce && !nonce.value) {
            nonce.value = newNonce();
        }
    }

    function unlockAudio() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!audio && Context) {
            audio = new Context();
        }
        if (audio && audio.state === 'suspended') {
            audio.resume();
        }
    }

    // green: one short high beep; red: two low ones
    function sound(ok) {
        if (!audio) {
            return;
        }
        var beeps = ok ? [[880, 0, 0.12]] : [[220, 0, 0.18], [220, 0.25, 0.18]];
        beeps.forEach(function (b) {
            var osc = audio.createOscillator();
            var gain = audio.createGain();
            osc.type = ok ? 'sine' : 'square';
            osc.frequency.value = b[0];
            gain.gain.value = 0.2;
            osc.connect(gain);
            gain.connect(audio.destination);
            osc.start(audio.currentTime + b[1]);
            osc.stop(audio.currentTime + b[1] + b[2]);
        });
    }

    function focusCode() {
        var field = codeField();
        if (field && document.activeElement !== field && !isTyping(document.activeElement)) {
            field.focus();
        }
    }

    // another text field (gate, search) keeps the focus while someone types in it
    function isTyping(element) {
        return element && element !== codeField() && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'
            || element.tagName === 'SELECT') && element.type !== 'hidden' && element.type !== 'submit';
    }

    function onAnswer() {
        var result = document.querySelector('#result-area [data-result]');
        if (!result) {
            return;
        }
        var kind = result.getAttribute('data-result');
        if (kind === 'ready') {
            return;
        }
        var ok = kind !== 'refused';
        sound(ok);
        if (navigator.vibrate) {
            navigator.vibrate(ok ? 120 : [250, 100, 250]);
        }
        var field = codeField();
        if (field) {
            field.value = '';
            field.focus();
        }
    }

    function start() {
        var area = byId('result-area');
        if (!area) {
            return;
        }
        new MutationObserver(onAnswer).observe(area, {childList: true, subtree: true});
        // capture phase: runs before PrimeFaces sends the form
        document.addEventListener('keydown', function (e) {
            unlockAudio();
            if (e.target === codeField()) {
                ensureNonce();
            }
        }, true);
        document.addEventListener('input', function (e) {
            if (e.target === codeField()) {
                ensureNonce();
            }
        }, true);
        document.addEventListener('click', function (e) {
            unlockAudio();
            if (e.target.closest && e.target.closest('#scan-form\\:scan')) {
                ensureNonce();
            }
        }, true);
        // a tap anywhere that is not a control puts the cursor back where the scanner types
        document.addEventListener('click', function (e) {
            if (!e.target.closest || !e.target.closest('input, button, a, select, textarea, label, .ui-selectonebutton, .ui-dialog, .ui-datatable')) {
                focusCode();
            }
        });
        var banner = byId('offline-banner');
        function network() {
            if (banner) {
                banner.hidden = navigator.onLine;
            }
        }
        window.addEventListener('online', network);
        window.addEventListener('offline', network);
        network();
        focusCode();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
