package io.eventos.platform.persistence;

import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

import java.util.Objects;
import java.util.UUID;

/**
 * A row that belongs to one account (tenant). The id is assigned in Java so that children can be linked before
 * the flush, and {@code account_id} is filled from the bound tenant when the entity is first persisted.
 * PostgreSQL's row level security checks the same value again ({@code WITH CHECK}), so a wrong id cannot be written.
 */
@MappedSuperclass
public abstract class TenantEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = UUID.randomUUID();

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    protected TenantEntity() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    @PrePersist
    void bindToCurrentTenant() {
        if (accountId == null) {
            accountId = CurrentTenant.require();
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) return true;
        if (other == null || getClass() != other.getClass()) return false;
        return Objects.equals(id, ((TenantEntity) other).id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
