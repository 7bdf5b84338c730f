package org.groundwatergateway.catalog;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class PostgisStoredCatalogFactsTest extends StoredCatalogFactsContract {

    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }
}
