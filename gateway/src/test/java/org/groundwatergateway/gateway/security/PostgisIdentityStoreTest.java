package org.groundwatergateway.gateway.security;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class PostgisIdentityStoreTest extends IdentityStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }
}
