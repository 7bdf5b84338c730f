package org.groundwatergateway.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SensorThings API ({@code gw.sta.*}).
 *
 * @param defaultTop entities per page when a request gives no $top
 * @param maxTop the largest page a request may ask for with $top
 * @param baseUrl the service root clients reach, e.g. {@code https://gw.example.cn/sta/v1.1}, for links in MQTT
 *     messages and behind proxies; unset: {@code gw.public-base-url} + {@code /sta/v1.1}, else taken from each HTTP request
 *     (MQTT: {@code http://localhost:<port>/sta/v1.1})
 * @param mqttCreate whether Observations published to {@code v1.1/.../Observations} on the broker are created
 * @param maxExpandDepth how deep {@code $expand} may nest (Things($expand=Datastreams) is one level)
 * @param maxEntities the most entities one answer may hold, expanded ones included
 * @param maxFilterLength the longest query option read, in characters: a $filter, or an $expand with its nested $filters
 */
@ConfigurationProperties("gw.sta")
public record StaProperties(int defaultTop, int maxTop, String baseUrl, boolean mqttCreate, int maxExpandDepth, int maxEntities,
                            int maxFilterLength) {}
