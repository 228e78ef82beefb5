<#assign measureName = (measure == "first-action")?then("أول إجراء", "الحل")>[${reference}] تذكير: موعد ${measureName} هو ${due}
