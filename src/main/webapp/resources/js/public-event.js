/*
 * Public event page: shows the event's times in the visitor's own time zone as well, when they differ from the
 * event's (progressive enhancement: without JavaScript the page shows the event's zone only), written like the
 * server writes them ("Friday, 11 July 2031, 08:00 – 11:30"). An external file, so the Content-Security-Policy
 * needs no exception.
 */
(function () {
    "use strict";
    var box = document.getElementById("viewer-time");
    if (!box || typeof Intl === "undefined" || !Intl.DateTimeFormat || !Intl.DateTimeFormat.prototype.formatToParts) {
        return;
    }
    var viewerZone;
    try {
        viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    var eventZone = box.getAttribute("data-zone");
    var start = new Date(box.getAttribute("data-start"));
    var end = new Date(box.getAttribute("data-end"));
    if (!viewerZone || isNaN(start.getTime()) || isNaN(end.getTime())) {
        return;
    }
    function parts(date, zone) {
        var result = {};
        new Intl.DateTimeFormat("en-GB", {
            weekday: "long", day: "numeric", month: "long", year: "numeric",
            hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone
        }).formatToParts(date).forEach(function (part) {
            result[part.type] = part.value;
        });
        return result;
    }
    function sameDay(a, b) {
        return a.year === b.year && a.month === b.month && a.day === b.day;
    }
    function shortDay(p) {
        return p.weekday.substring(0, 3) + " " + p.day + " " + p.month.substring(0, 3) + " " + p.year;
    }
    function range(zone) {
        var from = parts(start, zone);
        var to = parts(end, zone);
        if (sameDay(from, to)) {
            return from.weekday + ", " + from.day + " " + from.month + " " + from.year + ", "
                + from.hour + ":" + from.minute + " – " + to.hour + ":" + to.minute;
        }
        return shortDay(from) + " " + from.hour + ":" + from.minute + " – "
            + shortDay(to) + " " + to.hour + ":" + to.minute;
    }
    try {
        var mine = range(viewerZone);
        if (mine === range(eventZone)) {
            return; // same wall-clock times (e.g. Paris for a Berlin event): nothing to add
        }
        box.textContent = "In your time zone (" + viewerZone + "): " + mine;
        box.hidden = false;
    } catch (e) {
        // an unknown zone name: keep the event's times only
    }
})();
