package org.e2eereview.report.template;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.e2eereview.load.Bundled;
import org.e2eereview.report.view.ReportView;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import freemarker.core.TemplateClassResolver;

/**
 * The human formats' templates: the bundled ones in {@code report-templates/}, each of which a
 * user's {@code --template-dir} may replace by a file of the same name. Templates are sandboxed:
 * they receive the report view as plain maps, lists and strings (no Java object to call a method
 * on, no class to reach), {@code ?new} resolves nothing, {@code ?api} is off, HTML templates
 * ({@code .ftlh}) escape for HTML and Markdown templates ({@code .md.ftl}) for Markdown.
 */
public final class Templates {

    /** The bundled templates' folder, at the top of the project and of the jar. */
    public static final String FOLDER = "report-templates";

    private static final Version VERSION = Configuration.VERSION_2_3_34;

    private final Configuration config;
    private final Path userDir;

    public Templates(Path userDir) throws TemplateProblem {
        this.userDir = userDir;
        config = new Configuration(VERSION);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setBooleanFormat("c");
        config.setLocalizedLookup(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setObjectWrapper(new SimpleObjectWrapper(VERSION));
        config.setRecognizeStandardFileExtensions(true);
        config.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        TemplateConfiguration markdown = new TemplateConfiguration();
        markdown.setOutputFormat(MarkdownOutputFormat.INSTANCE);
        markdown.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        config.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(
                new FileNameGlobMatcher("*.md.ftl"), markdown));
        TemplateLoader bundled = bundled();
        if (userDir == null) {
            config.setTemplateLoader(bundled);
        } else {
            if (!Files.isDirectory(userDir)) throw new TemplateProblem(userDir + ": not a directory of templates");
            try {
                config.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                        new FileTemplateLoader(userDir.toFile()), bundled}));
            } catch (IOException e) {
                throw new TemplateProblem(userDir + ": cannot read: " + e.getMessage());
            }
        }
    }

    /** The bundled templates, as the build's index lists them (see {@link Bundled}). */
    private static TemplateLoader bundled() {
        StringTemplateLoader loader = new StringTemplateLoader();
        Bundled.files(FOLDER).forEach((name, bytes) -> loader.putTemplate(name.substring(FOLDER.length() + 1),
                new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        return loader;
    }

    /** Renders one template over the view. */
    public String render(String name, ReportView view) throws TemplateProblem {
        StringWriter out = new StringWriter();
        try {
            render(name, view, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Renders one template over the view into {@code out}, as it goes. */
    public void render(String name, ReportView view, Writer out) throws TemplateProblem, IOException {
        Template template;
        try {
            template = config.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new TemplateProblem(name + ": no such template");
        } catch (ParseException e) {
            throw new TemplateProblem(where(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                    + oneLine(e.getEditorMessage()));
        } catch (IOException e) {
            throw new TemplateProblem(name + ": cannot read: " + e.getMessage());
        }
        try {
            template.process(data(view), out);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            throw new TemplateProblem(where(e.getTemplateSourceName(), line == null ? 0 : line,
                    column == null ? 0 : column) + oneLine(e.getMessageWithoutStackTop()));
        }
    }

    private String where(String template, int line, int column) {
        String file = template == null ? "<template>"
                : userDir != null && Files.exists(userDir.resolve(template)) ? userDir.resolve(template).toString()
                : FOLDER + "/" + template;
        return file + ":" + line + ":" + column + ": ";
    }

    private static String oneLine(String message) {
        String m = message == null ? "template error" : message.strip();
        int cut = m.indexOf("\n----");
        if (cut >= 0) m = m.substring(0, cut);
        return m.replaceAll("\\s*\\n\\s*", " ");
    }

    /**
     * Each record class's components, looked up once: the JDK copies them on every call, and a large
     * model's view has hundreds of thousands of records (every step of every evidence chain).
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** The view as maps, lists, strings, numbers and booleans: all a template can see. */
    static Object data(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) return e.name();
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(data(o));
            return out;
        }
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                try {
                    Object v = data(c.getAccessor().invoke(r));
                    if (v != null) out.put(c.getName(), v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        throw new IllegalArgumentException("not template data: " + value.getClass().getName());
    }
}
