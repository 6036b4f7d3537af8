package io.eventos.checkin.web.kiosk;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.UUID;

/**
 * The check-in device this browser session was signed in as by its kiosk link (account and device id), or nothing.
 * Only ids: whether the device is still valid is asked on every request ({@link KioskDeviceFilter}).
 */
@SessionScoped
public class KioskSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID accountId;
    private UUID deviceId;

    void signIn(UUID accountId, UUID deviceId) {
        this.accountId = accountId;
        this.deviceId = deviceId;
    }

    void signOut() {
        accountId = null;
        deviceId = null;
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
