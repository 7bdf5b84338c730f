package org.groundwatergateway.policies.published;

/**
 * A dataset published as one dataset per member of a group: the SensorThings datastreams of each well, or of each
 * parameter. Which wells and parameters exist is the store's to say, so the catalog expands the group when it is asked.
 */
public enum Grouping { WELL, PARAMETER }
