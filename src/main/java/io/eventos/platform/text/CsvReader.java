package io.eventos.platform.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file as spreadsheets write it (RFC 4180): UTF-8 with or without a byte order mark, separated by commas
 * or semicolons (whichever the first line has more of, outside quotes), values in double quotes may hold separators,
 * line breaks and doubled quotes. Every row knows the line of the file it starts on, so problems can name it. Blank
 * lines (also those of separators only) are skipped. A file that is not such a CSV is refused as a whole with one
 * sentence ({@link BadFileException}): not UTF-8 text, a quote never closed, text after a closing quote, a row with
 * more values than the first line has columns, no rows.
 */
public final class CsvReader {

    /** The first line (the column names) and the rows below it, each padded to the header's width. */
    public record Parsed(char delimiter, List<String> header, List<Row> rows) {
    }

    /** One row and the line of the file where it starts (1 is the first line). */
    public record Row(int line, List<String> cells) {
    }

    /** The file as a whole cannot be read; the message says why, for the person who chose it. */
    public static final class BadFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadFileException(String message) {
            super(message);
        }
    }

    private CsvReader() {
    }

    /** Reads the whole file; more than {@code maxRows} rows below the header is refused. */
    public static Parsed read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        char delimiter = delimiter(text);
        List<Row> all = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int rowLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean endOfRow = false;
            while (!endOfRow) {
                if (i < n && text.charAt(i) == '"' && cell.isEmpty()) {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new BadFileException("Line " + quoteLine + ": a value starts with \" but its closing "
                                    + "\" is missing.");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
                            line++;
                        }
                        cell.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new BadFileException("Line " + line + ": there is text after a closing \" (a value "
                                + "with quotes in it must be quoted as a whole, its quotes doubled).");
                    }
                }
                if (i >= n) {
                    cells.add(cell.toString());
                    endOfRow = true;
                } else {
                    char c = text.charAt(i);
                    if (c == delimiter) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                        i++;
                    } else if (c == '\n' || c == '\r') {
                        cells.add(cell.toString());
                        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                        line++;
                        endOfRow = true;
                    } else {
                        cell.append(c);
                        i++;
                    }
                }
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // a blank line, or one of only separators (",,,", as spreadsheets write empty rows)
            }
            all.add(new Row(rowLine, cells));
            if (all.size() > maxRows + 1) {
                throw new BadFileException(String.format("The file has more than %,d rows: split it into smaller "
                        + "files.", maxRows));
            }
        }
        if (all.isEmpty()) {
            throw new BadFileException("The file is empty.");
        }
        List<String> header = all.get(0).cells().stream().map(String::strip).toList();
        if (all.size() == 1) {
            throw new BadFileException("The file has only one line: the column names, and no rows below it.");
        }
        List<Row> rows = new ArrayList<>(all.size() - 1);
        for (Row row : all.subList(1, all.size())) {
            List<String> cells = row.cells();
            if (cells.size() > header.size()) {
                if (cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
                    throw new BadFileException("Line " + row.line() + " has " + cells.size() + " values but the "
                            + "first line names " + header.size() + " columns. Is every line separated by \""
                            + delimiter + "\", and are values with a \"" + delimiter + "\" in quotes?");
                }
                cells = cells.subList(0, header.size());
            }
            List<String> padded = new ArrayList<>(cells);
            while (padded.size() < header.size()) {
                padded.add("");
            }
            rows.add(new Row(row.line(), padded));
        }
        return new Parsed(delimiter, header, rows);
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFileException("The file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\" "
                    + "(an Excel workbook cannot be imported as it is).");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadFileException("The file is not a text file. In your spreadsheet, save it as \"CSV UTF-8\".");
        }
        return text;
    }

    /** Comma or semicolon: whichever the first line has more of outside quotes (a comma if neither). */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
