package io.esteira.contracts.catalog;

/** An entity catalog file that cannot be used; the message names the file, entity and field, and the fix. */
public class EntityCatalogException extends IllegalArgumentException {

    public EntityCatalogException(String message) {
        super(message);
    }

    public EntityCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
