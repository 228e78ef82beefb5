package org.shahid.intake;

import org.shahid.parsing.ParsedMail;

/** Return-Path {@code <>}: the null sender of bounces and other notifications, which must never be answered. */
public final class HasEmptyReturnPath implements AutomatedMailCheck {

    @Override
    public boolean matches(ParsedMail mail) {
        return mail.headers().all("Return-Path").stream()
                .anyMatch(value -> value.replaceAll("\\s", "").equals("<>"));
    }

    @Override
    public String reason() {
        return "empty return path";
    }
}
