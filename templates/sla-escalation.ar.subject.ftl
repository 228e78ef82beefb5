<#assign measureName = (measure == "first-action")?then("أول إجراء", "الحل")>[${reference}] تجاوز مستوى الخدمة: كان موعد ${measureName} ${due}
