package org.e2eereview.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.e2eereview.assess.Assessment;
import org.e2eereview.assess.Assessor;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Finding;

/**
 * How much of a design each proposal's patch reaches: per proposal, how many conversations' access and
 * how many findings its patched review gives as the design's review does. What no patch reaches could be
 * taken from the design's review instead of made again; this measures how much that would save
 * (docs/performance.md, "eighth round"). Usage: {@code PatchReach ELEMENTS} (a synthetic model of about
 * that many elements) or {@code PatchReach FILE}.
 */
public final class PatchReach {

    private PatchReach() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            file = Files.createTempFile("synthetic-" + args[0], ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, SyntheticModel.generate(Integer.parseInt(args[0])), StandardCharsets.UTF_8);
        }
        Assessor.Result result = new Assessor(Reviewer.standard(List.of())).assess(file, List.of());
        Review design = result.original();
        Map<String, Finding> before = new HashMap<>();
        for (Reviewed r : design.weakenings()) before.put(r.finding().id(), r.finding());
        for (Reviewed r : design.safetyFeatures()) before.put(r.finding().id(), r.finding());
        System.out.println("| proposal | conversations whose access is as in the design | findings as in the design | changed | new |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Assessment a : result.assessments()) {
            if (!a.applied()) continue;
            Review patched = a.patched();
            int conversations = 0;
            int alike = 0;
            for (String c : design.model().conversations().keySet()) {
                if (patched.model().conversations().containsKey(c)) {
                    conversations++;
                    if (Objects.equals(design.analysis().access(c), patched.analysis().access(c))) alike++;
                }
            }
            int same = 0;
            int changed = 0;
            int added = 0;
            for (List<Reviewed> list : List.of(patched.weakenings(), patched.safetyFeatures())) {
                for (Reviewed r : list) {
                    Finding was = before.get(r.finding().id());
                    if (was == null) added++;
                    else if (was.equals(r.finding())) same++;
                    else changed++;
                }
            }
            System.out.printf("| %s | %d of %d | %d | %d | %d |%n", a.proposal().id(), alike, conversations, same, changed, added);
        }
    }
}
