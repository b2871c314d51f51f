package org.e2eereview.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;

/** The benchmark's models are valid and exercise the rules; sizes are what they claim. */
class SyntheticModelTest {

    @Test
    void generatesAValidModelOfAboutTheRequestedSizeWithFindings() throws Exception {
        byte[] yaml = SyntheticModel.generate(1000).getBytes(StandardCharsets.UTF_8);
        Model m = new ModelLoader().parse("synthetic.yaml", yaml);
        assertThat(m.size()).isBetween(950, 1100);
        Review r = Reviewer.standard(java.util.List.of()).review(m);
        assertThat(r.weakenings()).extracting(w -> w.finding().rule()).contains("GHOST-PARTICIPANT",
                "SERVER-CONTROLLED-MEMBERSHIP", "PROVIDER-KEYED-BACKUP", "KEY-ESCROW", "UNVERIFIABLE-KEY-DIRECTORY",
                "TARGETED-UPDATE");
        assertThat(r.safetyFeatures()).isNotEmpty();
    }

    @Test
    void findingsGrowWithSize() throws Exception {
        Reviewer reviewer = Reviewer.standard(java.util.List.of());
        int small = reviewer.review(new ModelLoader().parse("s.yaml",
                SyntheticModel.generate(1000).getBytes(StandardCharsets.UTF_8))).weakenings().size();
        int large = reviewer.review(new ModelLoader().parse("l.yaml",
                SyntheticModel.generate(4000).getBytes(StandardCharsets.UTF_8))).weakenings().size();
        assertThat(large).isBetween(small * 3, small * 5);
    }
}
