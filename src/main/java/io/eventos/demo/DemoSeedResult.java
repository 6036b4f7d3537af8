package io.eventos.demo;

/** What the demo seeding did, for the one start-up log line. */
public record DemoSeedResult(boolean created, int events, int orders, int attendees, int contacts) {

    static DemoSeedResult alreadyPresent() {
        return new DemoSeedResult(false, 0, 0, 0, 0);
    }

    /** The log line, e.g. "Demo account 'demo' loaded: 6 events, 46 orders, ...". */
    public String describe() {
        if (!created) {
            return "Demo account '" + DemoAccountSeeder.SLUG + "' already present";
        }
        return "Demo account '" + DemoAccountSeeder.SLUG + "' loaded: " + events + " events, " + orders + " orders, "
                + attendees + " attendees, " + contacts + " contacts";
    }
}
