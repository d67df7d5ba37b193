package io.esteira.quality.check;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Refuses configured SQL that is not exactly one read-only query, by parsing it (JSqlParser, ADR 8)
 * rather than looking at its first word: a {@code WITH} that hides a {@code DELETE … RETURNING} or a
 * {@code DELETE … OUTPUT}, a {@code SELECT … INTO} that creates a table, a {@code SELECT … FOR UPDATE}
 * that locks rows, and several statements are all refused. It is the first of two guards: the checks'
 * connections are also read-only (a read-only transaction, and a login that can only read), because a
 * query can still call a function that writes.
 */
public final class ReadOnlyQuery {

    private ReadOnlyQuery() {}

    /**
     * @throws IllegalArgumentException naming what makes {@code sql} more than one read-only query
     */
    public static void require(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException(
                    "sql does not parse as a query (" + Database.oneLine(rootMessage(e))
                            + "); give one SELECT or WITH … SELECT (checks never change data).",
                    e);
        }
        if (statements.size() != 1) {
            throw new IllegalArgumentException(
                    "sql holds " + statements.size() + " statements; give a single query (checks never change data).");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw new IllegalArgumentException("sql is a " + kind(statement)
                    + ", not a query; give one SELECT or WITH … SELECT (checks never change data).");
        }
        try {
            new WriteFinder().getTables((Statement) select);
        } catch (Refused e) {
            throw new IllegalArgumentException(
                    "sql " + e.getMessage() + "; give a query that only reads (checks never change data).");
        }
    }

    private static String kind(Object statement) {
        String name = statement.getClass().getSimpleName().replace("Parenthesed", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT) + " statement";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Thrown by {@link WriteFinder} at the first construct that writes or locks. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Walks every nested statement (common table expressions, subqueries, set operations). A
     * data-changing statement can only hide in a {@code WITH}; the other overrides refuse it wherever the
     * parser might place it.
     */
    private static final class WriteFinder extends TablesNamesFinder<Void> {

        @Override
        public <S> Void visit(WithItem<?> withItem, S context) {
            Object body = withItem.getParenthesedStatement();
            if (!(body instanceof ParenthesedSelect)) {
                throw new Refused("holds a data-changing " + kind(body) + " in WITH " + withItem.getAliasName());
            }
            return super.visit(withItem, context);
        }

        @Override
        public <S> Void visit(PlainSelect plainSelect, S context) {
            if (plainSelect.getIntoTables() != null
                            && !plainSelect.getIntoTables().isEmpty()
                    || plainSelect.getIntoTempTable() != null) {
                throw new Refused("selects INTO a table");
            }
            refuseLocking(plainSelect);
            return super.visit(plainSelect, context);
        }

        @Override
        public <S> Void visit(SetOperationList list, S context) {
            refuseLocking(list);
            return super.visit(list, context);
        }

        private static void refuseLocking(Select select) {
            if (select.getForMode() != null) {
                throw new Refused("locks rows (FOR " + select.getForMode() + ")");
            }
        }

        @Override
        public <S> Void visit(Delete delete, S context) {
            throw new Refused("holds a DELETE");
        }

        @Override
        public <S> Void visit(Update update, S context) {
            throw new Refused("holds an UPDATE");
        }

        @Override
        public <S> Void visit(Insert insert, S context) {
            throw new Refused("holds an INSERT");
        }

        @Override
        public <S> Void visit(Merge merge, S context) {
            throw new Refused("holds a MERGE");
        }
    }
}
