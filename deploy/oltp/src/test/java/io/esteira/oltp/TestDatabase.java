package io.esteira.oltp;

import javax.sql.DataSource;

/** A fresh, empty database for one test, dropped on close. */
interface TestDatabase extends AutoCloseable {

    DataSource dataSource();

    @Override
    void close();
}
