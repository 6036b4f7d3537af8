package io.eventos.platform.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    private static CsvReader.Parsed read(String text) {
        return CsvReader.read(text.getBytes(StandardCharsets.UTF_8), 1000);
    }

    @Test
    void commasWithQuotesLineBreaksInsideAndTheLineEachRowStartsOn() {
        CsvReader.Parsed file = read("first name,email,notes\r\nAda,ada@example.org,\"likes, commas\"\r\n"
                + "Grace,grace@example.org,\"two\nlines and \"\"quotes\"\"\"\r\n\r\nAlan,alan@example.org\r\n");
        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.header()).containsExactly("first name", "email", "notes");
        assertThat(file.rows()).extracting(CsvReader.Row::line).containsExactly(2, 3, 6);
        assertThat(file.rows().get(0).cells()).containsExactly("Ada", "ada@example.org", "likes, commas");
        assertThat(file.rows().get(1).cells().get(2)).isEqualTo("two\nlines and \"quotes\"");
        assertThat(file.rows().get(2).cells()).as("a short row is padded").containsExactly("Alan",
                "alan@example.org", "");
    }

    @Test
    void semicolonsAndAByteOrderMarkAsExcelWritesThem() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Vorname;Nachname;E-Mail\nJürgen;Müller;j@example.de\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        CsvReader.Parsed parsed = CsvReader.read(file, 10);
        assertThat(parsed.delimiter()).isEqualTo(';');
        assertThat(parsed.header()).containsExactly("Vorname", "Nachname", "E-Mail");
        assertThat(parsed.rows().get(0).cells()).isEqualTo(List.of("Jürgen", "Müller", "j@example.de"));
    }

    @Test
    void aFileThatIsNotSuchACsvIsRefusedAsAWholeWithItsLine() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"4\n5,6\n")).hasMessage("Line 3: a value starts with \" but its "
                + "closing \" is missing.");
        assertThatThrownBy(() -> read("a,b\n1,2\n3,4,5\n")).hasMessageStartingWith("Line 3 has 3 values but the first "
                + "line names 2 columns.");
        assertThatThrownBy(() -> read("a,b\n\"1\"x,2\n")).hasMessageStartingWith("Line 2: there is text after a closing");
        assertThatThrownBy(() -> read("")).hasMessage("The file is empty.");
        assertThatThrownBy(() -> read("a,b\n")).hasMessageContaining("no rows below it");
        assertThatThrownBy(() -> CsvReader.read(new byte[] {'a', ',', (byte) 0xC3, 0x28}, 10))
                .hasMessageStartingWith("The file is not UTF-8 text.");
        assertThatThrownBy(() -> CsvReader.read("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), 2))
                .hasMessageContaining("more than 2 rows");
        assertThat(read("a,b\n1,2,,\n").rows().get(0).cells()).as("empty extra cells are not values")
                .containsExactly("1", "2");
    }
}
