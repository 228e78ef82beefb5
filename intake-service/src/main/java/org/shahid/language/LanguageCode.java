package org.shahid.language;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text that must be the code of a {@link Language}; null is left to {@code @NotNull}. */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageCodeValidator.class)
public @interface LanguageCode {

    String message() default "must be a known language";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
