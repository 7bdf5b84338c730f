package org.groundwatergateway.gateway.security;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class H2gisIdentityStoreTest extends IdentityStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }
}
