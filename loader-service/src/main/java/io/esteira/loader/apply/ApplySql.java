package io.esteira.loader.apply;

import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.sql.SqlResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The loader's SQL, read from {@code apply/<vendor>/<name>.sql}, falling back to
 * {@code apply/ansi/<name>.sql} (standard SQL that PostgreSQL 15+ reads as it is, and SQL Server
 * through the tokens of {@link ApplyDialect}), by {@link SqlResources}. Templates name identifiers as
 * {@code {placeholder}} and dialect tokens as {@code {token}} or {@code {token:arguments}}; only
 * identifiers the caller has checked and quoted are substituted. Values always travel as named
 * parameters ({@code :token}, {@code :now}, …).
 */
public final class ApplySql {

    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

    private final Vendor vendor;
    private final ApplyDialect dialect;
    private final SqlResources resources;

    public ApplySql(Vendor vendor) {
        this.vendor = vendor;
        this.dialect = ApplyDialect.of(vendor);
        this.resources = SqlResources.in("apply/" + vendor.id(), "apply/ansi");
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * Whether a batch lands in one statement ({@code land.sql}: an upsert that queues the changed keys),
     * or stepwise (count new keys, mark, merge, enqueue). PostgreSQL has {@code INSERT … ON CONFLICT}
     * with data-modifying {@code WITH}; SQL Server keeps the stepwise form.
     */
    public boolean landsInOneStatement() {
        return vendor == Vendor.POSTGRESQL;
    }

    /**
     * Whether the statements of one resource go to the server in one round trip ({@code BatchApplier.run}):
     * PostgreSQL's driver sends a text of several statements as one sequence of messages with one Sync, and
     * a transaction that fails in one of them fails as it did statement by statement. A live derive pass of
     * a hundred keys ran some 25 statements, half its time spent between them (docs/performance.md); its
     * resources of several statements (the related claim, the marks, each fact's delete and upsert, the
     * cleanup) now cost one round trip each. SQL Server runs them one call each, as it always did.
     */
    public boolean sendsStatementsTogether() {
        return vendor == Vendor.POSTGRESQL;
    }

    /**
     * The statement that sets a derive pass's isolation, run as the pass's first statement; null for the
     * server's default. One round trip, where Spring's transaction manager, given a level, asked the
     * connection for its level, set the session's and set it back after the commit (three round trips, a
     * tenth of a live pass's). PostgreSQL: repeatable read, so that every statement of the pass reads the snapshot its
     * claim read. Under read committed each statement saw what landed since: an order item claimed while
     * its order's batch committed got its fact, and the next pass, claiming the order, built the same fact
     * again (half of the fact rows an initial load wrote, docs/performance.md). The pass writes only what
     * passes write (one at a time, the derive lock) and the queue rows it claims, so it meets no
     * concurrent update but a rare one it yields to ({@code BatchApplier#derive}). SQL Server: the
     * default, read committed; its repeatable read holds shared locks that would block the landers, and
     * snapshot isolation needs a database option the warehouse does not ask for.
     */
    public String deriveIsolation() {
        return vendor == Vendor.POSTGRESQL ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ" : null;
    }

    /**
     * Whether {@code inferred-members.sql} also adds the calendar days the affected facts lack (PostgreSQL: one
     * statement with the inferred members, no round trip of its own); otherwise the pass first asks {@code
     * missing-dates.sql} for them and inserts each day as {@link Calendar} computes it (SQL Server).
     */
    public boolean addsCalendarDaysWithInferredMembers() {
        return vendor == Vendor.POSTGRESQL;
    }

    /**
     * Whether the sales and discount fact statements can check their members themselves ({@code
     * {members_checked}} rendered TRUE: a fact whose customer, product, seller, region, discount or calendar day
     * is not in its dimension yet is held back and counted, not written), so that a pass runs the inferred
     * members only when a fact needs one (PostgreSQL); otherwise the inferred members always come first (SQL
     * Server).
     */
    public boolean checksMembersWithFacts() {
        return vendor == Vendor.POSTGRESQL;
    }

    /** Whether the vendor has the resource, in its own folder or in {@code apply/ansi}. */
    public boolean has(String name) {
        return resources.has(name);
    }

    /** The statements of a resource with every placeholder and token replaced, ready to run. */
    public List<String> statements(String name, Map<String, String> placeholders) {
        return parts(name, placeholders).stream().map(dialect::terminate).toList();
    }

    /** A resource that must hold exactly one statement, rendered and ready to run. */
    public String statement(String name, Map<String, String> placeholders) {
        return dialect.terminate(fragment(name, placeholders));
    }

    /** A resource that must hold exactly one statement, rendered to be embedded in another (a subquery). */
    public String fragment(String name, Map<String, String> placeholders) {
        List<String> statements = parts(name, placeholders);
        if (statements.size() != 1) {
            throw new IllegalStateException(
                    "SQL resource " + name + " must hold one statement, found " + statements.size());
        }
        return statements.get(0);
    }

    private List<String> parts(String name, Map<String, String> placeholders) {
        String text = resources.render(name, (placeholder, arguments) -> {
            String token = dialect.token(placeholder, arguments);
            return token != null ? token : placeholders.get(placeholder);
        });
        List<String> statements = new ArrayList<>();
        for (String part : STATEMENT_END.split(text)) {
            if (!stripComments(part).isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?m)^\\s*--.*$", "");
    }
}
