package org.shahid.language;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link LanguageCode}; its message lists the known codes. Stateless and thread-safe. */
public final class LanguageCodeValidator implements ConstraintValidator<LanguageCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || Language.fromCode(value).isPresent()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be " + Language.listed()).addConstraintViolation();
        return false;
    }
}
