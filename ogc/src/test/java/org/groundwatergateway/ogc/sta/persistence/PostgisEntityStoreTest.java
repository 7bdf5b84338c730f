package org.groundwatergateway.ogc.sta.persistence;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class PostgisEntityStoreTest extends EntityStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }
}
