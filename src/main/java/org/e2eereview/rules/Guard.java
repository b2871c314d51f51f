package org.e2eereview.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

/**
 * The cheap part of a condition, run in plain Java before the CEL program. A condition
 * {@code a && b && c} holds only if each conjunct does; conjuncts that merely compare a field of
 * the element with a literal ({@code feature.kind == 'content-scanning'}, {@code key.scope in [...]},
 * {@code !conversation.signed_by_members}) are checked here, and most elements stop at them.
 * Anything else is left to CEL, which still evaluates the whole condition when the guard passes.
 */
final class Guard {

    private Guard() {
    }

    /** A predicate over the element's view, or null when no conjunct is simple enough. */
    static Predicate<Map<String, Object>> of(CelExpr condition, String variable) {
        List<Predicate<Map<String, Object>>> parts = new ArrayList<>();
        collect(condition, variable, parts);
        if (parts.isEmpty()) return null;
        return view -> {
            for (Predicate<Map<String, Object>> p : parts) {
                if (!p.test(view)) return false;
            }
            return true;
        };
    }

    private static void collect(CelExpr e, String variable, List<Predicate<Map<String, Object>>> out) {
        if (e.getKind() != CelExpr.ExprKind.Kind.CALL) {
            String field = field(e, variable);
            if (field != null) out.add(v -> Boolean.TRUE.equals(v.get(field)));
            return;
        }
        String fn = e.call().function();
        List<CelExpr> args = e.call().args();
        switch (fn) {
            case "_&&_" -> args.forEach(a -> collect(a, variable, out));
            case "!_" -> {
                String field = field(args.get(0), variable);
                if (field != null) out.add(v -> Boolean.FALSE.equals(v.get(field)));
            }
            case "_==_", "_!=_" -> {
                String field = field(args.get(0), variable);
                Object constant = constant(args.get(1));
                if (field == null) {
                    field = field(args.get(1), variable);
                    constant = constant(args.get(0));
                }
                if (field == null || constant == null) return;
                String f = field;
                Object c = constant;
                boolean equal = fn.equals("_==_");
                out.add(v -> Objects.equals(v.get(f), c) == equal);
            }
            case "@in" -> {
                String field = field(args.get(0), variable);
                if (field == null || args.get(1).getKind() != CelExpr.ExprKind.Kind.LIST) return;
                List<Object> values = new ArrayList<>();
                for (CelExpr item : args.get(1).list().elements()) {
                    Object c = constant(item);
                    if (c == null) return;
                    values.add(c);
                }
                Set<Object> set = Set.copyOf(values);
                out.add(v -> set.contains(v.get(field)));
            }
            default -> {
                // not a simple comparison: CEL decides
            }
        }
    }

    /** The field name when e is {@code variable.field}, else null. */
    private static String field(CelExpr e, String variable) {
        if (e.getKind() != CelExpr.ExprKind.Kind.SELECT || e.select().testOnly()) return null;
        CelExpr operand = e.select().operand();
        if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT || !operand.ident().name().equals(variable)) return null;
        return e.select().field();
    }

    private static Object constant(CelExpr e) {
        if (e.getKind() != CelExpr.ExprKind.Kind.CONSTANT) return null;
        CelConstant c = e.constant();
        return switch (c.getKind()) {
            case STRING_VALUE -> c.stringValue();
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            default -> null;
        };
    }
}
