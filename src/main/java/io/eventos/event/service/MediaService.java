package io.eventos.event.service;

import io.eventos.event.domain.ImageFiles;
import io.eventos.event.domain.Media;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded images of the bound account (speaker photos; the same rules serve cover images): stored in the
 * {@code media} table, accepted only if the bytes are a PNG, JPEG or WebP image (by their magic bytes, whatever the
 * file name or the browser says) and not larger than {@link #MAX_IMAGE_BYTES}.
 */
@Stateless
@TenantBound
public class MediaService {

    /** 2 MB: a speaker photo or cover image on a public page needs no more. */
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Stores an uploaded image and returns its media id; refuses anything else with an {@link AgendaException}
     * for {@code field}.
     */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public UUID storeImage(ImageUpload upload, String field) {
        Media media = image(upload, field);
        em.persist(media);
        return media.getId();
    }

    /** An image of the bound account, to be shown in the organizer pages. */
    @RequiresPermission(Permission.VIEW)
    public Optional<StoredImage> find(UUID id) {
        Media media = em.find(Media.class, id);
        return Optional.ofNullable(media)
                .map(m -> new StoredImage(m.getId(), m.getContentType(), m.getSha256(), m.getBytes()));
    }

    /** Checks an upload and makes the (not yet persisted) media row of it; for the services of this context. */
    static Media image(ImageUpload upload, String field) {
        if (upload == null || upload.isEmpty()) {
            throw new AgendaException(field, "Choose an image file.");
        }
        if (upload.bytes().length > MAX_IMAGE_BYTES) {
            throw new AgendaException(field, "The image is larger than 2 MB; choose a smaller one.");
        }
        String contentType = ImageFiles.contentType(upload.bytes()).orElseThrow(
                () -> new AgendaException(field, "The file is not a PNG, JPEG or WebP image."));
        return new Media(contentType, cleanFileName(upload.fileName()), upload.bytes());
    }

    private static String cleanFileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
