package io.eventos.crm.service;

import java.util.List;

/**
 * What importing a file would do, before anything is written: its columns (names, an example value each) and the
 * contact field each one fills ({@code mapping}, by column; guessed from the names until chosen), the first rows as
 * they will be imported, the rows left out with their line and reason (the first
 * {@link ContactImportService#PROBLEMS_SHOWN}), and the counts: rows, new contacts, updated contacts, rows skipped,
 * rows merged into an earlier row with the same email.
 */
public record ImportPreview(List<String> header, List<String> examples, List<String> mapping, List<ImportField> fields,
                            List<ImportPreviewRow> sample, List<ImportProblem> problems, int rows, int toCreate,
                            int toUpdate, int skipped, int merged) {

    public int toImport() {
        return toCreate + toUpdate;
    }
}
