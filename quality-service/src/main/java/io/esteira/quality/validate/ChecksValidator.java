package io.esteira.quality.validate;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.quality.check.CheckConfigurationException;
import io.esteira.quality.check.CheckFactory;
import io.esteira.quality.check.Database;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Checks a checks file without running the service, as its start-up would: the shipped checks, then the
 * file (its entries win, field by field), each enabled check bound (misspelt fields, values of the wrong
 * type), built (unknown kind, bad cron, missing fields) and its SQL prepared on the given databases
 * (which should be migrated like production: a DW migrated by the loader, an OLTP with the source
 * schema). Every problem names the check and, where it can, the field.
 */
public final class ChecksValidator {

    static final String PREFIX = "esteira.quality.checks";
    private static final String SHIPPED = "quality-checks.yml";

    private final Database oltp;
    private final Database dw;
    private final EntityCatalog entities;
    private final ZoneId zone;

    public ChecksValidator(Database oltp, Database dw, EntityCatalog entities, ZoneId zone) {
        this.oltp = oltp;
        this.dw = dw;
        this.entities = entities;
        this.zone = zone;
    }

    /**
     * The problems of {@code file} together with the shipped checks; empty when the service would start
     * with them.
     *
     * @throws IllegalArgumentException when the file cannot be read or is not YAML
     */
    public ValidationReport validate(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "Checks file " + file + " does not exist; give the path of a YAML file.");
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(load(new ClassPathResource(SHIPPED), SHIPPED));
        PropertySource<?> operator = load(new FileSystemResource(file), file.toString());
        environment.getPropertySources().addFirst(operator);
        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        List<String> problems = new ArrayList<>();
        Map<String, CheckProperties> bound = new TreeMap<>();
        for (String id : ids(environment)) {
            String prefix = PREFIX + "." + id;
            try {
                binder.bind(
                                ConfigurationPropertyName.of(prefix),
                                Bindable.of(CheckProperties.class),
                                new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                        .ifBound(p -> bound.put(id, p));
            } catch (BindException e) {
                problems.add("Check '" + id + "' (" + prefix + "): " + explain(e));
            } catch (IllegalArgumentException e) {
                problems.add("Check '" + id + "' (" + prefix + "): " + e.getMessage());
            }
        }
        CheckFactory factory = new CheckFactory(oltp, dw, entities, zone, 10, Clock.systemUTC());
        int enabled = 0;
        for (Map.Entry<String, CheckProperties> check : bound.entrySet()) {
            if (!check.getValue().enabled()) {
                continue;
            }
            enabled++;
            try {
                factory.createOne(check.getKey(), check.getValue());
            } catch (CheckConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        return new ValidationReport(file, enabled, problems);
    }

    private static PropertySource<?> load(Resource resource, String name) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, resource);
            if (sources.size() != 1) {
                throw new IllegalArgumentException(
                        name + " holds " + sources.size() + " YAML documents; put every check in one document.");
            }
            return sources.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The check ids the sources name, from their property names {@code esteira.quality.checks.<id>.…}. */
    private static TreeSet<String> ids(StandardEnvironment environment) {
        TreeSet<String> ids = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(PREFIX + ".")) {
                        String rest = name.substring(PREFIX.length() + 1);
                        int end = rest.indexOf('.');
                        ids.add(end < 0 ? rest : rest.substring(0, end));
                    }
                }
            }
        }
        return ids;
    }

    /** A binding failure as one sentence that names the field. */
    private static String explain(BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            List<String> fields = unbound.getUnboundProperties().stream()
                    .map(p -> p.getName().getLastElement(ConfigurationPropertyName.Form.DASHED))
                    .distinct()
                    .toList();
            return "unknown field" + (fields.size() == 1 ? " " : "s ") + String.join(", ", fields)
                    + "; fix the spelling (quality-service/README.md lists each kind's fields).";
        }
        String field = e.getName().getLastElement(ConfigurationPropertyName.Form.DASHED);
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return "field " + field + " has a value that does not fit"
                + (e.getProperty() == null ? "" : " ('" + e.getProperty().getValue() + "')")
                + (cause == null ? "" : ": " + cause.getMessage()) + "; fix its value.";
    }
}
