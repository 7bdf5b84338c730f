package org.groundwatergateway.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reports ({@code gw.reports.*}).
 *
 * @param font a TrueType font file (.ttf or .ttc) with Chinese glyphs to embed in PDF reports; unset: the first of the
 *     usual Debian CJK fonts found
 */
@ConfigurationProperties("gw.reports")
public record ReportProperties(Path font) {}
