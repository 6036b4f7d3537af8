package io.eventos.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BrandColorTest {

    @Test
    void typedColoursAreNormalisedToLowerCaseWithTheHash() {
        assertThat(BrandColor.normalize(" #3B4CCA ")).contains("#3b4cca");
        assertThat(BrandColor.normalize("0f7b3f")).contains("#0f7b3f");
    }

    @Test
    void anythingButSixHexDigitsIsNotAColour() {
        assertThat(BrandColor.normalize(null)).isEmpty();
        assertThat(BrandColor.normalize("")).isEmpty();
        assertThat(BrandColor.normalize("#fff")).isEmpty();
        assertThat(BrandColor.normalize("#12345g")).isEmpty();
        assertThat(BrandColor.normalize("#1234567")).isEmpty();
        assertThat(BrandColor.normalize("red")).isEmpty();
        assertThat(BrandColor.normalize("#123456;}body{")).isEmpty();
    }

    @Test
    void contrastMatchesTheWcagFormula() {
        assertThat(BrandColor.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.001));
        assertThat(BrandColor.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
        // reference values from the WebAIM contrast checker
        assertThat(BrandColor.contrast("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(BrandColor.contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
        assertThat(BrandColor.contrast("#2196f3", "#ffffff")).isCloseTo(3.12, within(0.01));
        assertThat(BrandColor.contrast("#ffffff", "#3b4cca")).isEqualTo(BrandColor.contrast("#3b4cca", "#ffffff"));
    }

    @Test
    void aBrandColourMustCarryWhiteTextAndBeReadableAsALinkOnThePage() {
        assertThat(BrandColor.readable("#3b4cca")).as("the EventOS blue").isTrue();
        assertThat(BrandColor.readable("#0f7b3f")).isTrue();
        assertThat(BrandColor.readable("#2196f3")).as("PrimeFaces saga's blue").isFalse();
        assertThat(BrandColor.readable("#ffd84d")).isFalse();
        // 4.54:1 with white, but only 4.2:1 on the light grey page background
        assertThat(BrandColor.contrast("#767676", "#ffffff")).isGreaterThan(4.5);
        assertThat(BrandColor.readable("#767676")).isFalse();
        assertThat(BrandColor.readable("#6b6b6b")).isTrue();
    }

    @Test
    void ratiosAreShownRoundedDownSoARefusedColourNeverReadsAsEnough() {
        assertThat(BrandColor.describe(4.4999)).isEqualTo("4.4:1");
        assertThat(BrandColor.describe(3.12)).isEqualTo("3.1:1");
        assertThat(BrandColor.describe(21)).isEqualTo("21.0:1");
    }
}
