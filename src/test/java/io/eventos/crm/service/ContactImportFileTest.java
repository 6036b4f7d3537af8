package io.eventos.crm.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.text.CsvReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactImportFileTest {

    private static final List<ContactFieldDef> FIELDS = List.of(
            new ContactFieldDef(UUID.randomUUID(), "sponsorship_level", "Sponsorship level", "choice",
                    List.of("Gold", "Silver")),
            new ContactFieldDef(UUID.randomUUID(), "vip", "VIP", "yes_no", List.of()));

    @Test
    void columnsAreGuessedFromTheirNamesInEnglishGermanOrAsTheCustomFieldsLabel() {
        assertThat(ContactImportFile.guess(List.of("First Name", "Surname", "E-mail address", "Mobile", "Organisation",
                "Job title", "Tags", "Newsletter", "Sponsorship level", "VIP", "Notes"), FIELDS))
                .containsExactly("first_name", "last_name", "email", "phone", "company", "job_title", "tags",
                        "consent", "custom:sponsorship_level", "custom:vip", "");
        assertThat(ContactImportFile.guess(List.of("Vorname", "Nachname", "E-Mail", "Email 2"), FIELDS))
                .as("one column per field").containsExactly("first_name", "last_name", "email", "");
    }

    @Test
    void everyRowIsCheckedAndRowsWithTheSameEmailAreMergedIntoTheFirst() {
        CsvReader.Parsed file = CsvReader.read(("""
                first name,last name,email,phone,tags,consent,sponsorship level
                Ada,Lovelace,ada@example.org,+44 20 7946 0018,vip,yes,Gold
                Bad,Email,not-an-email,,,,
                Bad,Phone,bad@example.org,030 1234,,,
                Bad,Choice,choice@example.org,,,,Platinum
                ,,,,,,
                Ada,King,ADA@example.org,,speaker,,
                Grace,Hopper,,,,maybe,
                """).getBytes(StandardCharsets.UTF_8), 100);
        List<String> mapping = ContactImportFile.guess(file.header(), FIELDS);
        ContactImportFile.Prepared prepared = ContactImportFile.prepare(file, mapping, FIELDS, 10);

        assertThat(prepared.total()).isEqualTo(6);
        assertThat(prepared.problems()).extracting(ImportProblem::line).containsExactly(3, 4, 5, 8);
        assertThat(prepared.problems().get(0).reason()).isEqualTo("Email “not-an-email” is not an email address.");
        assertThat(prepared.problems().get(1).reason()).startsWith("Phone “030 1234” cannot be read with a country");
        assertThat(prepared.problems().get(2).reason()).isEqualTo("Sponsorship level: Choose one of: Gold, Silver.");
        assertThat(prepared.problems().get(3).reason()).isEqualTo("Marketing consent “maybe” is not yes or no.");
        assertThat(prepared.merged()).isEqualTo(1);
        assertThat(prepared.rows()).hasSize(1);
        ContactImportFile.Row ada = prepared.rows().get(0);
        assertThat(ada.line()).isEqualTo(2);
        assertThat(ada.lastName()).as("the later row's value wins").isEqualTo("King");
        assertThat(ada.phone()).isEqualTo("+442079460018");
        assertThat(ada.tags()).containsExactly("vip", "speaker");
        assertThat(ada.consent()).isTrue();
        assertThat(ada.customJson()).isEqualTo("{\"sponsorship_level\":\"Gold\"}");
        assertThat(prepared.sample()).extracting(ImportPreviewRow::outcome).containsExactly(null,
                "Skipped: Email “not-an-email” is not an email address.", prepared.sample().get(2).outcome(),
                prepared.sample().get(3).outcome(), "Merged into line 2", prepared.sample().get(5).outcome());
    }

    @Test
    void aMappingWithoutEmailOrNameOrWithAFieldTwiceIsRefused() {
        List<ImportField> fields = ContactImportFile.fields(FIELDS);
        assertThatThrownBy(() -> ContactImportFile.checkMapping(List.of("company", ""), fields))
                .isInstanceOf(InputRefusedException.class).hasMessageContaining("email address");
        assertThatThrownBy(() -> ContactImportFile.checkMapping(List.of("email", "email"), fields))
                .hasMessageContaining("Two columns fill Email");
        ContactImportFile.checkMapping(List.of("last_name", "custom:vip"), fields);
    }
}
