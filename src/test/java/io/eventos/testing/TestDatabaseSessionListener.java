package io.eventos.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test PostgreSQL before the first integration test class, so that application servers started by
 * Arquillian (before any test code runs) find it. Only in Failsafe runs, which reserve its port.
 */
public class TestDatabaseSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("eventos.it.pgPort") != null) {
            TestDatabase.get();
        }
    }
}
