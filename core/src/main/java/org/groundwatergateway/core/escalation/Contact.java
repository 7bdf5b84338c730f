package org.groundwatergateway.core.escalation;

import java.util.regex.Pattern;

/** Someone who can hold an on-call tier. A mobile number (11 digits, dashes and a +86 allowed) or an e-mail address is needed. */
public record Contact(Long id, String name, String phone, String email) {

    private static final Pattern PHONE = Pattern.compile("(\\+86)?1\\d{10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Contact {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        phone = blankToNull(phone);
        email = blankToNull(email);
        if (phone == null && email == null) throw new IllegalArgumentException("phone or email is required");
        if (phone != null && !PHONE.matcher(phone.replace("-", "").replace(" ", "")).matches()) {
            throw new IllegalArgumentException("phone: '" + phone + "' is not a mainland mobile number such as 138-0000-0001");
        }
        if (email != null && !EMAIL.matcher(email).matches()) throw new IllegalArgumentException("email: '" + email + "' is not an e-mail address");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The number as SMS providers take it: digits only. */
    public String phoneDigits() {
        return phone == null ? null : phone.replaceAll("[^0-9]", "").replaceFirst("^86(?=1\\d{10}$)", "");
    }

    public Contact withId(long newId) {
        return new Contact(newId, name, phone, email);
    }
}
