package io.eventos.account.domain;

import io.eventos.platform.security.Permission;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/permissions.md and MemberRole say the same thing, permission by permission and role by role. */
class PermissionsDocTest {

    @Test
    void theCodeGrantsExactlyWhatTheDocumentSays() throws IOException {
        Map<Permission, Set<MemberRole>> documented = PermissionsDoc.read(Path.of("docs", "permissions.md")).matrix();
        Map<Permission, Set<MemberRole>> coded = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
            for (MemberRole role : MemberRole.values()) {
                if (role.grants(permission)) {
                    roles.add(role);
                }
            }
            coded.put(permission, roles);
        }
        assertThat(documented).isEqualTo(coded);
    }

    @Test
    void everyRoleHoldsEverythingTheWeakerRolesHold() {
        MemberRole[] roles = MemberRole.values();
        for (int stronger = 0; stronger < roles.length; stronger++) {
            for (int weaker = stronger + 1; weaker < roles.length; weaker++) {
                assertThat(roles[stronger].permissions()).containsAll(roles[weaker].permissions());
            }
        }
    }

    @Test
    void theParserNoticesAChangedCell() {
        String doc = """
                | permission | covers | owner | admin | manager | member | viewer |
                |---|---|---|---|---|---|---|
                | VIEW | see | yes | yes | yes | yes | no |
                """;
        assertThat(PermissionsDoc.parse(doc).matrix().get(Permission.VIEW))
                .containsExactlyInAnyOrder(MemberRole.OWNER, MemberRole.ADMIN, MemberRole.MANAGER, MemberRole.MEMBER);
    }
}
