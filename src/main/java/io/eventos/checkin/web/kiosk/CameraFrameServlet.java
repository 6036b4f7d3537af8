package io.eventos.checkin.web.kiosk;

import io.eventos.platform.qr.QrCodes;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /checkin/frame}: one camera frame (JPEG or PNG, at most {@value #MAX_BYTES} bytes) from a scanner whose
 * browser has no BarcodeDetector; answers the QR code's text (200, text/plain) or 204 when the frame holds none. Only
 * for the door: someone signed in or a kiosk device (the filters on {@code /checkin/*} bound an account), else 403.
 * It reads a picture and changes nothing; the scan itself goes through the scanner's form as a typed code would.
 */
@WebServlet("/checkin/frame")
public class CameraFrameServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 1_000_000;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CurrentTenant.get().isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        byte[] frame;
        try (InputStream in = request.getInputStream()) {
            frame = in.readNBytes(MAX_BYTES + 1);
        }
        if (frame.length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Optional<String> code;
        try {
            code = QrCodes.read(ImageIO.read(new ByteArrayInputStream(frame)));
        } catch (IOException | RuntimeException notAPicture) {
            code = Optional.empty();
        }
        response.setHeader("Cache-Control", "no-store");
        if (code.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(code.get().getBytes(StandardCharsets.UTF_8));
    }
}
