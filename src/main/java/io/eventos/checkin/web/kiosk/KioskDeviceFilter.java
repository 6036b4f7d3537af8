package io.eventos.checkin.web.kiosk;

import io.eventos.checkin.service.KioskDevices;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.DeviceGrant;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Binds a check-in device for {@code /checkin/*} requests that no signed-in person made (the organizer filter runs
 * first and binds staff): the device's account, and the device itself as a {@link DeviceGrant} that may only admit
 * people to its event and list. The device is looked up again when the last look is older than a few seconds
 * ({@link KioskSession#RECHECK}); a scan checks it itself in its own statement, so a revoked or expired link admits
 * nobody after that; once the filter finds it ended, the session forgets it.
 */
@WebFilter(filterName = "kioskDevice") // mapped in web.xml (/checkin/*), after the organizer filter
public class KioskDeviceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    KioskSession kiosk;
    @Inject
    KioskDevices devices;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (CurrentTenant.get().isPresent() || request.getSession(false) == null || !kiosk.isDevice()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DeviceGrant> grant;
        try (var tenant = CurrentTenant.bind(kiosk.accountId())) {
            grant = kiosk.recentlyChecked();
            if (grant.isEmpty()) {
                grant = devices.active(kiosk.deviceId());
                grant.ifPresent(kiosk::checked);
            }
            if (grant.isPresent()) {
                try (var device = CurrentTenant.bindDevice(grant.get())) {
                    chain.doFilter(request, response);
                }
                return;
            }
        }
        kiosk.signOut();
        chain.doFilter(request, response);
    }
}
