package org.groundwatergateway.gateway.policy;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class H2gisSharingPoliciesTest extends SharingPoliciesContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }
}
