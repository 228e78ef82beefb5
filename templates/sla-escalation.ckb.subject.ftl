<#assign measureName = (measure == "first-action")?then("یەکەم کردار", "چارەسەر")>[${reference}] ئاستی خزمەتگوزاری تێپەڕێنرا: ${measureName} دەبوو ${due} بێت
