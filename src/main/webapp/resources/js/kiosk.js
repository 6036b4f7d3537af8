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

    // ------------------------------------------------------------------------------------------- offline
    // The kiosk keeps its list's tickets (SHA-256 of each code, name, type, inside) in IndexedDB, refreshed every
    // 2 minutes while online. Without network it answers from that list, remembers who came in, and queues each scan
    // with its time and nonce in IndexedDB; back online it uploads the queue (POST /checkin/offline/upload), and the
    // server records each scan as of when it was made: a ticket admitted at two doors meanwhile becomes a conflict
    // on the organizer's check-in page.
    var offline = {db: null, list: null, uploading: false};

    function door() {
        var el = byId('door');
        return el ? {event: el.getAttribute('data-event'), list: el.getAttribute('data-list'),
            base: el.getAttribute('data-offline-url')} : null;
    }

    function openDb() {
        return new Promise(function (resolve, reject) {
            var request = window.indexedDB.open('eventos-kiosk', 1);
            request.onupgradeneeded = function () {
                request.result.createObjectStore('lists');
                request.result.createObjectStore('queue', {keyPath: 'nonce'});
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    function store(name, mode) {
        return offline.db.transaction(name, mode).objectStore(name);
    }

    function asPromise(request) {
        return new Promise(function (resolve, reject) {
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    function offlineStatus(text) {
        var el = byId('offline-status');
        if (el) {
            el.textContent = text;
        }
    }

    // quietly: keep what the status line says (e.g. the last upload's outcome)
    function loadList(quietly) {
        var d = door();
        if (!d || !navigator.onLine) {
            return;
        }
        window.fetch(d.base + '/list?event=' + d.event + '&list=' + d.list, {credentials: 'same-origin'})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (list) {
                if (!list) {
                    return;
                }
                offline.list = list;
                store('lists', 'readwrite').put(list, d.list);
                if (quietly !== true) {
                    offlineStatus('Ready for offline: ' + Object.keys(list.tickets).length + ' tickets');
                }
            }, function () { /* offline meanwhile: the kept list stays */ });
    }

    function sha256(text) {
        return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (buffer) {
            return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
                return (b < 16 ? '0' : '') + b.toString(16);
            }).join('');
        });
    }

    function showOffline(ok, headline, detail) {
        var panel = byId('result');
        if (!panel) {
            return;
        }
        var div = document.createElement('div');
        div.id = 'scan-result';
        div.className = 'scan-result ' + (ok ? 'scan-green' : 'scan-red');
        div.setAttribute('data-result', ok ? 'admitted' : 'refused');
        div.setAttribute('data-offline', 'true');
        var mark = document.createElement('p');
        mark.className = 'scan-mark';
        mark.setAttribute('aria-hidden', 'true');
        mark.textContent = ok ? '\u2713' : '\u2715';
        var h = document.createElement('h2');
        h.id = 'scan-headline';
        h.textContent = headline;
        var p = document.createElement('p');
        p.id = 'scan-detail';
        p.className = 'scan-detail';
        p.textContent = detail;
        div.appendChild(mark);
        div.appendChild(h);
        div.appendChild(p);
        panel.replaceChildren(div);
    }

    function scanOffline(code) {
        var d = door();
        var nonceField = byId('scan-form:nonce');
        var nonce = (nonceField && nonceField.value) || newNonce();
        var gateField = byId('scan-form:gate');
        var field = codeField();
        if (field) {
            field.value = '';
        }
        if (nonceField) {
            nonceField.value = '';
        }
        if (!offline.list) {
            showOffline(false, 'No offline list', 'This device has no list of tickets to check offline yet.');
            return;
        }
        var now = Date.now();
        sha256(code.trim()).then(function (hash) {
            var ticket = offline.list.tickets[hash];
            if (!ticket) {
                showOffline(false, 'Not on the offline list', 'Unknown code, or not valid for this list (offline check).');
                return;
            }
            if ((offline.list.activeFrom && now < offline.list.activeFrom)
                || (offline.list.activeUntil && now >= offline.list.activeUntil)) {
                showOffline(false, 'Closed', 'This check-in list does not admit anyone now (offline check).');
                return;
            }
            if (ticket[2]) {
                showOffline(false, 'Already checked in', ticket[0] + ' came in already (offline record).');
                return;
            }
            ticket[2] = true;
            store('lists', 'readwrite').put(offline.list, d.list);
            store('queue', 'readwrite').put({nonce: nonce, code: code.trim(), scannedAt: now,
                gate: gateField ? gateField.value : '', list: d.list, event: d.event});
            showOffline(true, 'Welcome, ' + ticket[0], ticket[1] + ' \u00b7 offline: uploaded when the network is back');
        });
    }

    function upload() {
        var d = door();
        if (!d || !offline.db || offline.uploading || !navigator.onLine) {
            return;
        }
        asPromise(store('queue', 'readonly').getAll()).then(function (queued) {
            var mine = queued.filter(function (q) { return q.list === d.list; });
            if (!mine.length) {
                return;
            }
            offline.uploading = true;
            window.fetch(d.base + '/upload?event=' + d.event + '&list=' + d.list, {
                method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
                body: JSON.stringify(mine.map(function (q) {
                    return {code: q.code, nonce: q.nonce, scannedAt: q.scannedAt, gate: q.gate};
                }))
            }).then(function (response) {
                if (!response.ok) {
                    offlineStatus(mine.length + ' offline scans not uploaded yet (the server answered '
                        + response.status + '); trying again.');
                    return null;
                }
                return response.json();
            }).then(function (answers) {
                offline.uploading = false;
                if (!answers) {
                    return;
                }
                var queue = store('queue', 'readwrite');
                var conflicts = 0;
                answers.forEach(function (a) {
                    queue.delete(a.nonce);
                    if (a.result === 'refused') {
                        conflicts++;
                    }
                });
                offlineStatus('Uploaded ' + answers.length + ' offline scans'
                    + (conflicts ? '; ' + conflicts + ' refused by the server (see the organizer\'s check-in page)' : '')
                    + '.');
                loadList(true);
            }, function () {
                offline.uploading = false;
                offlineStatus(mine.length + ' offline scans not uploaded yet (no answer from the server); trying again.');
            });
        });
    }

    // the service worker keeps this page and its files, so that it opens again without network
    function keepThisPage() {
        var el = byId('door');
        if (!el || !navigator.serviceWorker) {
            return;
        }
        var url = el.getAttribute('data-sw-url');
        navigator.serviceWorker.register(url, {scope: url.replace(/sw\.js$/, '')}).then(function () {
            return navigator.serviceWorker.ready;
        }).then(function (registration) {
            navigator.serviceWorker.addEventListener('message', function (e) {
                if (e.data && e.data.type === 'kept') {
                    el.setAttribute('data-kept', 'true');
                }
            });
            var urls = [window.location.href].concat(performance.getEntriesByType('resource')
                .map(function (r) { return r.name; }));
            registration.active.postMessage({type: 'keep', urls: urls});
        }, function () { /* no worker (e.g. not a secure context): offline works while the page stays open */ });
    }

    function startOffline() {
        var d = door();
        if (!d || !window.indexedDB || !window.crypto || !window.crypto.subtle) {
            return;
        }
        if (navigator.onLine) {
            keepThisPage();
        }
        openDb().then(function (db) {
            offline.db = db;
            return asPromise(store('lists', 'readonly').get(d.list));
        }).then(function (kept) {
            offline.list = offline.list || kept || null;
            loadList();
            upload();
        });
        window.setInterval(function () { loadList(true); }, 120000);
        // back online: at once, and every 10 s in case the browser did not say so (or an upload failed)
        window.addEventListener('online', upload);
        window.setInterval(upload, 10000);
        // capture phase, before PrimeFaces sends the form: without network the scan is answered here
        document.addEventListener('keydown', function (e) {
            if (!navigator.onLine && e.key === 'Enter' && e.target === codeField()) {
                e.preventDefault();
                e.stopImmediatePropagation();
                scanOffline(codeField().value);
            }
        }, true);
        document.addEventListener('click', function (e) {
            if (!navigator.onLine && e.target.closest && e.target.closest('#scan-form\\:scan')) {
                e.preventDefault();
                e.stopImmediatePropagation();
                scanOffline(codeField().value);
            }
        }, true);
    }

    function start() {
        var area = byId('result-area');
        if (!area) {
            return;
        }
        startOffline();
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
