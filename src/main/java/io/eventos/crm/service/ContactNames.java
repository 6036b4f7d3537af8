package io.eventos.crm.service;

/** How a contact is named on screen. */
final class ContactNames {

    private ContactNames() {
    }

    static String display(String firstName, String lastName, String email) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return !name.isEmpty() ? name : email != null ? email : "(no name)";
    }
}
