package org.groundwatergateway.ogc.sta.persistence;

import java.util.List;

/**
 * One page of a collection.
 *
 * @param count the size of the whole collection when $count=true was asked, else null
 * @param more whether entities follow this page
 */
public record EntityPage(List<Entity> entities, Long count, boolean more) {}
