// The check-in scanner's service worker (scope /checkin/): keeps a copy of the scanner page and the files it loads, so
// a scanner reloaded without network still opens and goes on admitting from the list kiosk.js keeps in IndexedDB.
// Network first: online, every page and file comes from the server as usual and the copy is refreshed; only without
// network is the copy answered. Nothing that changes data (POST) or the offline list itself is ever answered from here.
var CACHE = 'eventos-kiosk-v1';

self.addEventListener('install', function () {
    self.skipWaiting();
});

self.addEventListener('activate', function (event) {
    event.waitUntil(self.clients.claim());
});

function keepable(request) {
    var url = new URL(request.url);
    return request.method === 'GET' && url.origin === self.location.origin
        && (url.pathname.indexOf('/checkin/scan.xhtml') >= 0 || url.pathname.indexOf('/jakarta.faces.resource/') >= 0);
}

self.addEventListener('fetch', function (event) {
    if (!keepable(event.request)) {
        return;
    }
    event.respondWith(fetch(event.request).then(function (response) {
        if (response.ok) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { cache.put(event.request, copy); });
        }
        return response;
    }, function () {
        return caches.match(event.request, {ignoreVary: true}).then(function (kept) {
            return kept || Response.error();
        });
    }));
});

// kiosk.js names the files the page loaded before this worker controlled it: keep them too
self.addEventListener('message', function (event) {
    if (!event.data || event.data.type !== 'keep') {
        return;
    }
    var urls = event.data.urls.filter(function (u) { return keepable(new Request(u)); });
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        return Promise.all(urls.map(function (u) {
            return fetch(u, {credentials: 'same-origin'}).then(function (r) {
                return r.ok ? cache.put(u, r) : null;
            }, function () { return null; });
        }));
    }).then(function () {
        event.source.postMessage({type: 'kept', count: urls.length});
    }));
});
