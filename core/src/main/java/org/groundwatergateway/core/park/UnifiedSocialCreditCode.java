package org.groundwatergateway.core.park;

/**
 * The 18-character unified social credit code of GB 32100-2015: registration authority, organisation
 * kind, administrative division, organisation code and a check character computed modulo 31.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {}

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) throw new IllegalArgumentException("expected 17 characters, got " + first17.length());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1) + " is not allowed");
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) return false;
        try {
            return checkCharacter(code.substring(0, 17)) == code.charAt(17);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static void requireValid(String code) {
        if (!isValid(code)) throw new IllegalArgumentException("not a valid unified social credit code (GB 32100-2015): " + code);
    }
}
