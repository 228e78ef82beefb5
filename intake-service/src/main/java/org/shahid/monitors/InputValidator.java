package org.shahid.monitors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks roster entries and monitor commands against their Jakarta Validation constraints (Hibernate Validator)
 * and gives each violation as "field: message": for a roster entry the message is worded for an admin, for a
 * monitor command it is the code of a {@link CommandProblem}, worded in the monitor's language. Thread-safe.
 */
final class InputValidator {

    private static final Validator VALIDATOR;

    static {
        // Messages are plain: no expression language is needed to interpolate them.
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        VALIDATOR = factory.getValidator();
    }

    private InputValidator() {
    }

    /** One line per violation, sorted, empty when the value is valid. */
    static List<String> problems(Object value) {
        return VALIDATOR.validate(value).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .toList();
    }
}
