package io.esteira.quality.repair;

import io.esteira.quality.config.QualityProperties.Repair;
import io.esteira.quality.config.QualityProperties.ReplayTarget;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@code POST <extractor-url>/api/replay} with {@code {"entity","column","from","to"}} (UTC,
 * {@code [from, to)}), HTTP basic authentication when a username is configured.
 */
public class HttpReplayClient implements ReplayClient {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final RestClient http;
    private final String endpoint;

    public HttpReplayClient(RestClient.Builder builder, Repair settings) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.requestTimeout());
        requests.setReadTimeout(settings.requestTimeout());
        String base = settings.extractorUrl().toString().replaceAll("/+$", "");
        this.endpoint = base + "/api/replay";
        RestClient.Builder configured = builder.clone().requestFactory(requests);
        if (!settings.username().isEmpty()) {
            configured = configured.defaultHeaders(
                    headers -> headers.setBasicAuth(settings.username(), settings.password()));
        }
        this.http = configured.build();
    }

    @Override
    public ReplayReceipt replay(ReplayTarget target, LocalDateTime from, LocalDateTime to) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("entity", target.entity());
        request.put("column", target.column());
        request.put("from", from.format(ISO));
        request.put("to", to.format(ISO));
        try {
            ReplayReceipt receipt = http.post()
                    .uri(endpoint)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                    .body(request)
                    .retrieve()
                    .body(ReplayReceipt.class);
            if (receipt == null || receipt.replayId() == null) {
                throw new ReplayException(
                        "The extractor at " + endpoint + " answered the replay of " + target.entity()
                                + " without a replayId; check esteira.quality.repair.extractor-url.",
                        null);
            }
            return receipt;
        } catch (RestClientException e) {
            throw new ReplayException(
                    "Replay of " + target.entity() + " " + from + " to " + to + " failed at " + endpoint + ": "
                            + e.getMessage() + "; check esteira.quality.repair.extractor-url, username and password.",
                    e);
        }
    }
}
