// The checkout's hold countdown: counts down to the time in data-expires (ms since the epoch) and then loads the
// page again (GET), which explains that the tickets went back on sale. It reads as a duration ("14:58 min"), never
// as a clock time. After a post with a problem (a declined card, a field to correct), it brings the problem into
// the first screen and gives it the focus, so the buyer sees and hears it instead of the top of a long form. A file, not an inline script: the
// Content-Security-Policy allows script files only.
(function () {
    function showProblem() {
        var problem = document.getElementById('checkout-form:checkout-problem');
        if (problem) {
            problem.scrollIntoView({block: 'start'});
            problem.focus({preventScroll: true});
            return;
        }
        var message = document.querySelector('#checkout-form .ui-message-error');
        if (message) {
            var field = message.parentNode.querySelector('input, select, textarea');
            message.scrollIntoView({block: 'center'});
            if (field) {
                field.focus({preventScroll: true});
            }
        }
    }
    function start() {
        showProblem();
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
            el.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds + ' min';
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
