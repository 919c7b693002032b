package org.veritally.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.Entry;

/**
 * The module and package rules of docs/architecture.md, checked on the compiled main classes of
 * every module this one sees (all but bench). A module's "uses" column there is what its classes
 * may depend on here: the JDK ({@code java..}), the modules and the third-party packages named.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.veritally");

    @Test
    void coreDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.veritally.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.veritally.core..", "java..")
                .check(MAIN);
    }

    @Test
    void translogDependsOnlyOnCoreAndTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.veritally.translog..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.veritally.translog..", "org.veritally.core..", "java..")
                .check(MAIN);
    }

    @Test
    void theRulebookDoesNoIo() {
        noClasses()
                .that()
                .resideInAPackage("org.veritally.core.rulebook..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "java.sql..", "java.net..")
                .check(MAIN);
    }

    @Test
    void statsDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.veritally.stats..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.veritally.stats..", "java..")
                .check(MAIN);
    }

    @Test
    void formatsUsesCoreTranslogJacksonAndFastCsvOnly() {
        classes()
                .that()
                .resideInAPackage("org.veritally.formats..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.veritally.formats..",
                        "org.veritally.core..",
                        "org.veritally.translog..",
                        "com.fasterxml.jackson.core..",
                        "de.siegmar.fastcsv..",
                        "java..")
                .check(MAIN);
    }

    @Test
    void verifyReadsPublishedFilesOnly() {
        classes()
                .that()
                .resideInAPackage("org.veritally.verify..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.veritally.verify..",
                        "org.veritally.core..",
                        "org.veritally.translog..",
                        "org.veritally.formats..",
                        // no stats: the audit statistics are core's (core.audit.risk), run by the rulebook
                        "java..")
                .check(MAIN);
    }

    @Test
    void storeKnowsNoUseCase() {
        classes()
                .that()
                .resideInAPackage("org.veritally.store..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.veritally.store..",
                        "org.veritally.core..",
                        "org.veritally.translog..",
                        "org.sqlite..",
                        "com.zaxxer.hikari..",
                        "org.postgresql..", // PgCopy: the driver's CopyManager, the PostgreSQL bulk path (issue 15)
                        "software.amazon.awssdk..", // S3BlobStore, the evidence in an S3 bucket
                        "java..")
                .check(MAIN);
    }

    @Test
    void serverKnowsNoPageNorCommand() {
        noClasses()
                .that()
                .resideInAPackage("org.veritally.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.veritally.web..", "org.veritally.app..", "org.veritally.verify..")
                .check(MAIN);
    }

    @Test
    void webKnowsNoCommand() {
        noClasses()
                .that()
                .resideInAPackage("org.veritally.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.veritally.app..", "org.veritally.verify..")
                .check(MAIN);
    }

    @Test
    void sqlOnlyInStore() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.veritally.store..", "org.veritally.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .check(MAIN);
    }

    /**
     * Outside core and formats an entry's kind is not tested with {@code instanceof}: dispatch over
     * kinds goes through {@link org.veritally.core.entry.EntryVisitor}, so a new kind fails to compile
     * where it is not handled. The places below narrow to the one or two kinds they handle.
     */
    private static final Set<String> NARROWING = Set.of(
            // a queued sheet from a follower
            "org.veritally.server.cluster.IntegrateSubmissions",
            // the election entry keeps the bytes of the definition file
            "org.veritally.server.intake.DefineElection");

    @Test
    void entryKindsAreDispatchedThroughTheVisitor() {
        classes()
                .that()
                .resideOutsideOfPackages("org.veritally.core..", "org.veritally.formats..")
                .and(notIn(NARROWING))
                .should(notTestEntryKindsWithInstanceof())
                .check(MAIN);
    }

    /** The allowed places still narrow (else drop them from the list), and the check sees instanceof at all. */
    @Test
    void theNarrowingPlacesAreCurrent() {
        for (String name : NARROWING) {
            JavaClass c = MAIN.get(name);
            boolean narrows = c.getCodeUnits().stream()
                    .flatMap(u -> u.getInstanceofChecks().stream())
                    .anyMatch(i -> i.getRawType().isAssignableTo(Entry.class)
                            && !i.getRawType().isEquivalentTo(Entry.class));
            assertThat(narrows).as(name).isTrue();
        }
    }

    /** The rules above are not vacuous: the import holds the main classes of every module but bench. */
    @Test
    void everyModuleIsImported() {
        for (String m :
                List.of("core", "translog", "formats", "stats", "verify", "store", "server", "web", "app", "testkit")) {
            assertThat(MAIN.stream().anyMatch(c -> c.getPackageName().startsWith("org.veritally." + m)))
                    .as(m)
                    .isTrue();
        }
    }

    private static DescribedPredicate<HasName> notIn(Set<String> names) {
        return DescribedPredicate.describe(
                "not one of " + names,
                c -> names.stream()
                        .noneMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    private static ArchCondition<JavaClass> notTestEntryKindsWithInstanceof() {
        return new ArchCondition<>("not test an entry's kind with instanceof") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    for (var check : u.getInstanceofChecks()) {
                        JavaClass t = check.getRawType();
                        if (t.isAssignableTo(Entry.class) && !t.isEquivalentTo(Entry.class)) {
                            events.add(SimpleConditionEvent.violated(
                                    c,
                                    u.getFullName() + " tests instanceof " + t.getSimpleName() + " "
                                            + check.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }
}
