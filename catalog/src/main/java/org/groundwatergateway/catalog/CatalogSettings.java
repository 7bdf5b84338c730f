package org.groundwatergateway.catalog;

/**
 * Who publishes the catalog and under which licence.
 *
 * @param publisherZh  the publishing organisation's name in Chinese
 * @param publisherEn  ... and in English
 * @param contactEmail where users write about the data (the catalog's and every dataset's contact point)
 * @param license      the licence document's URI every dataset is published under
 */
public record CatalogSettings(String publisherZh, String publisherEn, String contactEmail, String license) {

    public CatalogSettings {
        if (contactEmail == null || !contactEmail.contains("@")) throw new IllegalArgumentException("the catalog needs a contact e-mail address");
        if (license == null || !license.matches("https?://\\S+")) throw new IllegalArgumentException("the catalog's licence must be a URI: " + license);
    }
}
