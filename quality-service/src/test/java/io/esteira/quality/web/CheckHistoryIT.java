package io.esteira.quality.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.dialect.QualityDialect;
import io.esteira.quality.run.CheckRegistry;
import io.esteira.quality.run.ResultStore;
import io.esteira.runtime.web.BadRequestAdvice;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code GET /api/checks/{id}/history} over a real {@code audit.dq_result} (a DW migrated by the loader):
 * pass/fail over time, newest first, paged, filtered by time; 400 on bad input, 404 for an unknown check.
 */
class CheckHistoryIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("history_dw");

    private static final CheckDefinition RULE = new CheckDefinition(
            "rule-x", CheckKind.RULE, "0 * * * * ?", ZoneId.of("UTC"), AlertEvent.Severity.warning, "");

    private static MockMvc api;

    @BeforeAll
    static void fiveRuns() {
        DwSchema.migrate(dw.dataSource());
        ResultStore store = new ResultStore(dw.dataSource(), new QualityDialect(Vendor.POSTGRESQL));
        List<Status> statuses = List.of(Status.pass, Status.fail, Status.pass, Status.warn, Status.fail);
        for (int i = 0; i < statuses.size(); i++) {
            store.save(RULE, result(statuses.get(i), Instant.parse("2026-11-2" + i + "T10:00:00Z")), List.of());
        }
        Check check = new Check() {
            @Override
            public CheckDefinition definition() {
                return RULE;
            }

            @Override
            public Evaluation evaluate() {
                throw new UnsupportedOperationException("not run here");
            }
        };
        api = MockMvcBuilders.standaloneSetup(
                        new CheckController(new CheckRegistry(Map.of("rule-x", check), Map.of()), null, store))
                .setControllerAdvice(new BadRequestAdvice())
                // ISO-8601 instants, as the service's Spring Boot ObjectMapper writes them
                .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()))
                .build();
    }

    private static QualityResult result(Status status, Instant startedAt) {
        return new QualityResult(
                QualityResult.SCHEMA, "rule-x", "rule", status, 0.0, "<= 0", List.of(), "", startedAt, 12);
    }

    @Test
    void shouldPageTheResultsNewestFirstAndLinkTheNextPage() throws Exception {
        api.perform(get("/api/checks/rule-x/history?limit=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status").value(contains("fail", "warn")))
                .andExpect(jsonPath("$[0].startedAt").value("2026-11-24T10:00:00Z"))
                .andExpect(header().string("Link", containsString("page=1>; rel=\"next\"")));
        api.perform(get("/api/checks/rule-x/history?limit=2&page=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status").value(contains("pass")))
                .andExpect(header().doesNotExist("Link"));
    }

    @Test
    void shouldKeepOnlyTheRunsStartedInTheWindow() throws Exception {
        api.perform(get("/api/checks/rule-x/history?from=2026-11-21T00:00:00Z&to=2026-11-23T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].status").value(contains("pass", "fail")));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCheck() throws Exception {
        api.perform(get("/api/checks/no-such-check/history"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("no-such-check")));
    }

    @Test
    void shouldAnswerBadRequestNamingTheParameter() throws Exception {
        api.perform(get("/api/checks/rule-x/history?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("limit must be between 1 and 1000, not 0."));
        api.perform(get("/api/checks/rule-x/history?page=-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("page must be between 0")));
        api.perform(get("/api/checks/rule-x/history?page=two"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("page 'two' is not a whole number; give e.g. page=1."));
        api.perform(get("/api/checks/rule-x/history?from=yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("from 'yesterday' is not an ISO-8601 instant")));
        api.perform(get("/api/checks/rule-x/history?from=2026-11-23T00:00:00Z&to=2026-11-21T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("must be before to")));
    }
}
