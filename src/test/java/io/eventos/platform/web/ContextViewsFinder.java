package io.eventos.platform.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.List;

/** Every context's {@link ContextViews} of the main code, made as CDI would (they hold no state). */
final class ContextViewsFinder {

    private ContextViewsFinder() {
    }

    /** Imported once per test JVM: reading every class of the main code takes seconds. */
    private static List<ContextViews> found;

    static synchronized List<ContextViews> all() {
        if (found == null) {
            found = find();
        }
        return found;
    }

    private static List<ContextViews> find() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventos").stream()
                .filter(c -> c.isAssignableTo(ContextViews.class) && !c.isInterface())
                .map(ContextViewsFinder::make).toList();
    }

    private static ContextViews make(JavaClass type) {
        try {
            return (ContextViews) type.reflect().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
