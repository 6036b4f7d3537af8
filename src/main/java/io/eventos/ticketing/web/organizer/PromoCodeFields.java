package io.eventos.ticketing.web.organizer;

import io.eventos.platform.web.Ids;
import io.eventos.ticketing.service.PromoCodeForm;
import io.eventos.ticketing.service.PromoCodeRow;
import jakarta.faces.context.FacesContext;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The promo code form ({@code #{promoCodesPage.form.code}} ...), kept as typed: a refused save loses nothing. A fixed
 * amount is in the currency's units (5.00), the validity window in the event's wall-clock time; {@link #from} a
 * listed code, a new instance for a new one, {@link #toInput} for the service (its {@link PromoCodeForm}).
 */
public class PromoCodeFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID id;
    private String code;
    private String kind = "percent";
    private Integer percentOff;
    private BigDecimal amountOff;
    private List<String> ticketIds = new ArrayList<>();
    private Integer usageLimit;
    private Integer perOrderLimit;
    private LocalDateTime validFrom;
    private LocalDateTime validUntil;

    /** The code as listed, its amount with the currency's {@code digits}, its window in {@code zone}. */
    static PromoCodeFields from(PromoCodeRow row, int digits, ZoneId zone) {
        PromoCodeFields form = new PromoCodeFields();
        form.id = row.id();
        form.code = row.code();
        form.kind = row.kind();
        form.percentOff = row.percentOff();
        form.amountOff = row.amountOffMinor() == null ? null : BigDecimal.valueOf(row.amountOffMinor(), digits);
        form.ticketIds = new ArrayList<>(row.ticketIds().stream().map(UUID::toString).toList());
        form.usageLimit = row.usageLimit();
        form.perOrderLimit = row.perOrderLimit();
        form.validFrom = row.validFrom() == null ? null : LocalDateTime.ofInstant(row.validFrom(), zone);
        form.validUntil = row.validUntil() == null ? null : LocalDateTime.ofInstant(row.validUntil(), zone);
        return form;
    }

    /**
     * What the service gets, or null after a message next to the amount (and the request marked validation-failed)
     * when a fixed amount has more decimals than the currency's {@code digits}.
     */
    PromoCodeForm toInput(int digits, ZoneId zone) {
        Long amountOffMinor = null;
        if ("fixed".equals(kind) && amountOff != null) {
            try {
                amountOffMinor = amountOff.movePointRight(digits).longValueExact();
            } catch (ArithmeticException e) {
                Messages.addError("promo-form:amountOff", "Enter the amount with at most " + digits + " decimals.");
                FacesContext.getCurrentInstance().validationFailed();
                return null;
            }
        }
        return new PromoCodeForm(code, kind, percentOff, amountOffMinor, ticketIds.stream().map(Ids::parse).toList(),
                usageLimit, perOrderLimit, instant(validFrom, zone), instant(validUntil, zone));
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** The code being changed, or null for a new one. */
    UUID id() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Integer getPercentOff() {
        return percentOff;
    }

    public void setPercentOff(Integer percentOff) {
        this.percentOff = percentOff;
    }

    public BigDecimal getAmountOff() {
        return amountOff;
    }

    public void setAmountOff(BigDecimal amountOff) {
        this.amountOff = amountOff;
    }

    public List<String> getTicketIds() {
        return ticketIds;
    }

    public void setTicketIds(List<String> ticketIds) {
        this.ticketIds = ticketIds == null ? new ArrayList<>() : new ArrayList<>(ticketIds);
    }

    public Integer getUsageLimit() {
        return usageLimit;
    }

    public void setUsageLimit(Integer usageLimit) {
        this.usageLimit = usageLimit;
    }

    public Integer getPerOrderLimit() {
        return perOrderLimit;
    }

    public void setPerOrderLimit(Integer perOrderLimit) {
        this.perOrderLimit = perOrderLimit;
    }

    public LocalDateTime getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDateTime validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDateTime getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDateTime validUntil) {
        this.validUntil = validUntil;
    }
}
