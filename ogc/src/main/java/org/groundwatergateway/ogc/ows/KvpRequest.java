package org.groundwatergateway.ogc.ows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Key-value-pair request parameters. OGC KVP names are case-insensitive (OGC 06-121r9 §11.5.2); values are not.
 * Both the WFS and WMS readers take their parameters from here.
 */
public final class KvpRequest {

    private final Map<String, String> values = new TreeMap<>();

    public KvpRequest(Map<String, String[]> parameters) {
        parameters.forEach((name, given) -> {
            if (given.length > 0) values.put(name.toUpperCase(Locale.ROOT), given[0]);
        });
    }

    public Optional<String> get(String name) {
        String value = values.get(name.toUpperCase(Locale.ROOT));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> OwsException.missing(name));
    }

    /** Whether the parameter was sent with an empty value (which {@link #get} treats as not sent). */
    public boolean givenEmpty(String name) {
        String value = values.get(name.toUpperCase(Locale.ROOT));
        return value != null && value.isBlank();
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> text = get(name);
        if (text.isEmpty()) return fallback;
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < min || value > max) throw OwsException.invalid(name, name + " must be between " + min + " and " + max + ", got " + value);
            return value;
        } catch (NumberFormatException e) {
            throw OwsException.invalid(name, name + " must be an integer, got '" + text.get() + "'");
        }
    }

    /** A comma-separated list parameter, empty if absent. */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        get(name).ifPresent(text -> {
            for (String item : text.split(",", -1)) items.add(item.trim());
        });
        return items;
    }

    /** The parameters as given, for building links to the next page. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }
}
