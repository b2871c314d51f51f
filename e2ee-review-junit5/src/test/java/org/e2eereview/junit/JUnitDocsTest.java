package org.e2eereview.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** docs/junit.md must describe the API as it is. */
class JUnitDocsTest {

    static String docs() throws Exception {
        return Files.readString(Repo.file("docs/junit.md"));
    }

    @Test
    void everyPublicMethodIsDocumented() throws Exception {
        String docs = docs();
        for (Class<?> c : new Class<?>[] {E2eeReview.class, E2eeReview.Options.class, E2eeAssertions.class,
                E2eeTestFactory.class, UnusableInputError.class}) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) continue;
                assertThat(docs).as(c.getSimpleName() + "." + m.getName()).contains(m.getName() + "(");
            }
        }
    }

    @Test
    void theFailureShownIsTheOneTheGhostProposalGives() throws Exception {
        String docs = docs();
        String intro = "start of `assertNotWeakened` on `examples/ghost-proposal.yaml`:\n\n```\n";
        int from = docs.indexOf(intro);
        assertThat(from).as("the sample in docs/junit.md").isPositive();
        String shown = docs.substring(from + intro.length(), docs.indexOf("```", from + intro.length()));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> E2eeAssertions.assertNotWeakened(E2eeReview.review(Repo.file("examples/ghost-proposal.yaml"))));
        assertThat(Repo.relative(e.getMessage()) + "\n").startsWith(shown);
    }
}
