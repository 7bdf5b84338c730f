package org.groundwatergateway.gateway.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.groundwatergateway.core.escalation.Contact;
import org.groundwatergateway.core.escalation.OnCallOverride;
import org.groundwatergateway.core.escalation.OnCallRepository;
import org.groundwatergateway.core.escalation.RotaShift;
import org.groundwatergateway.core.escalation.Tier;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/on-call")
@Tag(name = "On call", description = "值班表 / contacts, weekly rota (China Standard Time) and overrides of the three escalation tiers")
public class OnCallController {

    public record ContactRequest(String name, String phone, String email) {}

    /** A weekly shift: day MONDAY..SUNDAY, start and end as HH:mm in China Standard Time (an end at or before the start runs overnight). */
    public record ShiftRequest(String tier, Long contactId, String day, String start, String end) {}

    /** Start and end as ISO-8601 date-times with offset. */
    public record OverrideRequest(String tier, Long contactId, String start, String end, String reason) {}

    private final OnCallRepository onCall;
    private final java.time.Clock clock;

    public OnCallController(OnCallRepository onCall, java.time.Clock clock) {
        this.onCall = onCall;
        this.clock = clock;
    }

    @GetMapping("/contacts")
    @Operation(summary = "The on-call contacts, with their mobile numbers and e-mail addresses")
    public List<Contact> contacts() {
        return onCall.contacts();
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact (a mobile number or an e-mail address is needed)")
    public Contact addContact(@RequestBody ContactRequest request) {
        return onCall.addContact(new Contact(null, request.name(), request.phone(), request.email()));
    }

    @PutMapping("/contacts/{id}")
    @Operation(summary = "Change a contact's name, mobile number or e-mail address")
    public Contact updateContact(@PathVariable long id, @RequestBody ContactRequest request) {
        Contact contact = new Contact(id, request.name(), request.phone(), request.email());
        if (!onCall.updateContact(id, contact)) throw noSuch("contact", id);
        return contact;
    }

    @DeleteMapping("/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a contact with its shifts and overrides")
    public void deleteContact(@PathVariable long id) {
        if (!onCall.deleteContact(id)) throw noSuch("contact", id);
    }

    @GetMapping("/rota")
    @Operation(summary = "The weekly rota: who holds each tier on which day and hours (China Standard Time)")
    public List<RotaShift> rota() {
        return onCall.rota();
    }

    @PostMapping("/rota")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a weekly shift, e.g. {\"tier\":\"DUTY_OFFICER\",\"contactId\":1,\"day\":\"MONDAY\",\"start\":\"20:00\",\"end\":\"08:00\"}")
    public RotaShift addShift(@RequestBody ShiftRequest request) {
        return onCall.addShift(new RotaShift(null, tier(request.tier()), RequestValues.required("contactId", request.contactId()), day(request.day()),
                time("start", request.start()), time("end", request.end())));
    }

    @DeleteMapping("/rota/{id}")
    @Operation(summary = "Delete a weekly shift")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteShift(@PathVariable long id) {
        if (!onCall.deleteShift(id)) throw noSuch("shift", id);
    }

    @GetMapping("/overrides")
    @Operation(summary = "The overrides in place of the rota (leave, swaps, holidays)")
    public List<OnCallOverride> overrides() {
        return onCall.overrides();
    }

    @PostMapping("/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hand a tier to a contact for a while, in place of the rota (leave, swaps, holidays)")
    public OnCallOverride addOverride(@RequestBody OverrideRequest request) {
        Instant start = RequestValues.required("start", RequestValues.instant("start", request.start()));
        Instant end = RequestValues.required("end", RequestValues.instant("end", request.end()));
        return onCall.addOverride(new OnCallOverride(null, tier(request.tier()), RequestValues.required("contactId", request.contactId()),
                start, end, request.reason()));
    }

    @DeleteMapping("/overrides/{id}")
    @Operation(summary = "Delete an override; the rota holds again")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteOverride(@PathVariable long id) {
        if (!onCall.deleteOverride(id)) throw noSuch("override", id);
    }

    @GetMapping("/now")
    @Operation(summary = "Who holds each tier at a time (default now)")
    public Map<Tier, List<Contact>> now(@RequestParam(required = false) String at) {
        // An empty at is no time given, as everywhere else (it was passed on as null, a 500).
        Instant given = RequestValues.instant("at", at);
        Instant when = given == null ? clock.instant() : given;
        Map<Tier, List<Contact>> holders = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) holders.put(tier, onCall.onCall(tier, when));
        return holders;
    }

    private static Tier tier(String value) {
        return Tier.parse("tier", RequestValues.required("tier", value));
    }

    private static DayOfWeek day(String value) {
        String name = RequestValues.required("day", value).trim().toUpperCase(Locale.ROOT);
        try {
            return DayOfWeek.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("gateway.onCall.day", "day", value);
        }
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(RequestValues.required(field, value).trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("gateway.onCall.time", field, value);
        }
    }

    private static NotFoundException noSuch(String what, long id) {
        return new NotFoundException(switch (what) {
            case "contact" -> new InvalidInput("gateway.notFound.contact", "id", id);
            case "shift" -> new InvalidInput("gateway.notFound.shift", "id", id);
            default -> new InvalidInput("gateway.notFound.override", "id", id);
        });
    }
}
