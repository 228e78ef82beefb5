package org.shahid.outbound;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one FreeMarker configuration every template family is loaded with: UTF-8, no locale lookups, errors
 * rethrown, and sandboxed, since admins edit the templates. {@code *.html.ftl} escapes as HTML, other
 * {@code *.ftl} is plain text.
 */
final class SandboxedFreemarker {

    private SandboxedFreemarker() {
    }

    static Configuration forFolder(Path templatesDir) throws IOException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_35);
        configuration.setDirectoryForTemplateLoading(templatesDir.toFile());
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        // The language is part of the file name; FreeMarker's own locale suffixes would only add confusing lookups.
        configuration.setLocalizedLookup(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        // Problems are collected and reported once as TemplateProblems; FreeMarker's log would repeat them.
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Admins edit templates: they must not reach Java classes or the API of the objects in the model.
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        // FreeMarker only knows *.ftlh as HTML; our admins' names are *.html.ftl, which must escape just the same.
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        TemplateConfiguration plainText = new TemplateConfiguration();
        plainText.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        configuration.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"), html),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.ftl"), plainText))
                .allowNoMatch(true));
        return configuration;
    }
}
