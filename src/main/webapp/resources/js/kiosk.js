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

    // ------------------------------------------------------------------------------------------- camera
    // The device's camera reads QR codes with the browser's own BarcodeDetector where there is one; elsewhere a frame
    // every half second goes to the server (POST /checkin/frame, ZXing), which answers the code's text or nothing.
    // A code read is put in the field and scanned as if typed; the same code is not sent again for 3 s.
    var camera = {stream: null, detector: null, busy: false, last: null, lastAt: 0, canvas: null};

    function cameraStatus(text) {
        var status = byId('camera-status');
        if (status) {
            status.textContent = text;
        }
    }

    function toggleCamera() {
        if (camera.stream) {
            stopCamera();
            return;
        }
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            cameraStatus('This browser cannot use a camera here.');
            return;
        }
        navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false}).then(function (stream) {
            var video = byId('camera-view');
            camera.stream = stream;
            video.srcObject = stream;
            video.hidden = false;
            video.play();
            byId('camera-toggle').setAttribute('aria-pressed', 'true');
            byId('camera-toggle').textContent = 'Stop the camera';
            cameraStatus('Hold the ticket\'s QR code in front of the camera.');
            if ('BarcodeDetector' in window) {
                camera.detector = new window.BarcodeDetector({formats: ['qr_code']});
            }
            window.setTimeout(readFrame, 500);
        }, function () {
            cameraStatus('The camera is not available (no camera, or permission refused).');
        });
    }

    function stopCamera() {
        camera.stream.getTracks().forEach(function (track) { track.stop(); });
        camera.stream = null;
        byId('camera-view').hidden = true;
        byId('camera-toggle').setAttribute('aria-pressed', 'false');
        byId('camera-toggle').textContent = 'Use the camera';
        cameraStatus('');
    }

    function found(text) {
        var now = Date.now();
        if (!text || (text === camera.last && now - camera.lastAt < 3000)) {
            return;
        }
        camera.last = text;
        camera.lastAt = now;
        var field = codeField();
        var button = byId('scan-form:scan');
        if (field && button) {
            field.value = text;
            ensureNonce();
            button.click();
        }
    }

    function readFrame() {
        if (!camera.stream) {
            return;
        }
        var video = byId('camera-view');
        var next = function () { window.setTimeout(readFrame, 500); };
        if (!video.videoWidth) {
            next();
            return;
        }
        if (camera.detector) {
            camera.detector.detect(video).then(function (codes) {
                if (codes.length) {
                    found(codes[0].rawValue);
                }
                next();
            }, next);
            return;
        }
        if (camera.busy) {
            next();
            return;
        }
        camera.busy = true;
        var scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
        camera.canvas = camera.canvas || document.createElement('canvas');
        camera.canvas.width = Math.round(video.videoWidth * scale);
        camera.canvas.height = Math.round(video.videoHeight * scale);
        camera.canvas.getContext('2d').drawImage(video, 0, 0, camera.canvas.width, camera.canvas.height);
        camera.canvas.toBlob(function (blob) {
            window.fetch(byId('camera-toggle').getAttribute('data-frame-url'), {
                method: 'POST', body: blob, credentials: 'same-origin', headers: {'Content-Type': 'image/jpeg'}
            }).then(function (response) {
                return response.status === 200 ? response.text() : null;
            }).then(function (text) {
                camera.busy = false;
                found(text);
                next();
            }, function () {
                camera.busy = false;
                next();
            });
        }, 'image/jpeg', 0.8);
    }

    function start() {
        var area = byId('result-area');
        if (!area) {
            return;
        }
        var cameraButton = byId('camera-toggle');
        if (cameraButton) {
            cameraButton.addEventListener('click', toggleCamera);
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
