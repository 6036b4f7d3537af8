package io.eventos.demo;

import java.util.UUID;

/** The user ids of the demo organizer's team, one per role (and Dana at the doors of the summit). */
record DemoStaff(UUID owner, UUID admin, UUID manager, UUID member, UUID viewer, UUID doors) {
}
