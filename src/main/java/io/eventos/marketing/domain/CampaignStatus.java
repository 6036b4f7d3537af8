package io.eventos.marketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Life cycle of an e-mail campaign. Stored lower-case. */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    SENDING,
    SENT,
    CANCELLED;

    /**
     * Applied to every CampaignStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<CampaignStatus, String> {
        private static final LowercaseEnumConverter<CampaignStatus> LOWERCASE = new LowercaseEnumConverter<>(CampaignStatus.class);

        @Override
        public String convertToDatabaseColumn(CampaignStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public CampaignStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}
