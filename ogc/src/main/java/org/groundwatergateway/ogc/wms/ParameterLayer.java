package org.groundwatergateway.ogc.wms;

import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.ogc.filter.Filter;

/** A layer of one parameter's features, named by a prefix and the parameter's code, and changing with TIME. */
interface ParameterLayer extends MapLayer {

    Parameter parameter();

    /** The layer's name before the parameter's code, e.g. {@code quality_class.}. */
    String prefix();

    @Override
    default String name() {
        return prefix() + parameter().code();
    }

    @Override
    default Filter filter() {
        return new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, "parameter", parameter().code(), true);
    }

    @Override
    default boolean timeAware() {
        return true;
    }
}
