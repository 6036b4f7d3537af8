package io.eventos.crm.service;

import io.eventos.platform.input.InputProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM's input rules that need no database: phone numbers, search words, custom field values. */
class ContactRulesTest {

    @Test
    void phoneNumbersAreKeptInE164() {
        assertThat(PhoneNumbers.e164("+49 30 123-456 78")).contains("+493012345678");
        assertThat(PhoneNumbers.e164("0049 (30) 1234567")).contains("+49301234567");
        assertThat(PhoneNumbers.e164("030 1234567")).isEmpty(); // no country code
        assertThat(PhoneNumbers.e164("+49 30 CALL ME")).isEmpty();
        assertThat(PhoneNumbers.e164("+1234567890123456")).isEmpty(); // 16 digits
        assertThat(PhoneNumbers.e164("  ")).isEqualTo(Optional.empty());
    }

    @Test
    void customFieldValuesAreCheckedAgainstTheirDefinitions() {
        List<ContactFieldDef> defs = List.of(
                new ContactFieldDef(UUID.randomUUID(), "size", "Company size", "number", List.of()),
                new ContactFieldDef(UUID.randomUUID(), "since", "Partner since", "date", List.of()),
                new ContactFieldDef(UUID.randomUUID(), "level", "Level", "choice", List.of("Gold", "Silver")),
                new ContactFieldDef(UUID.randomUUID(), "vip", "VIP", "yes_no", List.of()),
                new ContactFieldDef(UUID.randomUUID(), "diet", "Diet", "text", List.of()));
        List<InputProblem> problems = new ArrayList<>();
        String json = CustomFieldValues.json(defs, Map.of("size", "120", "since", "2024-03-01", "level", "Gold",
                "vip", "true", "diet", " vegan ", "unknown", "dropped"), problems);
        assertThat(problems).isEmpty();
        assertThat(json).isEqualTo("{\"size\":120,\"since\":\"2024-03-01\",\"level\":\"Gold\",\"vip\":true,"
                + "\"diet\":\"vegan\"}");

        String refused = CustomFieldValues.json(defs, Map.of("size", "many", "since", "1 March", "level", "Platinum",
                "vip", "maybe", "diet", ""), problems);
        assertThat(problems).extracting(InputProblem::field)
                .containsExactly("custom-size", "custom-since", "custom-level", "custom-vip");
        assertThat(problems.get(2).message()).isEqualTo("Level: Choose one of: Gold, Silver.");
        assertThat(refused).isEqualTo("{}");
    }

    @Test
    void aSegmentKeepsItsRulesAndOnlyThose() {
        UUID event = UUID.randomUUID();
        ContactFilter rules = new ContactFilter(" ada ", "vip", null, event, "yes", null, event, 2, "repeat");
        String json = ContactSegmentService.json(rules);
        assertThat(json).isEqualTo("{\"text\":\"ada\",\"tag\":\"vip\",\"attended\":\"" + event
                + "\",\"consent\":\"yes\",\"bought_not_attended\":\"" + event
                + "\",\"attended_at_least\":2,\"buyer\":\"repeat\"}");
        assertThat(ContactSegmentService.rules(json))
                .isEqualTo(new ContactFilter("ada", "vip", null, event, "yes", null, event, 2, "repeat"));
        assertThat(ContactSegmentService.rules("{}")).isEqualTo(ContactFilter.all());
    }

    @Test
    void severalCustomFieldConditionsAreCheckedEachNextToItsRowAndKeptInOrder() {
        List<ContactFieldDef> defs = List.of(
                new ContactFieldDef(UUID.randomUUID(), "industry", "Industry", "choice", List.of("Media", "Tech")),
                new ContactFieldDef(UUID.randomUUID(), "budget", "Budget", "number", List.of()));
        ContactFilter both = ContactFilters.withSales(ContactFilter.all(), null, null, null, null, defs, List.of(
                new ContactFilters.TypedCondition("industry", "is", "media"),
                new ContactFilters.TypedCondition(null, null, "left at Any: no condition"),
                new ContactFilters.TypedCondition("budget", "at_least", "5000")));
        assertThat(both.custom()).containsExactly(new CustomFieldCondition("industry", "choice", "is", "Media"),
                new CustomFieldCondition("budget", "number", "at_least", "5000"));
        assertThat(both.usesMoreFilters()).isTrue();

        String json = ContactSegmentService.json(both);
        assertThat(json).isEqualTo("{\"custom\":[{\"key\":\"industry\",\"kind\":\"choice\",\"operator\":\"is\","
                + "\"value\":\"Media\"},{\"key\":\"budget\",\"kind\":\"number\",\"operator\":\"at_least\","
                + "\"value\":\"5000\"}]}");
        assertThat(ContactSegmentService.rules(json)).isEqualTo(both);
        assertThat(ContactSegmentService.rules("{\"custom\":{\"key\":\"budget\",\"kind\":\"number\","
                + "\"operator\":\"at_most\",\"value\":\"10\"}}").custom())
                .as("a segment saved with one condition, before there could be several")
                .containsExactly(new CustomFieldCondition("budget", "number", "at_most", "10"));

        List<InputProblem> problems = org.junit.jupiter.api.Assertions.assertThrows(
                io.eventos.platform.input.InputRefusedException.class,
                () -> ContactFilters.withSales(ContactFilter.all(), null, null, null, null, defs, List.of(
                        new ContactFilters.TypedCondition("industry", "is", "Film"),
                        new ContactFilters.TypedCondition("budget", "at_least", "lots"),
                        new ContactFilters.TypedCondition("budget", "around", "5")))).problems();
        assertThat(problems).extracting(InputProblem::field)
                .containsExactly("customValue", "customValue2", "customOperator3");
        assertThat(problems.get(1).message()).isEqualTo("Budget: Enter a number, e.g. 42 or 3.5 (\"lots\" is not).");
    }

    @Test
    void aFieldKeyIsMadeFromItsLabel() {
        assertThat(ContactFieldService.key("Dietary needs")).isEqualTo("dietary_needs");
        assertThat(ContactFieldService.key("  Größe (cm) ")).isEqualTo("grosse_cm");
    }
}
