package org.groundwatergateway.gateway.policy;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class PostgisSharingPoliciesTest extends SharingPoliciesContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }
}
