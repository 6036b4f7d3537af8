package io.eventos.account.service;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionGenerationsTest {

    private final UUID user = UUID.randomUUID();
    /** What the database says: the user's generation, or nothing when the user is disabled or gone. */
    private final Map<UUID, Long> database = new HashMap<>();
    private int reads;
    private final SessionGenerations generations = new SessionGenerations();

    {
        generations.users = new UserDirectory() {
            @Override
            public OptionalLong sessionGeneration(UUID userId) {
                reads++;
                Long g = database.get(userId);
                return g == null ? OptionalLong.empty() : OptionalLong.of(g);
            }
        };
    }

    @Test
    void aSessionOfAnOlderGenerationHasEnded() {
        database.put(user, 4L);
        assertThat(generations.isCurrent(user, 4)).isTrue();
        assertThat(generations.isCurrent(user, 3)).isFalse();
        assertThat(generations.isCurrent(user, 4)).isTrue();
        assertThat(reads).as("asked once, then cached").isEqualTo(1);
    }

    @Test
    void aChangeCommittedHereCountsAtOnceAndAnOlderReadCannotUndoIt() {
        database.put(user, 4L);
        assertThat(generations.isCurrent(user, 4)).isTrue();
        database.put(user, 5L);
        generations.applyAfterCommit(new SessionGenerations.Ended(user, 5L)); // after the reset's commit
        assertThat(generations.isCurrent(user, 4)).as("the other session, on its next request").isFalse();
        assertThat(generations.isCurrent(user, 5)).as("the session that changed its own password").isTrue();
    }

    @Test
    void aSessionNewerThanTheCacheMakesItReadAgain() {
        database.put(user, 4L);
        assertThat(generations.isCurrent(user, 4)).isTrue();
        database.put(user, 5L); // changed on another instance, signed in again there, now served here
        assertThat(generations.isCurrent(user, 5)).isTrue();
        assertThat(generations.isCurrent(user, 4)).isFalse();
    }

    @Test
    void aDisabledOrRemovedUserHasNoSession() {
        assertThat(generations.isCurrent(user, 0)).isFalse();
    }
}
