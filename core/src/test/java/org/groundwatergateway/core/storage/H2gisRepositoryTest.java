package org.groundwatergateway.core.storage;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class H2gisRepositoryTest extends RepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }
}
