package org.groundwatergateway.gateway.policy;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class PostgisShareWorkflowTest extends ShareWorkflowContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }
}
