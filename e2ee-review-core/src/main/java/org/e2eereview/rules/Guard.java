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
 * The cheap part of a condition, run in plain Java before the CEL program: a predicate that holds
 * whenever the condition does (a necessary condition), built from the parts that merely compare a
 * field of the element with a literal ({@code feature.kind == 'content-scanning'},
 * {@code key.scope in [...]}, {@code 'adds-member' in conversation.unseen_routes},
 * {@code !conversation.signed_by_members}) or need a list to be
 * non-empty ({@code data.readers.exists(...)}, {@code key.stored_on.size() > 0}). Both sides of
 * an {@code &&} must hold and one side of an {@code ||}. Most elements stop here; CEL still
 * evaluates the whole condition on those that pass.
 */
final class Guard {

    private Guard() {
    }

    /**
     * Whether the guard of this condition is the condition itself, so that CEL need not run: every
     * part is a simple comparison, joined by && and ||, with no fold whose body the guard ignores.
     */
    static boolean exact(CelExpr e, String variable) {
        switch (e.getKind()) {
            case SELECT -> {
                return field(e, variable) != null;
            }
            case CALL -> {
                List<CelExpr> args = e.call().args();
                switch (e.call().function()) {
                    case "_&&_", "_||_" -> {
                        for (CelExpr a : args) if (!exact(a, variable)) return false;
                        return true;
                    }
                    case "!_" -> {
                        return field(args.get(0), variable) != null;
                    }
                    case "_==_", "_!=_", "@in", "_>_" -> {
                        return of(e, variable) != null;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
    }

    /** A predicate over the element's view, or null when nothing simple is necessary. */
    static Predicate<Map<String, Object>> of(CelExpr e, String variable) {
        switch (e.getKind()) {
            case SELECT -> {
                String field = field(e, variable);
                return field == null ? null : v -> Boolean.TRUE.equals(v.get(field));
            }
            case COMPREHENSION -> {
                return exists(e.comprehension(), variable);
            }
            case CALL -> {
                return call(e.call().function(), e.call(), variable);
            }
            default -> {
                return null;
            }
        }
    }

    private static Predicate<Map<String, Object>> call(String fn, CelExpr.CelCall call, String variable) {
        List<CelExpr> args = call.args();
        switch (fn) {
            case "_&&_" -> {
                List<Predicate<Map<String, Object>>> all = new ArrayList<>();
                for (CelExpr a : args) {
                    Predicate<Map<String, Object>> p = of(a, variable);
                    if (p != null) all.add(p);
                }
                if (all.isEmpty()) return null;
                return v -> {
                    for (Predicate<Map<String, Object>> p : all) {
                        if (!p.test(v)) return false;
                    }
                    return true;
                };
            }
            case "_||_" -> {
                List<Predicate<Map<String, Object>>> any = new ArrayList<>();
                for (CelExpr a : args) {
                    Predicate<Map<String, Object>> p = of(a, variable);
                    if (p == null) return null; // that side may hold for reasons we cannot see
                    any.add(p);
                }
                return v -> {
                    for (Predicate<Map<String, Object>> p : any) {
                        if (p.test(v)) return true;
                    }
                    return false;
                };
            }
            case "!_" -> {
                String field = field(args.get(0), variable);
                return field == null ? null : v -> Boolean.FALSE.equals(v.get(field));
            }
            case "_==_", "_!=_" -> {
                String field = field(args.get(0), variable);
                Object constant = constant(args.get(1));
                if (field == null) {
                    field = field(args.get(1), variable);
                    constant = constant(args.get(0));
                }
                if (field == null || constant == null) return null;
                String f = field;
                Object c = constant;
                boolean equal = fn.equals("_==_");
                return v -> Objects.equals(v.get(f), c) == equal;
            }
            case "@in" -> {
                Object literal = constant(args.get(0));
                String list = field(args.get(1), variable);
                if (literal != null && list != null) {
                    // 'adds-member' in conversation.unseen_routes
                    return v -> v.get(list) instanceof java.util.Collection<?> c && c.contains(literal);
                }
                String field = field(args.get(0), variable);
                if (field == null || args.get(1).getKind() != CelExpr.ExprKind.Kind.LIST) return null;
                List<Object> values = new ArrayList<>();
                for (CelExpr item : args.get(1).list().elements()) {
                    Object c = constant(item);
                    if (c == null) return null;
                    values.add(c);
                }
                Set<Object> set = Set.copyOf(values);
                return v -> set.contains(v.get(field));
            }
            case "_>_" -> {
                // list.size() > 0 and size(list) > 0
                String field = sizeOf(args.get(0), variable);
                return field != null && Long.valueOf(0).equals(constant(args.get(1))) ? nonEmpty(field) : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code variable.list.exists(x, ...)}: the macro expands to a fold that starts false and
     * returns its accumulator, so over an empty list it is false.
     */
    private static Predicate<Map<String, Object>> exists(CelExpr.CelComprehension c, String variable) {
        String field = field(c.iterRange(), variable);
        boolean startsFalse = Boolean.FALSE.equals(constant(c.accuInit()));
        boolean returnsAccumulator = c.result().getKind() == CelExpr.ExprKind.Kind.IDENT
                && c.result().ident().name().equals(c.accuVar());
        return field != null && startsFalse && returnsAccumulator ? nonEmpty(field) : null;
    }

    private static Predicate<Map<String, Object>> nonEmpty(String field) {
        return v -> v.get(field) instanceof java.util.Collection<?> list && !list.isEmpty();
    }

    private static String sizeOf(CelExpr e, String variable) {
        if (e.getKind() != CelExpr.ExprKind.Kind.CALL || !e.call().function().equals("size")) return null;
        if (e.call().target().isPresent()) return e.call().args().isEmpty() ? field(e.call().target().get(), variable) : null;
        return e.call().args().size() == 1 ? field(e.call().args().get(0), variable) : null;
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
