/**
 * The datasets the platform publishes, declared once as data ({@code published/datasets.json}), so that the OGC
 * services, the catalog, the sharing policy and federation describe and name the same datasets.
 */
package org.groundwatergateway.policies.published;
