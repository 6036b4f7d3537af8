package io.eventos.account.service;

import io.eventos.platform.crypto.RandomTokens;

/**
 * What emailed one-time links share (password resets, email verification): an unguessable token for the link,
 * the hash that is stored instead of it, and escaping for the HTML body the link is written into.
 */
final class EmailLinks {

    private EmailLinks() {
    }

    /** 32 random bytes, URL-safe base64 without padding. */
    static String newToken() {
        return RandomTokens.urlSafe(32);
    }

    /** SHA-256 of the token as hex: what the database keeps, so a leaked table holds no usable links. */
    static String sha256Hex(String token) {
        return RandomTokens.sha256Hex(token);
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
