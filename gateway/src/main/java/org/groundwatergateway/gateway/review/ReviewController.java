package org.groundwatergateway.gateway.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Review", description = "数据审核 / review of flagged data")
public class ReviewController {

    private final ReviewQueue reviews;

    public ReviewController(ReviewQueue reviews) {
        this.reviews = reviews;
    }

    /** ACCEPTED, CORRECTED (with value, for a task of one reading) or REJECTED, always with a reason. */
    public record DecisionRequest(String decision, Double value, String reason) {}

    @GetMapping
    @Operation(summary = "Review tasks in a status, oldest first")
    public List<ReviewQueue.Task> tasks(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "200") int limit) {
        if (!List.of("OPEN", "ACCEPTED", "CORRECTED", "REJECTED").contains(status)) {
            throw new InvalidInput("gateway.notOneOf", "status", status, "[OPEN, ACCEPTED, CORRECTED, REJECTED]");
        }
        return reviews.tasks(status, RequestValues.limit("limit", limit, 1000));
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Accept, correct or reject a task's readings; recorded in the audit log")
    public ReviewQueue.Task decide(@PathVariable long id, @RequestBody DecisionRequest request, Principal reviewer) {
        ReviewQueue.Decision decision = RequestValues.enumValue("decision", ReviewQueue.Decision.class, RequestValues.required("decision", request.decision()));
        return reviews.decide(id, decision, request.value(), request.reason(), reviewer.getName());
    }
}
