package org.e2eereview.archunit;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Java sources compiled with the JDK's own compiler and imported as ArchUnit sees a team's build output. */
final class Compiled {

    private Compiled() {
    }

    /** Compiles every .java file under {@code sources} into {@code out}, and imports the classes. */
    static JavaClasses tree(Path sources, Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        return compile(files, out);
    }

    /** Compiles sources given as file name (package path included) to text. */
    static JavaClasses sources(Map<String, String> sources, Path dir) throws IOException {
        Path src = dir.resolve("src");
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path f = src.resolve(s.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.getValue(), StandardCharsets.UTF_8);
        }
        return tree(src, dir.resolve("classes"));
    }

    private static JavaClasses compile(List<Path> files, Path out) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(errors, fm, null, List.of("--release", "17", "-proc:none", "-d", out.toString()),
                    null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) throw new AssertionError("the fixture does not compile:\n" + errors);
        }
        return new ClassFileImporter().importPath(out);
    }
}
