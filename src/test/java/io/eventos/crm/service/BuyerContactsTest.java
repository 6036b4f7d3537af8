package io.eventos.crm.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BuyerContactsTest {

    @Test
    void theLastWordOfTheBuyersNameIsTheLastName() {
        assertArrayEquals(new String[] {"Ada King", "Lovelace"}, BuyerContacts.splitName("  Ada  King Lovelace "));
        assertArrayEquals(new String[] {"Cher", null}, BuyerContacts.splitName("Cher"));
        assertArrayEquals(new String[] {null, null}, BuyerContacts.splitName("   "));
    }
}
