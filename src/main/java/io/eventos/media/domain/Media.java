package io.eventos.media.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An uploaded file (cover image, logo, speaker photo) stored in the database. Size and SHA-256 are derived from
 * the bytes, which are loaded lazily.
 * Table {@code media}.
 */
@Entity
@Table(name = "media")
public class Media extends TenantEntity {

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "bytes", nullable = false, columnDefinition = "bytea")
    private byte[] bytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Media() {
    }

    public Media(String contentType, String fileName, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.fileName = fileName;
        this.bytes = bytes.clone();
        this.sizeBytes = bytes.length;
        this.sha256 = sha256Hex(bytes);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public String getContentType() {
        return contentType;
    }

    public String getFileName() {
        return fileName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getBytes() {
        return bytes == null ? null : bytes.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
