package org.groundwatergateway.policies;

/**
 * Shows everything to everyone. It stands in until role-based sharing is configured; services call it exactly as
 * they will call the real policy, so replacing it changes no service.
 */
public final class OpenAccessPolicy implements AccessPolicy {

    @Override
    public Disclosure disclose(Viewer viewer, String dataset) {
        return Disclosure.full();
    }
}
