package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactImportService;
import io.eventos.crm.service.ContactImports;
import io.eventos.crm.service.ImportField;
import io.eventos.crm.service.ImportPreview;
import io.eventos.crm.service.ImportStatus;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Ids;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/contacts-import.xhtml}: import contacts from a CSV file. Choose the file ("Read the file": it is read
 * whole and refused as a whole if it is not a CSV), choose the contact field of each column (guessed from the column
 * names), see the first rows as they will be imported and every row that will be skipped with its line and reason,
 * then "Import": the import runs in the background and the page moves to {@code ?import=<id>}, which shows its
 * progress (polling the status row) and, at the end, what it did. Needs CONTACTS_MANAGE_ALL; others get 404.
 */
@Named
@ViewScoped
public class ContactsImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactImportService imports;
    @Inject
    transient ContactImports background;

    private String importId;
    private List<ImportField> fields;
    private transient UploadedFile file;
    private String fileName;
    private byte[] content;
    private ImportPreview preview;
    private List<Column> columns;
    private ImportStatus status;

    /** A column of the file and the contact field chosen for it. */
    public static final class Column implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String header;
        private final String example;
        private String field;

        Column(String header, String example, String field) {
            this.header = header;
            this.example = example;
            this.field = field;
        }

        public String getHeader() {
            return header;
        }

        public String getExample() {
            return example;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }
    }

    public void load() throws IOException {
        try {
            fields = imports.fieldChoices();
            if (importId != null && !Faces.isPostback()) {
                UUID id = Ids.parse(importId);
                status = id == null ? null : imports.status(id);
                if (status == null) {
                    Faces.responseSendError(404, "Not found");
                }
            }
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    /** Reads the chosen file and shows the preview with the guessed columns. */
    public void read() {
        preview = null;
        columns = null;
        if (file == null || file.getSize() == 0) {
            Messages.addError("upload-form:file", "Choose a CSV file.");
            return;
        }
        if (file.getSize() > ContactImportService.MAX_BYTES) {
            Messages.addError("upload-form:file", ContactImportService.TOO_LARGE);
            return;
        }
        try {
            byte[] bytes = file.getContent();
            preview = imports.preview(bytes, null);
            content = bytes;
            fileName = file.getFileName();
            columns = new ArrayList<>();
            for (int c = 0; c < preview.header().size(); c++) {
                columns.add(new Column(preview.header().get(c), preview.examples().get(c), preview.mapping().get(c)));
            }
        } catch (InputRefusedException refused) {
            for (InputProblem p : refused.problems()) {
                Messages.addError("upload-form:" + ("mapping".equals(p.field()) ? "file" : p.field()), p.message());
            }
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** The preview again, with the columns as chosen now. */
    public void updatePreview() {
        if (content == null) {
            return;
        }
        try {
            preview = imports.preview(content, mapping());
        } catch (InputRefusedException refused) {
            refused.problems().forEach(p -> Messages.addError("mapping-form:mapping", p.message()));
            Faces.validationFailed();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Starts the import and shows its progress (a GET of its own, bookmarkable). */
    public void start() throws IOException {
        if (content == null) {
            return;
        }
        try {
            UUID id = background.start(fileName, content, mapping());
            content = null;
            Faces.redirect(Faces.getRequestContextPath() + "/app/contacts-import.xhtml?import=" + id);
        } catch (InputRefusedException refused) {
            refused.problems().forEach(p -> Messages.addError("mapping-form:mapping", p.message()));
            Faces.validationFailed();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** The poll: the status row as it is now. */
    public void refresh() {
        if (status != null) {
            status = imports.status(status.id());
        }
    }

    private List<String> mapping() {
        List<String> mapping = new ArrayList<>();
        columns.forEach(c -> mapping.add(c.getField() == null ? "" : c.getField()));
        return mapping;
    }

    public String count(int count, String one, String many) {
        return String.format("%,d", count) + " " + (count == 1 ? one : many);
    }

    public String getImport() {
        return importId;
    }

    public void setImport(String importId) {
        this.importId = importId;
    }

    public List<ImportField> getFields() {
        return fields;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public ImportPreview getPreview() {
        return preview;
    }

    public List<Column> getColumns() {
        return columns;
    }

    public ImportStatus getStatus() {
        return status;
    }
}
