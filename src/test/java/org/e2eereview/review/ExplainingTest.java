package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                models.add(new ModelLoader().load(p));
            }
        }
        models.add(new ModelLoader().parse("synthetic.yaml", SyntheticModel.generate(500).getBytes(StandardCharsets.UTF_8)));
        int explained = 0;
        for (Model m : models) {
            Review review = reviewer.review(m);
            Map<String, Map<String, List<Finding>>> all = review.explainingEveryReader();
            for (Access a : review.access()) {
                List<Finding> one = review.explaining(a.conversation(), a.party());
                assertThat(all.getOrDefault(a.conversation(), Map.of()).getOrDefault(a.party(), List.of()))
                        .as(m.file() + ": " + a.party() + " reading " + a.conversation()).isEqualTo(one);
                explained += one.size();
            }
        }
        assertThat(explained).as("readers that findings explain, across the examples").isPositive();
    }
}
