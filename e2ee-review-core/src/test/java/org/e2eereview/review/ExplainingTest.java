package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.analysis.Access;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.Test;

/** Reports ask which findings explain every reader at once; the answer is the one asked reader by reader. */
class ExplainingTest {

    @Test
    void everyReaderAtOnceIsEachReaderAskedAlone() throws Exception {
        Reviewer reviewer = Reviewer.standard(List.of());
        List<Model> models = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Repo.file("examples"))) {
            for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                models.add(new ModelLoader().load(p));
            }
        }
        models.add(new ModelLoader().parse("synthetic.yaml", SyntheticModel.generate(500).getBytes(StandardCharsets.UTF_8)));
        int explained = 0;
        for (Model m : models) {
            Review review = reviewer.review(m);
            Review.Explaining all = review.explainingEveryReader();
            for (Access a : review.access()) {
                List<Finding> one = namingReader(review, a.conversation(), a.party());
                assertThat(all.of(a.conversation(), a.party()))
                        .as(m.file() + ": " + a.party() + " reading " + a.conversation()).isEqualTo(one);
                assertThat(review.explaining(a.conversation(), a.party())).isEqualTo(one);
                explained += one.size();
            }
        }
        assertThat(explained).as("readers that findings explain, across the examples").isPositive();
    }

    /** Reader by reader, the plain way: each weakening finding, in order, that names the reader. */
    private static List<Finding> namingReader(Review review, String conversation, String party) {
        return review.weakenings().stream().map(Reviewed::finding)
                .filter(f -> f.reads().stream().anyMatch(r -> r.conversation().equals(conversation) && r.party().equals(party)))
                .toList();
    }
}
