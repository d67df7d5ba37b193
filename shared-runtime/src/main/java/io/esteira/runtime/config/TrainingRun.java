package io.esteira.runtime.config;

import org.springframework.core.SpringProperties;

/**
 * Whether this JVM is a class-data-sharing training run: started with {@code -Dspring.context.exit=onRefresh},
 * Spring's switch that refreshes the application context (every singleton created, {@code afterPropertiesSet}
 * called) and then halts the JVM before any lifecycle starts, so that {@code -XX:ArchiveClassesAtExit} writes
 * the classes start-up loaded into an archive (docs/adr/0019-class-data-sharing.md). The image runs it at build
 * time, where no database and no broker answer: in it the data sources open no connection at start and the
 * start-up checks that need a database are skipped. Nothing runs after the refresh, so nothing would use them.
 */
public final class TrainingRun {

    /** Spring Framework's property ({@code DefaultLifecycleProcessor}), read as Spring reads it. */
    static final String PROPERTY = "spring.context.exit";

    static final String ON_REFRESH = "onRefresh";

    private TrainingRun() {}

    /** True when the context will exit on refresh: a training run, never a service that runs. */
    public static boolean active() {
        return ON_REFRESH.equals(SpringProperties.getProperty(PROPERTY));
    }
}
