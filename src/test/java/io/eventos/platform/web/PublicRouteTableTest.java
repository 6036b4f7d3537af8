package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicRouteTableTest {

    private final PublicRouteTable table = new PublicRouteTable(List.of(
            PublicRoute.of("/([a-z]+)/things/([0-9]+)", "/b/thing.xhtml", PublicRoute.Kind.PER_VISITOR, "b.name",
                    "b.number"),
            PublicRoute.of("", "/a/home.xhtml", PublicRoute.Kind.SHARED_PAGE),
            PublicRoute.of("/([a-z]+)(?:\\.txt|/parts/([0-9]+)\\.txt)", "/a/file", PublicRoute.Kind.SHARED_FILE,
                    "a.name", "a.part"),
            PublicRoute.of("/([a-z]+)", "/a/page.xhtml", PublicRoute.Kind.SHARED_PAGE, "a.name")));

    @Test
    void anAddressResolvesToItsRouteWithTheAccountAndTheValuesOfItsGroups() {
        PublicRouteTable.Match home = table.resolve("/e/acme-2");
        assertThat(home.route().view()).isEqualTo("/a/home.xhtml");
        assertThat(home.accountSlug()).isEqualTo("acme-2");
        assertThat(attributes("/e/acme/summit")).isEqualTo(Map.of("a.name", "summit"));
        assertThat(table.resolve("/e/acme/summit").route().kind()).isEqualTo(PublicRoute.Kind.SHARED_PAGE);
        assertThat(attributes("/e/acme/box/things/42")).isEqualTo(Map.of("b.name", "box", "b.number", "42"));
        assertThat(table.resolve("/e/acme/box/things/42").route().view()).isEqualTo("/b/thing.xhtml");
    }

    @Test
    void aGroupThatTookNoPartSetsNothing() {
        assertThat(attributes("/e/acme/summit.txt")).isEqualTo(Map.of("a.name", "summit"));
        assertThat(attributes("/e/acme/summit/parts/7.txt")).isEqualTo(Map.of("a.name", "summit", "a.part", "7"));
        assertThat(table.resolve("/e/acme/summit.txt").route().view()).isEqualTo("/a/file");
    }

    @Test
    void aTrailingSlashIsAcceptedAndAnythingElseIsNotFound() {
        assertThat(table.resolve("/e/acme/").route().view()).isEqualTo("/a/home.xhtml");
        assertThat(table.resolve("/e/acme/summit/").route().view()).isEqualTo("/a/page.xhtml");
        for (String path : new String[] {"/e/", "/e", "/e/Acme", "/e/acme//", "/e/acme/summit/other",
                "/a/page.xhtml", "/e/acme/box/things/x", "/x/acme", "/e/" + "a".repeat(64)}) {
            assertThat(table.resolve(path)).as(path).isNull();
        }
    }

    @Test
    void routesAreTriedSharedPagesFirstWhateverOrderTheyCameIn() {
        assertThat(table.routes()).extracting(PublicRoute::view)
                .containsExactly("/a/home.xhtml", "/a/page.xhtml", "/a/file", "/b/thing.xhtml");
    }

    @Test
    void aRouteNamesOneAttributePerGroup() {
        assertThatThrownBy(() -> PublicRoute.of("/([a-z]+)", "/v.xhtml", PublicRoute.Kind.SHARED_PAGE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 groups");
        assertThatThrownBy(() -> PublicRoute.of("x", "/v.xhtml", PublicRoute.Kind.SHARED_PAGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<String, String> attributes(String path) {
        PublicRouteTable.Match match = table.resolve(path);
        Map<String, String> values = new HashMap<>();
        List<String> names = match.route().attributes();
        for (int i = 0; i < names.size(); i++) {
            if (match.value(i) != null) {
                values.put(names.get(i), match.value(i));
            }
        }
        return values;
    }
}
