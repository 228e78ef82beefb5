<#assign measureName = (measure == "first-action")?then("first action", "resolution")>[${reference}] Service level missed: ${measureName} was due ${due}
