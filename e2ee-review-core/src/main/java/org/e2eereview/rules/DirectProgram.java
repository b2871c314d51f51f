package org.e2eereview.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.Message;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelFunctionResolver;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.UnknownContext;

/**
 * A checked expression run as plain Java closures instead of by CEL's interpreter, which spent most
 * of a large review's rule time walking the tree, resolving names and dispatching overloads. Only what
 * rules write is covered: literals, variables, fields of views, list literals, map literals indexed at
 * once, comprehensions (the macros exists, all, filter, map expand to them), logic, comparisons, {@code +}, {@code in},
 * {@code size}, {@code string} and {@code join}. An expression using anything else is left to CEL,
 * and so is an evaluation that meets a value of a kind not covered (it is then evaluated again by
 * CEL, which gives its own answer or error). Views never hold errors or unknowns, so CEL's rules
 * for those (an error absorbed by the other side of {@code &&}) have nothing to act on here.
 */
final class DirectProgram implements CelRuntime.Program {

    /** A part of the expression, given the variables and the comprehension variables in scope. */
    private interface Node {
        Object eval(CelVariableResolver vars, Object[] locals);
    }

    /** Met a value this class does not cover: CEL evaluates the whole expression instead. */
    private static final class NotCovered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCovered() {
            super(null, null, false, false);
        }
    }

    private static final NotCovered NOT_COVERED = new NotCovered();

    /** CEL's own program for the expression, made when first needed. */
    interface Interpreted {
        CelRuntime.Program make() throws CelEvaluationException;
    }

    private final Interpreted make;
    private volatile CelRuntime.Program cel;
    private final Node root;
    private final int locals;

    private DirectProgram(Interpreted make, Node root, int locals) {
        this.make = make;
        this.root = root;
        this.locals = locals;
    }

    /** The expression as closures where it is covered, else CEL's own program. */
    static CelRuntime.Program of(CelExpr expr, CelRuntime.Program cel) throws CelEvaluationException {
        return of(expr, () -> cel);
    }

    /**
     * The same, with CEL's program made only if it is needed: at once for an expression that is not
     * covered, else at the first evaluation that meets a value that is not. A cold run whose
     * expressions are all covered then never builds CEL's runtime (docs/performance.md, "Cold start").
     */
    static CelRuntime.Program of(CelExpr expr, Interpreted cel) throws CelEvaluationException {
        Compiler c = new Compiler();
        Node root = c.node(expr);
        return root == null ? cel.make() : new DirectProgram(cel, root, c.max);
    }

    /** The interpreter's program for the same expression. */
    CelRuntime.Program interpreted() {
        try {
            return cel();
        } catch (CelEvaluationException e) {
            throw new IllegalStateException(e);
        }
    }

    private CelRuntime.Program cel() throws CelEvaluationException {
        CelRuntime.Program p = cel;
        if (p != null) return p;
        synchronized (this) {
            if (cel == null) cel = make.make();
            return cel;
        }
    }

    @Override
    public Object eval(CelVariableResolver vars) throws CelEvaluationException {
        try {
            return root.eval(vars, new Object[locals]);
        } catch (NotCovered e) {
            return cel().eval(vars);
        }
    }

    // ---- everything else is CEL's ----

    @Override
    public Object eval() throws CelEvaluationException {
        return cel().eval();
    }

    @Override
    public Object eval(Map<String, ?> map) throws CelEvaluationException {
        return cel().eval(map);
    }

    @Override
    public Object eval(Message message) throws CelEvaluationException {
        return cel().eval(message);
    }

    @Override
    public Object eval(CelVariableResolver vars, CelFunctionResolver functions) throws CelEvaluationException {
        return cel().eval(vars, functions);
    }

    @Override
    public Object eval(Map<String, ?> map, CelFunctionResolver functions) throws CelEvaluationException {
        return cel().eval(map, functions);
    }

    @Override
    public Object trace(CelEvaluationListener listener) throws CelEvaluationException {
        return cel().trace(listener);
    }

    @Override
    public Object trace(Map<String, ?> map, CelEvaluationListener listener) throws CelEvaluationException {
        return cel().trace(map, listener);
    }

    @Override
    public Object trace(Message message, CelEvaluationListener listener) throws CelEvaluationException {
        return cel().trace(message, listener);
    }

    @Override
    public Object trace(CelVariableResolver vars, CelEvaluationListener listener) throws CelEvaluationException {
        return cel().trace(vars, listener);
    }

    @Override
    public Object trace(CelVariableResolver vars, CelFunctionResolver functions, CelEvaluationListener listener)
            throws CelEvaluationException {
        return cel().trace(vars, functions, listener);
    }

    @Override
    public Object trace(Map<String, ?> map, CelFunctionResolver functions, CelEvaluationListener listener)
            throws CelEvaluationException {
        return cel().trace(map, functions, listener);
    }

    @Override
    public Object advanceEvaluation(UnknownContext context) throws CelEvaluationException {
        return cel().advanceEvaluation(context);
    }

    // ---- the closures ----

    /** Turns a checked expression into nodes; null for anything not covered. */
    private static final class Compiler {
        /** Comprehension variables in scope, innermost last, each with its slot. */
        private final List<String> scope = new ArrayList<>();
        private int max;

        Node node(CelExpr e) {
            return switch (e.getKind()) {
                case CONSTANT -> constant(e.constant());
                case IDENT -> ident(e.ident().name());
                case SELECT -> select(e.select());
                case LIST -> list(e.list());
                case CALL -> call(e.call());
                case COMPREHENSION -> comprehension(e.comprehension());
                default -> null;
            };
        }

        private static Node constant(CelConstant c) {
            Object value = switch (c.getKind()) {
                case STRING_VALUE -> c.stringValue();
                case BOOLEAN_VALUE -> c.booleanValue();
                case INT64_VALUE -> c.int64Value();
                default -> null;
            };
            return value == null ? null : (vars, locals) -> value;
        }

        private Node ident(String name) {
            int slot = scope.lastIndexOf(name);
            if (slot >= 0) return (vars, locals) -> locals[slot];
            return (vars, locals) -> vars.find(name).orElseThrow(() -> NOT_COVERED);
        }

        private Node select(CelExpr.CelSelect s) {
            if (s.testOnly()) return null;
            Node operand = node(s.operand());
            if (operand == null) return null;
            String field = s.field();
            return (vars, locals) -> {
                Object value = operand.eval(vars, locals) instanceof Map<?, ?> m ? m.get(field) : null;
                if (value == null) throw NOT_COVERED;
                return value;
            };
        }

        private Node list(CelExpr.CelList l) {
            if (!l.optionalIndices().isEmpty()) return null;
            Node[] items = nodes(l.elements());
            if (items == null) return null;
            return (vars, locals) -> {
                Object[] out = new Object[items.length];
                for (int i = 0; i < out.length; i++) out[i] = items[i].eval(vars, locals);
                return List.of(out);
            };
        }

        private Node[] nodes(List<CelExpr> exprs) {
            Node[] out = new Node[exprs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = node(exprs.get(i));
                if (out[i] == null) return null;
            }
            return out;
        }

        private Node call(CelExpr.CelCall call) {
            if (call.function().equals("_[_]") && call.target().isEmpty() && call.args().size() == 2
                    && call.args().get(0).getKind() == CelExpr.ExprKind.Kind.MAP) {
                return pick(call.args().get(0).map(), call.args().get(1));
            }
            List<CelExpr> all = new ArrayList<>();
            call.target().ifPresent(all::add);
            all.addAll(call.args());
            Node[] a = nodes(all);
            if (a == null) return null;
            return switch (call.function() + "/" + a.length) {
                case "_&&_/2" -> (vars, locals) -> bool(a[0].eval(vars, locals)) && bool(a[1].eval(vars, locals));
                case "_||_/2" -> (vars, locals) -> bool(a[0].eval(vars, locals)) || bool(a[1].eval(vars, locals));
                case "!_/1" -> (vars, locals) -> !bool(a[0].eval(vars, locals));
                case "@not_strictly_false/1" -> (vars, locals) -> bool(a[0].eval(vars, locals));
                case "_?_:_/3" -> (vars, locals) -> bool(a[0].eval(vars, locals)) ? a[1].eval(vars, locals)
                        : a[2].eval(vars, locals);
                case "_==_/2" -> (vars, locals) -> equal(a[0].eval(vars, locals), a[1].eval(vars, locals));
                case "_!=_/2" -> (vars, locals) -> !equal(a[0].eval(vars, locals), a[1].eval(vars, locals));
                case "_<_/2" -> (vars, locals) -> compare(a[0].eval(vars, locals), a[1].eval(vars, locals)) < 0;
                case "_<=_/2" -> (vars, locals) -> compare(a[0].eval(vars, locals), a[1].eval(vars, locals)) <= 0;
                case "_>_/2" -> (vars, locals) -> compare(a[0].eval(vars, locals), a[1].eval(vars, locals)) > 0;
                case "_>=_/2" -> (vars, locals) -> compare(a[0].eval(vars, locals), a[1].eval(vars, locals)) >= 0;
                case "_+_/2" -> (vars, locals) -> plus(a[0].eval(vars, locals), a[1].eval(vars, locals));
                case "@in/2" -> (vars, locals) -> {
                    Object item = a[0].eval(vars, locals);
                    for (Object o : items(a[1].eval(vars, locals))) if (equal(item, o)) return true;
                    return false;
                };
                case "size/1" -> (vars, locals) -> size(a[0].eval(vars, locals));
                case "string/1" -> (vars, locals) -> string(a[0].eval(vars, locals));
                case "join/1" -> (vars, locals) -> join(a[0].eval(vars, locals), "");
                case "join/2" -> (vars, locals) -> join(a[0].eval(vars, locals), a[1].eval(vars, locals));
                default -> null;
            };
        }

        /**
         * A map literal with string keys indexed at once, as messages write a choice of words:
         * {@code {'opt-in': 'for users who opt in', ...}[outsider.condition]}. Every value is evaluated,
         * as CEL does; a key that is not there is left to CEL, which reports it.
         */
        private Node pick(CelExpr.CelMap map, CelExpr key) {
            Node k = node(key);
            if (k == null) return null;
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            for (CelExpr.CelMap.Entry entry : map.entries()) {
                CelExpr keyExpr = entry.key();
                if (entry.optionalEntry() || keyExpr.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                        || keyExpr.constant().getKind() != CelConstant.Kind.STRING_VALUE
                        || keys.contains(keyExpr.constant().stringValue())) {
                    return null;
                }
                Node value = node(entry.value());
                if (value == null) return null;
                keys.add(keyExpr.constant().stringValue());
                values.add(value);
            }
            return (vars, locals) -> {
                Object[] evaluated = new Object[values.size()];
                for (int i = 0; i < evaluated.length; i++) evaluated[i] = values.get(i).eval(vars, locals);
                int i = k.eval(vars, locals) instanceof String s ? keys.indexOf(s) : -1;
                if (i < 0) throw NOT_COVERED;
                return evaluated[i];
            };
        }

        /** The expanded macros: range, accumulator, loop condition, step and result, in CEL's scopes. */
        private Node comprehension(CelExpr.CelComprehension c) {
            if (!c.iterVar2().isEmpty()) return null;
            Node range = node(c.iterRange());
            Node init = node(c.accuInit());
            if (range == null || init == null) return null;
            int accu = scope.size();
            scope.add(c.accuVar());
            int item = scope.size();
            scope.add(c.iterVar());
            max = Math.max(max, scope.size());
            Node condition = node(c.loopCondition());
            Appending appending = appending(c);
            Node step = appending != null ? null : node(c.loopStep());
            scope.remove(item);
            Node result = node(c.result());
            scope.remove(accu);
            if (condition == null || (appending == null && step == null) || result == null) return null;
            if (appending != null) {
                // filter and map: the list is grown in place, not copied once per item (quadratic in the
                // range: a key for every user has tens of thousands of readers in a large model).
                return (vars, locals) -> {
                    Collection<?> items = items(range.eval(vars, locals));
                    List<Object> out = new ArrayList<>();
                    locals[accu] = List.of();
                    for (Object x : items) {
                        locals[item] = x;
                        if (!bool(condition.eval(vars, locals))) break;
                        if (appending.keep() != null && !bool(appending.keep().eval(vars, locals))) continue;
                        for (Node n : appending.items()) out.add(n.eval(vars, locals));
                    }
                    locals[item] = null;
                    locals[accu] = null;
                    return java.util.Collections.unmodifiableList(out);
                };
            }
            return (vars, locals) -> {
                Collection<?> items = items(range.eval(vars, locals));
                locals[accu] = init.eval(vars, locals);
                for (Object x : items) {
                    locals[item] = x;
                    if (!bool(condition.eval(vars, locals))) break;
                    locals[accu] = step.eval(vars, locals);
                }
                locals[item] = null;
                return result.eval(vars, locals);
            };
        }

        /**
         * What a comprehension adds to its accumulator, when it only ever adds: the step is
         * {@code accu + [items]}, or {@code keep ? accu + [items] : accu}, starting from {@code []} and giving
         * back the accumulator, which nothing else reads (the shape filter and map expand to).
         *
         * @param keep null when every item is added
         */
        private record Appending(Node keep, Node[] items) {
        }

        private Appending appending(CelExpr.CelComprehension c) {
            String accu = c.accuVar();
            if (c.accuInit().getKind() != CelExpr.ExprKind.Kind.LIST || !c.accuInit().list().elements().isEmpty()
                    || !isIdent(c.result(), accu) || mentions(c.loopCondition(), accu)) {
                return null;
            }
            CelExpr step = c.loopStep();
            CelExpr keep = null;
            if (isCall(step, "_?_:_", 3) && isIdent(step.call().args().get(2), accu)) {
                keep = step.call().args().get(0);
                step = step.call().args().get(1);
                if (mentions(keep, accu)) return null;
            }
            if (!isCall(step, "_+_", 2) || !isIdent(step.call().args().get(0), accu)) return null;
            CelExpr added = step.call().args().get(1);
            if (added.getKind() != CelExpr.ExprKind.Kind.LIST || !added.list().optionalIndices().isEmpty()
                    || mentions(added, accu)) {
                return null;
            }
            Node k = keep == null ? null : node(keep);
            Node[] items = nodes(added.list().elements());
            if ((keep != null && k == null) || items == null) return null;
            return new Appending(k, items);
        }
    }

    private static boolean isIdent(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
    }

    private static boolean isCall(CelExpr e, String function, int args) {
        return e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().target().isEmpty()
                && e.call().function().equals(function) && e.call().args().size() == args;
    }

    /** Whether the expression could read the variable; anything not walked here counts as reading it. */
    private static boolean mentions(CelExpr e, String name) {
        return switch (e.getKind()) {
            case CONSTANT -> false;
            case IDENT -> e.ident().name().equals(name);
            case SELECT -> mentions(e.select().operand(), name);
            case LIST -> e.list().elements().stream().anyMatch(x -> mentions(x, name));
            case CALL -> (e.call().target().isPresent() && mentions(e.call().target().get(), name))
                    || e.call().args().stream().anyMatch(x -> mentions(x, name));
            case MAP -> e.map().entries().stream().anyMatch(x -> mentions(x.key(), name) || mentions(x.value(), name));
            case COMPREHENSION -> mentions(e.comprehension(), name);
            default -> true;
        };
    }

    /** A nested comprehension's own variables hide the outer ones in the parts they are bound in. */
    private static boolean mentions(CelExpr.CelComprehension c, String name) {
        if (mentions(c.iterRange(), name) || mentions(c.accuInit(), name)) return true;
        boolean accu = c.accuVar().equals(name);
        boolean hidden = accu || c.iterVar().equals(name) || c.iterVar2().equals(name);
        return (!hidden && (mentions(c.loopCondition(), name) || mentions(c.loopStep(), name)))
                || (!accu && mentions(c.result(), name));
    }

    private static boolean bool(Object o) {
        if (o instanceof Boolean b) return b;
        throw NOT_COVERED;
    }

    private static Collection<?> items(Object o) {
        if (o instanceof List<?> l) return l;
        throw NOT_COVERED;
    }

    /** CEL's equality where it is Java's: strings, booleans, integers, and lists of them. */
    private static boolean equal(Object a, Object b) {
        if (!plain(a) || !plain(b)) throw NOT_COVERED;
        return Objects.equals(a, b);
    }

    private static boolean plain(Object o) {
        if (o instanceof String || o instanceof Boolean || o instanceof Long) return true;
        if (o instanceof List<?> l) {
            for (Object x : l) if (!plain(x)) return false;
            return true;
        }
        return false;
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        throw NOT_COVERED;
    }

    private static Object plus(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) return x + y;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            Object[] out = new Object[x.size() + y.size()];
            int i = 0;
            for (Object o : x) out[i++] = o;
            for (Object o : y) out[i++] = o;
            return List.of(out);
        }
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.addExact(x, y);
            } catch (ArithmeticException e) {
                throw NOT_COVERED; // CEL reports the overflow
            }
        }
        throw NOT_COVERED;
    }

    private static Long size(Object o) {
        if (o instanceof Collection<?> c) return (long) c.size();
        if (o instanceof String s) return (long) s.codePointCount(0, s.length());
        throw NOT_COVERED;
    }

    private static String string(Object o) {
        if (o instanceof String || o instanceof Long || o instanceof Boolean) return String.valueOf(o);
        throw NOT_COVERED;
    }

    private static String join(Object items, Object separator) {
        if (!(separator instanceof String sep)) throw NOT_COVERED;
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object o : items(items)) {
            if (!(o instanceof String s)) throw NOT_COVERED;
            if (!first) out.append(sep);
            out.append(s);
            first = false;
        }
        return out.toString();
    }
}
