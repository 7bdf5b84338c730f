package org.groundwatergateway.ingest.hj212;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one HJ 212 data segment: {@code QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;PNUM=…;PNO=…;CP=&&…&&}.
 * QN and Flag are absent in HJ/T 212-2005 packets.
 *
 * @param flag the Flag field: bits V5..V0 the protocol version, D a split packet, A an acknowledgement requested
 * @param dataArea the CP data area, in order: item names ({@code DataTime}, {@code w01001-Rtd}, …) to values
 */
public record Hj212Packet(String qn, String st, String cn, String pw, String mn, Integer flag, Integer pnum, Integer pno,
                          Map<String, String> dataArea) {

    /** Protocol generations a device may speak. */
    public enum Version { HJ_T_212_2005, HJ_212_2017, HJ_212_2025 }

    /** The values one pollutant code carries in a packet, e.g. {@code w01001} with Rtd and Flag. */
    public record Pollutant(String code, Map<String, String> fields) {}

    public Version version() {
        if (flag == null) return Version.HJ_T_212_2005;
        return switch (flag >> 2) {
            case 0 -> Version.HJ_T_212_2005;
            case 1 -> Version.HJ_212_2017;
            case 2 -> Version.HJ_212_2025;
            default -> throw new Hj212Exception("Flag=" + flag + " names protocol version " + (flag >> 2) + ", which is not HJ 212-2005, -2017 or -2025");
        };
    }

    public boolean acknowledgementRequested() {
        return flag != null && (flag & 1) != 0;
    }

    public boolean split() {
        return pnum != null && pnum > 1;
    }

    /** Items of the data area grouped by pollutant code, in packet order; items without a code are left out. */
    public List<Pollutant> pollutants() {
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        for (Map.Entry<String, String> item : dataArea.entrySet()) {
            int dash = item.getKey().indexOf('-');
            if (dash <= 0) continue;
            byCode.computeIfAbsent(item.getKey().substring(0, dash), c -> new LinkedHashMap<>())
                    .put(item.getKey().substring(dash + 1), item.getValue());
        }
        List<Pollutant> pollutants = new ArrayList<>();
        byCode.forEach((code, fields) -> pollutants.add(new Pollutant(code, Collections.unmodifiableMap(fields))));
        return pollutants;
    }

    /** Parses a data segment whose framing and CRC were already checked. */
    public static Hj212Packet parse(String segment) {
        int cp = segment.indexOf("CP=&&");
        if (cp < 0) throw new Hj212Exception("no CP=&&…&& data area");
        int cpEnd = segment.lastIndexOf("&&");
        if (cpEnd < cp + 5) throw new Hj212Exception("the CP data area is not closed with &&");
        if (!segment.substring(cpEnd + 2).isBlank()) throw new Hj212Exception("text after the closing && of the data area");
        Map<String, String> header = new LinkedHashMap<>();
        for (String field : segment.substring(0, cp).split(";")) {
            if (field.isEmpty()) continue;
            int eq = field.indexOf('=');
            if (eq <= 0) throw new Hj212Exception("header field '" + field + "' has no name=value form");
            if (header.put(field.substring(0, eq), field.substring(eq + 1)) != null) {
                throw new Hj212Exception("header field " + field.substring(0, eq) + " appears twice");
            }
        }
        for (String required : new String[] {"ST", "CN", "PW", "MN"}) {
            if (!header.containsKey(required) || header.get(required).isEmpty()) throw new Hj212Exception("missing " + required);
        }
        Map<String, String> data = new LinkedHashMap<>();
        String area = segment.substring(cp + 5, cpEnd);
        for (String item : area.split(";")) {
            for (String pair : item.split(",")) {
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) continue;
                int eq = trimmed.indexOf('=');
                if (eq <= 0) throw new Hj212Exception("data item '" + trimmed + "' has no name=value form");
                data.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        Hj212Packet packet = new Hj212Packet(header.get("QN"), header.get("ST"), header.get("CN"), header.get("PW"), header.get("MN"),
                integer(header, "Flag"), integer(header, "PNUM"), integer(header, "PNO"), Collections.unmodifiableMap(data));
        packet.version();
        if (packet.pnum() != null && (packet.pno() == null || packet.pno() < 1 || packet.pno() > packet.pnum())) {
            throw new Hj212Exception("PNO=" + packet.pno() + " is not within PNUM=" + packet.pnum());
        }
        return packet;
    }

    private static Integer integer(Map<String, String> header, String name) {
        String value = header.get(name);
        if (value == null) return null;
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new Hj212Exception(name + "=" + value + " is not a number");
        }
    }
}
