package org.groundwatergateway.core.parameter;

import java.util.regex.Pattern;

/**
 * CAS Registry Numbers: up to ten digits in three groups, the last a check digit that is the sum of the other
 * digits, each multiplied by its position counted from the right, modulo 10 (CAS, "CAS Registry Number", check
 * digit verification, worked on 7732-18-5: 8·1 + 1·2 + 2·3 + 3·4 + 7·5 + 7·6 = 105, check digit 5).
 */
public final class CasNumber {

    private static final Pattern FORM = Pattern.compile("\\d{2,7}-\\d{2}-\\d");

    private CasNumber() {}

    public static boolean isValid(String cas) {
        if (cas == null || !FORM.matcher(cas).matches()) return false;
        String digits = cas.replace("-", "");
        int sum = 0;
        for (int k = digits.length() - 2, weight = 1; k >= 0; k--, weight++) sum += weight * (digits.charAt(k) - '0');
        return sum % 10 == digits.charAt(digits.length() - 1) - '0';
    }
}
