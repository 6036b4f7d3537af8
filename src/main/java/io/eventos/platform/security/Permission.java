package io.eventos.platform.security;

/**
 * What a member may do in an account. Which role holds which permission is the account context's rule
 * (MemberRole), written down in docs/permissions.md; services declare what they need with
 * {@link RequiresPermission}.
 */
public enum Permission {
    /** Plan, billing and closing the account. */
    BILLING,
    /** Account name, public slug, time zone, currency, logo. */
    ACCOUNT_SETTINGS,
    /** Account-wide security: requiring two-factor authentication. */
    ACCOUNT_SECURITY,
    /** Invite members, change their roles, remove them. */
    TEAM_MANAGE,
    /** Hand the account to another member. */
    OWNERSHIP_TRANSFER,
    /** Read the audit log. */
    AUDIT_VIEW,
    /** Create and change events, venues and agendas; publish and cancel. */
    EVENTS_MANAGE,
    /** Ticket types, capacity, promo codes. */
    TICKETS_MANAGE,
    /** Mark paid, cancel, resend, edit attendee names, internal notes. */
    ORDERS_MANAGE,
    /** Refund money. */
    ORDERS_REFUND,
    /** See the account's contacts, their timelines and tasks (account-wide: not for members limited to events). */
    CONTACTS_VIEW,
    /** Create contacts, edit the contacts one owns, add notes, calls, meetings and tasks. */
    CONTACTS_MANAGE,
    /** Edit every contact whoever owns it, bulk changes, custom field definitions. */
    CONTACTS_MANAGE_ALL,
    /** Erase a contact's personal data (GDPR). */
    CONTACTS_ERASE,
    /** Write and send campaigns. */
    CAMPAIGNS_MANAGE,
    /** API keys, webhooks, third-party connections. */
    INTEGRATIONS_MANAGE,
    /** Export personal data (orders, attendees, contacts) as files. */
    DATA_EXPORT,
    /** Admit attendees at the door. */
    CHECK_IN,
    /** See the account's events, orders, contacts and reports. */
    VIEW,
    /** See the team and the account's settings (not an event permission: a member limited to events lacks it). */
    ACCOUNT_VIEW,
    /** Receive the weekly summary email of the whole account's figures (asked for by the member). */
    WEEKLY_SUMMARY;

    /** Permissions that concern one event; a member limited to some events holds only these, for those events. */
    public boolean isEventPermission() {
        return switch (this) {
            case EVENTS_MANAGE, TICKETS_MANAGE, ORDERS_MANAGE, ORDERS_REFUND, CHECK_IN, VIEW -> true;
            default -> false;
        };
    }
}
