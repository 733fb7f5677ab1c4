package io.dunwell.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.TemplateScalarModel;

/**
 * Renders a notice from {@code email-templates/}: {@code <name>.ftlh} (HTML, auto-escaped) and
 * {@code <name>.txt.ftl} (plain text), the {@code _<language>} variant when there is one. The HTML
 * template names the subject with {@code <#assign subject = "...">}. A configuration of its own,
 * not the console's: templates are content a designer edits, so they get no access to Java
 * classes or the object API, and fail loudly instead of printing half a notice.
 */
@Component
class NoticeRenderer {

    private final Configuration freemarker;

    NoticeRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(NoticeRenderer.class.getClassLoader(), "email-templates");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        // language fallback is ours: Freemarker's own would look for "reminder-1.txt_de.ftl"
        freemarker.setLocalizedLookup(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.SAFER_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    RenderedNotice render(String template, Locale locale, ZoneId zone, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        Environment htmlRun = process(find(template, ".ftlh", locale), locale, zone, model, html);
        StringWriter text = new StringWriter();
        process(find(template, ".txt.ftl", locale), locale, zone, model, text);
        return new RenderedNotice(subjectOf(htmlRun, template), html.toString(), text.toString());
    }

    /** A document that goes with a notice (the statement of account): one HTML template, no subject, no text part. */
    String renderDocument(String template, Locale locale, ZoneId zone, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        process(find(template, ".ftlh", locale), locale, zone, model, html);
        return html.toString();
    }

    /** Every notice a mail can carry: a name with an HTML and a plain-text part (not the layouts, not the statement). */
    List<String> mailTemplates() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(NoticeRenderer.class.getClassLoader())
                    .getResources("classpath*:email-templates/*.txt.ftl");
            return Arrays.stream(found).map(Resource::getFilename)
                    .map(file -> file.substring(0, file.length() - ".txt.ftl".length()))
                    .filter(name -> name.matches("[a-z0-9][a-z0-9-]*"))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("The email templates cannot be listed", e);
        }
    }

    private Template find(String name, String extension, Locale locale) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a template name");
        }
        try {
            try {
                return freemarker.getTemplate(name + "_" + locale.getLanguage() + extension, locale);
            } catch (TemplateNotFoundException noTranslation) {
                return freemarker.getTemplate(name + extension, locale);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Email template " + name + extension + " cannot be read", e);
        }
    }

    private static Environment process(Template template, Locale locale, ZoneId zone, Map<String, Object> model,
                                       Writer out) {
        try {
            Environment run = template.createProcessingEnvironment(model, out);
            run.setLocale(locale);
            run.setTimeZone(TimeZone.getTimeZone(zone));
            run.process();
            return run;
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("Email template " + template.getName() + " failed: " + e.getMessage(), e);
        }
    }

    private static String subjectOf(Environment run, String template) {
        try {
            TemplateModel subject = run.getMainNamespace().get("subject");
            if (subject instanceof TemplateScalarModel scalar && !scalar.getAsString().isBlank()) {
                return scalar.getAsString().strip();
            }
        } catch (TemplateModelException e) {
            throw new IllegalStateException("Email template " + template + " has an unreadable subject", e);
        }
        throw new IllegalStateException("Email template " + template + " assigns no subject");
    }
}
