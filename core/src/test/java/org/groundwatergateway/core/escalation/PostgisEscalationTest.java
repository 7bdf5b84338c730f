package org.groundwatergateway.core.escalation;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;

class PostgisEscalationTest extends EscalationContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }
}
