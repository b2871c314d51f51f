package org.e2eereview.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
 * it never builds it again. Expressions of the bundled rules come checked from the build
 * ({@link Startup}, {@link PreparedRules}); the compilers are built only for an expression that does not.
 */
final class Cel {

    /**
     * What the compilers below declare besides the views: part of the prepared rules'
     * fingerprint, so change it with them.
     */
    static final String ENVIRONMENT = "standard macros; strings extension; variables: system, "
            + "the inspected kind's; messages also: readers list(string); results: bool, list(string), dyn";

    /**
     * The class files that make a checked expression and run it: the parser and its macros, the
     * checker and its standard declarations, the AST and its types, the runtime and its standard
     * functions, the strings extension, the options they all take.
     */
    private static final List<String> LIBRARY_CLASSES = List.of("dev/cel/parser/Parser.class",
            "dev/cel/parser/CelStandardMacro.class", "dev/cel/checker/ExprChecker.class", "dev/cel/checker/Env.class",
            "dev/cel/checker/CelStandardDeclarations.class", "dev/cel/checker/CelStandardDeclarations$StandardOverload.class",
            "dev/cel/common/CelAbstractSyntaxTree.class", "dev/cel/common/ast/CelExpr.class",
            "dev/cel/common/types/CelType.class", "dev/cel/common/types/SimpleType.class",
            "dev/cel/common/AutoValue_CelOptions.class", "dev/cel/compiler/CelCompilerImpl.class",
            "dev/cel/runtime/CelRuntimeLegacyImpl.class", "dev/cel/runtime/DefaultInterpreter.class",
            "dev/cel/runtime/CelStandardFunctions.class", "dev/cel/extensions/CelStringExtensions.class");

