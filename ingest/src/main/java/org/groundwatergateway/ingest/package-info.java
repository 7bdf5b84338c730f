/**
 * Getting data in: the HJ 212-2017 device server, the MQTT subscriber, HTTP/CSV bulk and lab import, QA/QC,
 * the review queue and device O&amp;M. Built on {@code core}; see ARCHITECTURE.md for the data flow.
 */
package org.groundwatergateway.ingest;
