package org.e2eereview.rules;

import java.util.Map;
import java.util.function.Predicate;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/**
 * A checked CEL condition, and, when it is made only of simple comparisons of the element's fields,
 * the same condition in plain Java, which then runs instead of the interpreter.
 */
record Condition(CelRuntime.Program program, Predicate<Map<String, Object>> exact) {

    static Condition of(Cel.Checked checked, String variable) {
        if (checked == null) return null;
        return new Condition(checked.program(),
                Guard.exact(checked.expr(), variable) ? Guard.of(checked.expr(), variable) : null);
    }

    boolean holds(Map<String, Object> view, CelVariableResolver vars) throws CelEvaluationException {
        return exact != null ? exact.test(view) : Boolean.TRUE.equals(program.eval(vars));
    }
}
