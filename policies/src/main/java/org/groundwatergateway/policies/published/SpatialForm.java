package org.groundwatergateway.policies.published;

/** The geometry a dataset's items carry; {@link #NONE} for datasets without one (reports, datastream groups). */
public enum SpatialForm { POINT, POLYGON, ANY, NONE }
