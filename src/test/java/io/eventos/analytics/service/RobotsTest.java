package io.eventos.analytics.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"})
    void browsersArePeople(String userAgent) {
        assertThat(Robots.isRobot(userAgent)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "curl/8.5.0", "Wget/1.21.4", "python-requests/2.32.3", "Java-http-client/17.0.12", "Go-http-client/1.1"})
    void crawlersPreviewsAndScriptsAreNot(String userAgent) {
        assertThat(Robots.isRobot(userAgent)).isTrue();
    }

    @Test
    void onlyTheHostOfAnotherSiteIsKeptAsReferrer() {
        assertThat(PageViews.referrerHost("https://www.Example.com/some/path?q=secret", "events.test"))
                .isEqualTo("example.com");
        assertThat(PageViews.referrerHost("https://events.test/e/demo", "events.test")).isNull();
        assertThat(PageViews.referrerHost(null, "events.test")).isNull();
        assertThat(PageViews.referrerHost("not a url at all", "events.test")).isNull();
        assertThat(PageViews.referrerHost("android-app://com.google.android.gm/", "events.test"))
                .isEqualTo("com.google.android.gm");
    }
}
