package org.groundwatergateway.gateway.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** Picks what to answer from an {@code Accept} header among what a catalog door offers. */
final class Negotiation {

    private Negotiation() {}

    /**
     * The offer the most preferred acceptable type covers, in the order offered; the first offer when Accept is absent.
     *
     * @throws HttpMediaTypeNotAcceptableException listing the offers when none is acceptable, or Accept cannot be read
     *     (as Spring answers an unreadable Accept on every other path)
     */
    static <T> T choose(String accept, List<Map.Entry<MediaType, T>> offers) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) return offers.get(0).getValue();
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(accepted);
        } catch (InvalidMimeTypeException e) {
            throw notAcceptable(offers);
        }
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0) continue;
            for (Map.Entry<MediaType, T> offer : offers) {
                if (type.includes(offer.getKey())) return offer.getValue();
            }
        }
        throw notAcceptable(offers);
    }

    private static <T> HttpMediaTypeNotAcceptableException notAcceptable(List<Map.Entry<MediaType, T>> offers) {
        return new HttpMediaTypeNotAcceptableException(offers.stream().map(Map.Entry::getKey).distinct().toList());
    }
}
