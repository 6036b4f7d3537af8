package io.eventos.media.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.media.domain.ImageFiles;
import io.eventos.media.domain.Media;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded images of the bound account (event covers, the account logo, speaker photos) in the {@code media} table,
 * all served at the public {@code /media/...} address. An upload is accepted only if its bytes are a PNG, JPEG, GIF
 * or WebP image (by their first bytes, whatever the file name or the browser says; no SVG, which can carry scripts)
 * no larger than the limit of its use ({@link #MAX_COVER_BYTES}, {@link #MAX_PHOTO_BYTES}). Rows are never
 * changed: a new upload is a new row, so a media URL can be cached for good.
 */
@Stateless
@TenantBound
public class MediaLibrary {

    /** 5 MB: a cover image or logo on a public page needs no more. */
    public static final int MAX_COVER_BYTES = 5 * 1024 * 1024;
    /** 2 MB: a speaker photo is shown small. */
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** Stores a new account logo (the account settings service links it); refused uploads name {@code field}. */
    @RequiresPermission(Permission.ACCOUNT_SETTINGS)
    public UUID storeLogo(MediaUpload upload, String field) {
        Media media = image(upload, field, MAX_COVER_BYTES);
        em.persist(media);
        return media.getId();
    }

    /**
     * A file of the bound account for sending (the public {@code /media/...} address: covers and logos are shown on
     * public pages; ids are random, so nothing can be listed or guessed).
     */
    public Optional<MediaContent> content(UUID id) {
        List<Media> found = em.createQuery("select m from Media m where m.id = :id", Media.class)
                .setParameter("id", id)
                .getResultList();
        return found.stream().findFirst().map(m -> new MediaContent(m.getId(), m.getContentType(), m.getSha256(),
                m.getSizeBytes(), m.getCreatedAt(), m.getBytes()));
    }

    /**
     * Checks an upload against the formats and {@code maxBytes} (a whole number of MB, named in the message) and
     * makes the (not yet persisted) media row of it; for the services of this context, in their transaction.
     * A refused upload throws an {@link InputRefusedException} naming {@code field}.
     */
    public static Media image(MediaUpload upload, String field, int maxBytes) {
        if (upload == null || upload.isEmpty()) {
            throw new InputRefusedException(field, "Choose an image file.");
        }
        if (upload.bytes().length > maxBytes) {
            throw new InputRefusedException(field, "The image is larger than " + maxBytes / (1024 * 1024)
                    + " MB; choose a smaller one.");
        }
        String contentType = ImageFiles.contentType(upload.bytes()).orElseThrow(() -> new InputRefusedException(field,
                "The file is not a PNG, JPEG, GIF or WebP image; choose an image file."));
        return new Media(contentType, cleanFileName(upload.fileName()), upload.bytes());
    }

    static String cleanFileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
