<#assign measureName = (measure == "first-action")?then("first action", "resolution")>[${reference}] Reminder: ${measureName} due ${due}
