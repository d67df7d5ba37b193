package io.esteira.local;

import io.esteira.local.stack.AlertSink;
import io.esteira.local.stack.CtrlC;
import io.esteira.local.stack.EmbeddedDatabases;
import io.esteira.local.stack.IncidentStager;
import io.esteira.local.stack.LocalStack;
import io.esteira.local.stack.StackOptions;
import io.esteira.local.stack.StackRunner;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.runtime.config.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The README's run command: everything on embedded defaults. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole pipeline on embedded defaults: a PostgreSQL server and an Artemis broker in process, the OLTP"
                    + " reference schema with generated base data, all four services and a continuous change"
                    + " workload, with live progress; the consoles stay up until Ctrl-C (or --duration).",
            "Alerts go to a local mail and webhook sink whose page is printed at start. Once the initial load is in,"
                    + " one incident of each kind is staged (a poison batch replayed from the DLQ, a quality rule"
                    + " violation that is corrected), each notified there as it fires and as it resolves."
        })
class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "Base data: SCALE × 1,000 order items; default ${DEFAULT-VALUE}.")
    int scale;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the generated data; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--rate",
            defaultValue = "20",
            description = "OLTP changes per second of the workload; default ${DEFAULT-VALUE}.")
    double rate;

    @Option(
            names = "--duration",
            converter = OltpWorkloadCommand.DurationConverter.class,
            description = "Stop by itself after this long (e.g. 90s, 5m, PT5M) and print the summary;"
                    + " default: run until Ctrl-C.")
    Duration duration;

    @Option(
            names = "--incidents",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Once the initial load is in, stage one incident of each kind, each notified to the sink"
                    + " when it fires and when it resolves: a poison batch (dead-lettered, then replayed through the"
                    + " loader's DLQ API) and a rule violation (caught by the quality check rule-valores-vendas,"
                    + " then corrected). On by default; --no-incidents skips them. A --duration that ends first"
                    + " waits for them to finish.")
    boolean incidents;

    @Mixin
    StackConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        Duration runFor = duration;
        try (EmbeddedDatabases databases = EmbeddedDatabases.start(line -> System.out.println("» " + line))) {
            Endpoint oltp = databases.oltp();
            return run(oltp, databases.dw(), generate(oltp, seed, scale), runFor);
        }
    }

    /** Migrates the OLTP reference schema on {@code oltp} and fills it with generated base data. */
    static DriverManagerDataSource generate(Endpoint oltp, long seed, int scale) {
        System.out.println("» Generating the OLTP base data (scale " + scale + ", seed " + seed + ") …");
        var oltpData = new DriverManagerDataSource(oltp.url(), oltp.username(), oltp.password());
        OltpSchema.migrate(oltpData);
        new BaseDataGenerator(seed, scale).generate(oltpData, ProgressListener.silent());
        return oltpData;
    }

    private int run(Endpoint oltp, Endpoint dw, DriverManagerDataSource oltpData, Duration runFor) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        // A password for this run only, so the consoles are usable and nothing default is guessable.
        String password = java.util.UUID.randomUUID().toString().substring(0, 12);
        Map<String, String> login = new HashMap<>();
        login.put("esteira.security.username", "operator");
        login.put("esteira.security.password", password);
        login.put("esteira.quality.repair.username", "operator");
        login.put("esteira.quality.repair.password", password);
        login.put("esteira.alerting.api.username", "operator");
        login.put("esteira.alerting.api.password", password);
        // The webhook receiver's signing secret, also for this run only: the sink checks each call's signature.
        String webhookSecret = java.util.UUID.randomUUID().toString();
        try (CtrlC ctrlC = new CtrlC(60);
                AlertSink sink = AlertSink.start(webhookSecret);
                LocalStack stack = LocalStack.start(
                        new StackOptions(
                                oltp,
                                dw,
                                connection.brokerUrl,
                                connection.brokerPort,
                                connection.port,
                                with(alerting(sink, webhookSecret), login)),
                        line -> System.out.println("» " + line))) {
            printConsoles(stack, sink, password);
            Thread workload = new Thread(() -> runWorkload(oltpData, stop), "demo-workload");
            workload.setDaemon(true);
            workload.start();
            StackRunner runner =
                    new StackRunner(stack, System.out, connection.progressEvery, connection.progressMode());
            List<IncidentStager.Incident> incidents = new CopyOnWriteArrayList<>();
            Thread stager = this.incidents ? stageIncidents(stack, sink, password, runner, ctrlC, incidents) : null;
            runner.run(runFor == null ? null : Instant.now().plus(runFor), null, ctrlC::requested);
            if (stager != null && stager.isAlive() && !ctrlC.requested()) {
                // The DW is left as it was only once the incident under way is over: finish staging first.
                runner.note("» The run's duration is over; the staged incidents finish first (Ctrl-C to skip) …");
                runner.run(null, null, () -> ctrlC.requested() || !stager.isAlive());
            }
            if (stager != null) {
                stager.join(10_000);
            }
            stop.set(true);
            workload.join(10_000);
            System.out.println("» Workload stopped; waiting for the pipeline to drain …");
            runner.run(Instant.now().plusSeconds(ctrlC.requested() ? 20 : 120), Duration.ofSeconds(5), () -> false);
            runner.printSummary();
            if (this.incidents) {
                System.out.println("Staged incidents:");
                if (incidents.isEmpty()) {
                    System.out.println("  none staged (the lines starting with \"» incidents:\" above say why)");
                }
                IncidentStager.describe(incidents).forEach(System.out::println);
            }
            AlertSink.Tally tally = sink.tally();
            System.out.printf(
                    "Alerts: %d fired, %d resolved; delivered to the sink: %d webhook call(s), %d email(s) (%s)%n",
                    tally.fired(), tally.resolved(), tally.webhooks(), tally.emails(), sink.pageUrl());
            return 0;
        }
    }

    /**
     * Starts staging the incidents on a thread of their own ({@link IncidentStager}); their progress lines go
     * through the runner, between two progress views, and their outcome into {@code incidents}.
     */
    private static Thread stageIncidents(
            LocalStack stack,
            AlertSink sink,
            String password,
            StackRunner runner,
            CtrlC ctrlC,
            List<IncidentStager.Incident> incidents) {
        IncidentStager staging =
                new IncidentStager(stack, sink, "operator", password, line -> runner.note("» " + line));
        Thread stager = new Thread(
                () -> {
                    try {
                        incidents.addAll(staging.run(ctrlC::requested));
                    } catch (InterruptedException e) {
                        runner.note("» incidents: staging stopped (" + e.getMessage() + ")");
                    } catch (RuntimeException e) {
                        runner.note("» incidents: staging failed: " + e.getMessage()
                                + " (the services' log: esteira-local.log)");
                    }
                },
                "demo-incidents");
        stager.setDaemon(true);
        stager.start();
        return stager;
    }

    private void runWorkload(DriverManagerDataSource oltp, AtomicBoolean stop) {
        long round = 0;
        while (!stop.get()) {
            try {
                new ChangeWorkload(new ChangeWorkload.Options(seed + round++, rate, Duration.ofSeconds(10), 0))
                        .run(oltp, ProgressListener.silent());
            } catch (RuntimeException e) {
                if (!stop.get()) {
                    System.err.println("demo: the workload stopped: " + e.getMessage());
                }
                return;
            }
        }
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** Every alert goes to the webhook sink, signed with {@code webhookSecret}; critical ones also by email. */
    static Map<String, String> alerting(AlertSink sink, String webhookSecret) {
        Map<String, String> properties = new HashMap<>();
        properties.put("esteira.extractor.interval", "PT1S");
        properties.put("esteira.alerting.route.receiver", "demo-webhook");
        properties.put("esteira.alerting.route.group-wait", "2s");
        // A resolved alert is notified at its group's next interval: short, so that the demo shows it soon.
        properties.put("esteira.alerting.route.group-interval", "10s");
        // As in Alertmanager, a child route that matches takes the alert from its parent's receiver: every alert
        // matches the first child (webhook), which continues to the second (email) for the critical ones.
        properties.put("esteira.alerting.route.routes[0].receiver", "demo-webhook");
        properties.put("esteira.alerting.route.routes[0].continue", "true");
        properties.put("esteira.alerting.route.routes[1].receiver", "demo-email");
        properties.put("esteira.alerting.route.routes[1].matchers[0]", "severity=critical");
        properties.put("esteira.alerting.receivers.demo-webhook.type", "webhook");
        properties.put("esteira.alerting.receivers.demo-webhook.webhook.url", sink.webhookUrl());
        properties.put("esteira.alerting.receivers.demo-webhook.webhook.secret", webhookSecret);
        properties.put("esteira.alerting.receivers.demo-email.type", "email");
        properties.put("esteira.alerting.receivers.demo-email.email.to[0]", "data-team@esteira.local");
        properties.put("esteira.alerting.receivers.demo-email.email.from", "esteira@esteira.local");
        properties.put("esteira.alerting.smtp.host", "127.0.0.1");
        properties.put("esteira.alerting.smtp.port", Integer.toString(sink.smtpPort()));
        properties.put("esteira.alerting.webhook.allowed-schemes[0]", "http");
        properties.put("esteira.alerting.webhook.allowed-hosts[0]", "127.0.0.1");
        return properties;
    }

    private static void printConsoles(LocalStack stack, AlertSink sink, String password) {
        System.out.println();
        System.out.println("Consoles (user operator, password " + password
                + ", for /api, Hawtio and the actuator beyond health, info and prometheus):");
        for (String service : stack.serviceNames()) {
            int management = stack.managementPort(service);
            System.out.printf(
                    "  %-18s api http://127.0.0.1:%d/api | http://127.0.0.1:%d/actuator/health"
                            + " | /actuator/prometheus | /actuator/hawtio%n",
                    service, stack.port(service), management);
        }
        System.out.println("  broker             " + stack.brokerUrl());
        System.out.println(
                "  alert sink         " + sink.pageUrl() + "  (mail + webhooks the alerting service delivered)");
        System.out.println();
    }
}
