package org.groundwatergateway.ogc.sta.persistence;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class H2gisEntityStoreTest extends EntityStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }
}
