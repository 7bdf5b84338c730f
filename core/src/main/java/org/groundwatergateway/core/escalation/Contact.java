package org.groundwatergateway.core.escalation;

import java.util.regex.Pattern;
import org.groundwatergateway.core.problem.InvalidInput;

/** Someone who can hold an on-call tier. A mobile number (11 digits, dashes and a +86 allowed) or an e-mail address is needed. */
public record Contact(Long id, String name, String phone, String email) {

    private static final Pattern PHONE = Pattern.compile("(\\+86)?1\\d{10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Contact {
        if (name == null || name.isBlank()) throw new InvalidInput("core.required", "name");
        phone = blankToNull(phone);
        email = blankToNull(email);
        if (phone == null && email == null) throw new InvalidInput("core.contact.phoneOrEmail", "phone");
        if (phone != null && !PHONE.matcher(phone.replace("-", "").replace(" ", "")).matches()) {
            throw new InvalidInput("core.contact.phone", "phone", phone);
        }
        if (email != null && !EMAIL.matcher(email).matches()) throw new InvalidInput("core.contact.email", "email", email);
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
