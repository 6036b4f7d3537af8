package io.eventos.platform.persistence;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OneStatementTest {

    @Test
    void partsBecomeWithQueriesAndTheirPlaceholdersAreNumberedInOrder() {
        OneStatement statement = new OneStatement()
                .add("audit", new OneStatement.Part("insert into audit_log (id, action) values (cast(? as uuid), ?)",
                        "a1", "order.paid"))
                .add("contact", new OneStatement.Part("insert into contacts (email) values (?) returning id",
                        "ada@example.org"));
        String sql = statement.sql(new OneStatement.Part("insert into activities (contact_id, subject) "
                + "select c.id, ? from contact c", (Object) null));
        assertEquals("""
                with audit as (insert into audit_log (id, action) values (cast(?1 as uuid), ?2)),
                contact as (insert into contacts (email) values (?3) returning id)
                insert into activities (contact_id, subject) select c.id, ?4 from contact c""", sql);
        assertEquals(Arrays.asList("a1", "order.paid", "ada@example.org", null), statement.values());
    }

    @Test
    void aStatementOfOnePartIsThatPart() {
        OneStatement statement = new OneStatement();
        assertEquals("select ?1, ?2", statement.sql(new OneStatement.Part("select ?, ?", 1, 2)));
        assertEquals(Arrays.asList(1, 2), statement.values());
    }

    @Test
    void placeholdersAndValuesMustMatch() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> new OneStatement()
                .add("audit", new OneStatement.Part("insert into audit_log (id, action) values (?, ?)", "a1")));
        assertEquals("2 placeholders but 1 values in: insert into audit_log (id, action) values (?, ?)",
                wrong.getMessage());
    }

    @Test
    void numberedPlaceholdersAreRefused() {
        IllegalArgumentException numbered = assertThrows(IllegalArgumentException.class, () -> new OneStatement()
                .add("audit", new OneStatement.Part("insert into audit_log (id) values (?1)", "a1")));
        assertEquals("numbered placeholder at 35 (parts use plain ?): insert into audit_log (id) values (?1)",
                numbered.getMessage());
    }
}