    /**
     * Which cel-java is running, told by the library itself, for the prepared rules' fingerprint: its
     * jar names no version (no Implementation-Version, no Maven pom.properties), so it is told by the
     * CRC-32 of each of {@link #LIBRARY_CLASSES}, read from the directory of the jar that holds them
     * (nothing is inflated; the class loader has that directory open already). A cel-java upgrade, or a
     * team's build that puts another cel-java beside this library, changes them, and the prepared
     * expressions are then checked again; the build's own tests compare prepared and freshly checked
     * rules on every example whatever this says. Reading the whole library's directory would tell more,
     * and cost a cold run tens of milliseconds. Null when CEL is not in a jar file of its own or ours
     * (classes in a folder, a jar inside a jar): nothing prepared is used then.
     */
    static String library() {
        try {
            var source = CelCompilerFactory.class.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) return null;
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) return null;
            StringBuilder s = new StringBuilder("cel-java");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (String name : LIBRARY_CLASSES) {
                    ZipEntry e = zip.getEntry(name);
                    s.append(' ').append(e == null ? "-" : Long.toHexString(e.getCrc()));
                }
            }
            return s.toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

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

    private final Map<PreparedRules.Key, PreparedRules.Entry> prepared;
    /** Where a build records what each expression gave; null when not building. */
    private final Map<PreparedRules.Key, PreparedRules.Entry> record;
    private Map<Inspects, CelCompiler> compilers;
    /** Message parts also see {@code readers}, the rule's readers once they are known. */
    private Map<Inspects, CelCompiler> messageCompilers;
    /**
     * CEL's interpreter, built when a program first needs it: most of readying CEL (its standard
     * functions, protobuf's descriptors), and a review whose expressions all run as
     * {@link DirectProgram}s needs none.
     */
    private volatile CelRuntime runtime;

    private Cel(Map<PreparedRules.Key, PreparedRules.Entry> prepared, Map<PreparedRules.Key, PreparedRules.Entry> record) {
        this.prepared = prepared;
        this.record = record;
    }

    private CelRuntime runtime() {
        CelRuntime r = runtime;
        if (r != null) return r;
        synchronized (this) {
            if (runtime == null) {
                runtime = CelRuntimeFactory.standardCelRuntimeBuilder().addLibraries(CelExtensions.strings()).build();
            }
            return runtime;
        }
    }

    private synchronized void buildCompilers() {
        if (compilers != null) return;
        Map<String, CelType> types = new LinkedHashMap<>();
        for (ViewType<?> v : CelViews.NESTED_VIEWS) types.put(v.celType().name(), v.celType());
        for (ViewType<?> v : CelViews.ELEMENT_VIEWS) types.put(v.celType().name(), v.celType());
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
        Map<Inspects, CelCompiler> plain = new EnumMap<>(Inspects.class);
        Map<Inspects, CelCompiler> message = new EnumMap<>(Inspects.class);
        for (Inspects kind : Inspects.values()) {
            var builder = CelCompilerFactory.standardCelCompilerBuilder()
                    .setTypeProvider(provider)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addLibraries(CelExtensions.strings())
                    .addVar("system", CelViews.SYSTEM.celType());
            if (kind != Inspects.SYSTEM) builder.addVar(kind.variable(), kind.view().celType());
            plain.put(kind, builder.build());
            message.put(kind, builder.addVar(RuleSet.READERS, ListType.create(SimpleType.STRING)).build());
        }
        messageCompilers = message;
        compilers = plain;
    }

    static Cel get() {
        Cel c = instance;
        if (c == null) {
            synchronized (Cel.class) {
                c = instance;
                if (c == null) instance = c = new Cel(Startup.preparedExpressions(), null);
            }
        }
        return c;
    }

    /** Whether this is the environment {@link #get} gives, which every plain load uses. */
    static boolean isShared(Cel cel) {
        return cel != null && cel == instance;
    }

    /** An environment that compiles every expression and records what each gave: the build's. */
    static Cel recording(Map<PreparedRules.Key, PreparedRules.Entry> record) {
        return new Cel(Map.of(), record);
    }

    /** An environment that compiles every expression, prepared or not: for tests that compare the two. */
    static Cel compilingEverything() {
        return new Cel(Map.of(), null);
    }

    /** An environment with what the build prepared, apart from the one runs share: for tests that count. */
    static Cel fromBuild() {
        return new Cel(Startup.preparedExpressions(), null);
    }

    /** An environment with these prepared expressions: for tests of what is prepared. */
    static Cel with(Map<PreparedRules.Key, PreparedRules.Entry> prepared) {
        return new Cel(prepared, null);
    }

    /** Whether the build checked this expression and found it sound: it will compile without issues. */
    boolean isPrepared(Inspects kind, String expression, Result result) {
        PreparedRules.Entry entry = prepared.get(new PreparedRules.Key(kind, result, expression));
        return entry != null && entry.checked() != null;
    }

    /** How many expressions came prepared from the build. */
    int preparedCount() {
        return prepared.size();
    }

    /** How many prepared expressions have been made into programs so far. */
    int readyCount() {
        return ready.size();
    }

    /** Whether CEL's interpreter has been built: for tests that a run which needs none builds none. */
    boolean hasRuntime() {
        return runtime != null;
    }

    /** How many expressions this environment had to check itself. */
    int checkedCount() {
        return checked.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();

    enum Result { BOOL, STRINGS, ANY, MESSAGE }

    /** A checked, ready program and the checked expression it was made from. */
    record Checked(CelRuntime.Program program, dev.cel.common.ast.CelExpr expr) {
    }

    /** Prepared expressions already made ready: rules repeat message parts such as {{conversation.id}}. */
    private final Map<PreparedRules.Key, Checked> ready = new java.util.concurrent.ConcurrentHashMap<>();

    Checked compile(Inspects kind, String expression, Result result) throws CompileError {
        PreparedRules.Key key = new PreparedRules.Key(kind, result, expression);
        PreparedRules.Entry entry = prepared.get(key);
        try {
            if (entry != null) {
                if (entry.checked() == null) throw new CompileError(entry.issues());
                Checked done = ready.get(key);
                if (done != null) return done;
                CelAbstractSyntaxTree ast = CheckedCodec.decode(entry.checked());
                // Checked, and made into CEL's program, by the build: it is made here only if needed.
                done = new Checked(DirectProgram.of(ast.getExpr(), () -> runtime().createProgram(ast)), ast.getExpr());
                ready.put(key, done);
                return done;
            }
            CelAbstractSyntaxTree ast = check(kind, expression, result);
            if (record != null) {
                try {
                    record.put(key, new PreparedRules.Entry(CheckedCodec.encode(ast), List.of()));
                } catch (CheckedCodec.Unsupported e) {
                    // Left out of the prepared rules: checked whenever it loads, as a user's rule is.
                }
            }
            return new Checked(program(ast), ast.getExpr());
        } catch (CompileError e) {
            if (record != null) record.put(key, new PreparedRules.Entry(null, List.copyOf(e.issues)));
            throw e;
        } catch (CelEvaluationException e) {
            throw new CompileError(java.util.List.of(new Issue(e.getMessage(), 1, 0)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a prepared rule expression is damaged: " + expression, e);
        }
    }

    /** CEL's program, run as Java where every part of the expression is one {@link DirectProgram} covers. */
    private CelRuntime.Program program(CelAbstractSyntaxTree ast) throws CelEvaluationException {
        return DirectProgram.of(ast.getExpr(), runtime().createProgram(ast));
    }

    private CelAbstractSyntaxTree check(Inspects kind, String expression, Result result) throws CompileError {
        checked.incrementAndGet();
        buildCompilers();
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
            return ast;
        } catch (CelValidationException e) {
            throw new CompileError(e.getErrors().stream().map(Cel::issue).toList());
        }
    }

    private static Issue issue(CelIssue i) {
        return new Issue(i.getMessage(), Math.max(1, i.getSourceLocation().getLine()),
                Math.max(0, i.getSourceLocation().getColumn()));
    }
}
