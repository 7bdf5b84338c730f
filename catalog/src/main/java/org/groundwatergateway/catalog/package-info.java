/**
 * The DCAT (DCAT-AP 3) catalog of every published dataset and its SPARQL endpoint. {@link
 * org.groundwatergateway.catalog.DcatCatalog} writes one caller's catalog from the dataset registry of {@code policies}
 * through the same access policy as every other door; {@link org.groundwatergateway.catalog.CatalogService} serializes
 * it and {@link org.groundwatergateway.catalog.CatalogSparql} queries it, read-only.
 */
package org.groundwatergateway.catalog;
