package org.groundwatergateway.gateway.federation;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class H2gisFederationStoreTest extends FederationStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }
}
