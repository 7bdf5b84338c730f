package org.groundwatergateway.gateway.parameter;

import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/parameters")
@Tag(name = "Parameters", description = "监测指标 / parameters with GB/T 14848-2017 classes and GB 36600-2018 soil values")
public class ParameterController {

    private final ParameterRepository parameters;

    public ParameterController(ParameterRepository parameters) {
        this.parameters = parameters;
    }

    @GetMapping
    @Operation(summary = "All parameters")
    public List<Parameter> all() {
        return parameters.findAll();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One parameter by its code, e.g. benzene or chromium-vi")
    public Parameter one(@PathVariable String code) {
        return parameters.findByCode(code).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.parameter", "code", code)));
    }
}
