<#assign measureName = (measure == "first-action")?then("یەکەم کردار", "چارەسەر")>[${reference}] بیرخستنەوە: کاتی ${measureName} ${due}
