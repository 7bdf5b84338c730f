package org.groundwatergateway.gateway.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS through Alibaba Cloud SMS (dysmsapi SendSms, {@code gw.sms.*}); off while no access key is set.
 *
 * @param endpoint the API's address (another region's, or a test server)
 * @param signName the approved SMS signature (短信签名)
 * @param templateCode the approved template (短信模板), with variables {@code level}, {@code kind}, {@code subject}, {@code id}
 */
@ConfigurationProperties("gw.sms")
public record SmsProperties(URI endpoint, String regionId, String accessKeyId, String accessKeySecret, String signName, String templateCode) {

    public boolean configured() {
        return accessKeyId != null && !accessKeyId.isBlank() && accessKeySecret != null && !accessKeySecret.isBlank();
    }
}
