package org.groundwatergateway.ingest.hj212;

/**
 * The check sum of HJ 212-2017 Appendix A: a 16-bit register starting at 0xFFFF; for each byte,
 * {@code reg = (reg >> 8) ^ byte}, then eight shifts right, XOR-ing 0xA001 after each shift that drops a
 * set bit; no final XOR. It is not CRC-16/MODBUS (which XORs the byte into the low half). The standard's
 * worked example gives 1C80.
 */
public final class Hj212Crc {

    private Hj212Crc() {}

    public static int compute(byte[] data, int offset, int length) {
        int reg = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            reg = (reg >> 8) ^ (data[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean lsb = (reg & 1) != 0;
                reg >>= 1;
                if (lsb) reg ^= 0xA001;
            }
        }
        return reg & 0xFFFF;
    }

    /** Four upper-case hex digits, as packets carry it. */
    public static String hex(int crc) {
        return String.format("%04X", crc);
    }
}
