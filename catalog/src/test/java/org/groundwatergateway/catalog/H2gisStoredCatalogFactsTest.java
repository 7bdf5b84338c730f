package org.groundwatergateway.catalog;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class H2gisStoredCatalogFactsTest extends StoredCatalogFactsContract {

    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }
}
