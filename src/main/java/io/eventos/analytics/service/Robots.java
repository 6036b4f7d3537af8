package io.eventos.analytics.service;

import java.util.regex.Pattern;

/**
 * Tells crawlers, link previews, monitors and scripts from people's browsers by the User-Agent header alone (the
 * header is looked at, never stored). Every mainstream browser sends "Mozilla/5.0 (...)"; tools that do not are
 * not people. Of those that do, the ones that say what they are (Googlebot, facebookexternalhit, HeadlessChrome,
 * Lighthouse, ...) are left out too. A heuristic: a bot that pretends to be a browser is counted.
 */
public final class Robots {

    private static final Pattern SELF_DECLARED = Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|embedly|preview|"
                    + "headlesschrome|phantomjs|lighthouse|pagespeed|pingdom|uptime|monitor|bingpreview|"
                    + "google-inspectiontool|mediapartners|adsbot|feedfetcher|whatsapp|telegram|discord|slack|"
                    + "skypeuripreview|vkshare|quora link|outbrain|pinterest|yandex|baidu|duckduckgo|"
                    + "python|curl|wget|java/|okhttp|go-http|node-fetch|axios|httpclient|libwww|scrapy",
            Pattern.CASE_INSENSITIVE);

    private Robots() {
    }

    /** Whether a request with this User-Agent should not count as a visit. */
    public static boolean isRobot(String userAgent) {
        if (userAgent == null || !userAgent.startsWith("Mozilla/")) {
            return true;
        }
        return SELF_DECLARED.matcher(userAgent).find();
    }
}
