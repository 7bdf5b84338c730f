package org.groundwatergateway.core.reading;

import java.util.List;

/** Somewhere readings can be written to: storage directly, or the ingest intake with its QA/QC. */
@FunctionalInterface
public interface ReadingSink {
    void write(List<Reading> readings);
}
