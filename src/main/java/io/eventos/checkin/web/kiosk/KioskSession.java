package io.eventos.checkin.web.kiosk;

import jakarta.enterprise.context.SessionScoped;

import io.eventos.platform.tenancy.DeviceGrant;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The check-in device this browser session was signed in as by its kiosk link (account and device id), or nothing.
 * Whether the device is still valid is asked again by {@link KioskDeviceFilter} when the last answer is older than
 * {@link #RECHECK} (pages, polls and searches in between use that answer), and by every scan itself, in the scan's own
 * statement: a revoked link admits nobody after the revocation.
 */
@SessionScoped
public class KioskSession implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Duration RECHECK = Duration.ofSeconds(5);

    private UUID accountId;
    private UUID deviceId;
    private UUID eventId;
    private UUID listId;
    private String name;
    private Instant checkedAt;

    void signIn(UUID accountId, DeviceGrant grant) {
        this.accountId = accountId;
        this.deviceId = grant.deviceId();
        checked(grant);
    }

    void checked(DeviceGrant grant) {
        eventId = grant.eventId();
        listId = grant.listId();
        name = grant.name();
        checkedAt = Instant.now();
    }

    /** The device as last found valid, if that was less than {@link #RECHECK} ago. */
    Optional<DeviceGrant> recentlyChecked() {
        if (deviceId == null || checkedAt == null || checkedAt.plus(RECHECK).isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(new DeviceGrant(deviceId, eventId, listId, name));
    }

    void signOut() {
        accountId = null;
        deviceId = null;
        checkedAt = null;
    }

    boolean isDevice() {
        return deviceId != null;
    }

    UUID accountId() {
        return accountId;
    }

    UUID deviceId() {
        return deviceId;
    }
}
