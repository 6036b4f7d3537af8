// The checkout's hold countdown: counts down to the time in data-expires (ms since the epoch) and then loads the
// page again (GET), which explains that the tickets went back on sale. A file, not an inline script: the
// Content-Security-Policy allows script files only.
(function () {
    function start() {
        var el = document.getElementById('countdown');
        if (!el) {
            return;
        }
        var expires = parseInt(el.getAttribute('data-expires'), 10);
        var timer;
        function tick() {
            var left = Math.max(0, Math.round((expires - Date.now()) / 1000));
            var minutes = Math.floor(left / 60);
            var seconds = left % 60;
            el.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds + ' from now';
            if (left === 0) {
                window.clearInterval(timer);
                window.location.href = window.location.href;
            }
        }
        timer = window.setInterval(tick, 1000);
        tick();
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
