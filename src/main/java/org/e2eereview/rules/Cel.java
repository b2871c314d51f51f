package org.e2eereview.rules;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CEL environment of rules: one type-checking compiler per element kind, declaring the
 * element's view and {@code system}, and one runtime. Built once; compiling a rule and running
 * it never builds it again.
 */
final class Cel {

    /** A compile error at a position inside the expression (1-based line, 0-based column). */
    record Issue(String message, int line, int column) {
    }

    static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient java.util.List<Issue> issues;

        CompileError(java.util.List<Issue> issues) {
            super(issues.get(0).message());
            this.issues = issues;
        }
    }

    private static volatile Cel instance;

    private final Map<Inspects, CelCompiler> compilers = new EnumMap<>(Inspects.class);
    /** Message parts also see {@code readers}, the rule's readers once they are known. */
    private final Map<Inspects, CelCompiler> messageCompilers = new EnumMap<>(Inspects.class);
    private final CelRuntime runtime;

    private Cel() {
        Map<String, CelType> types = new LinkedHashMap<>();
        for (ViewType<?> v : Views.NESTED_VIEWS) types.put(v.celType().name(), v.celType());
        for (ViewType<?> v : Views.ELEMENT_VIEWS) types.put(v.celType().name(), v.celType());
        CelTypeProvider provider = new CelTypeProvider() {
            @Override
            public ImmutableCollection<CelType> types() {
                return ImmutableList.copyOf(types.values());
            }

            @Override
            public Optional<CelType> findType(String name) {
                return Optional.ofNullable(types.get(name));
            }
        };
        for (Inspects kind : Inspects.values()) {
            var builder = CelCompilerFactory.standardCelCompilerBuilder()
                    .setTypeProvider(provider)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addLibraries(CelExtensions.strings())
                    .addVar("system", Views.SYSTEM.celType());
            if (kind != Inspects.SYSTEM) builder.addVar(kind.variable(), kind.view().celType());
            compilers.put(kind, builder.build());
            messageCompilers.put(kind, builder.addVar(RuleSet.READERS, ListType.create(SimpleType.STRING)).build());
        }
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder().addLibraries(CelExtensions.strings()).build();
    }

    static Cel get() {
        Cel c = instance;
        if (c == null) {
            synchronized (Cel.class) {
                c = instance;
                if (c == null) instance = c = new Cel();
            }
        }
        return c;
    }

    enum Result { BOOL, STRINGS, ANY, MESSAGE }

    /** A checked, ready program and the checked expression it was made from. */
    record Checked(CelRuntime.Program program, dev.cel.common.ast.CelExpr expr) {
    }

    Checked compile(Inspects kind, String expression, Result result) throws CompileError {
        try {
            CelAbstractSyntaxTree ast = (result == Result.MESSAGE ? messageCompilers : compilers).get(kind)
                    .compile(expression).getAst();
            CelType type = ast.getResultType();
            if (result == Result.BOOL && !type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
                throw new CompileError(java.util.List.of(new Issue("must be true or false, but is " + type.name(), 1, 0)));
            }
            if (result == Result.STRINGS && !type.equals(ListType.create(SimpleType.STRING))) {
                throw new CompileError(java.util.List.of(new Issue("must be a list of strings, but is " + type.name(), 1, 0)));
            }
            return new Checked(runtime.createProgram(ast), ast.getExpr());
        } catch (CelValidationException e) {
            throw new CompileError(e.getErrors().stream().map(Cel::issue).toList());
        } catch (CelEvaluationException e) {
            throw new CompileError(java.util.List.of(new Issue(e.getMessage(), 1, 0)));
        }
    }

    private static Issue issue(CelIssue i) {
        return new Issue(i.getMessage(), Math.max(1, i.getSourceLocation().getLine()),
                Math.max(0, i.getSourceLocation().getColumn()));
    }
}
