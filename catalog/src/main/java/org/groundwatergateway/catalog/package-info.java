/** The DCAT (DCAT-AP) catalog of every published dataset and its SPARQL endpoint. */
package org.groundwatergateway.catalog;
