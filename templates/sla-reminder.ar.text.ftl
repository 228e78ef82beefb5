<#assign measureName = (measure == "first-action")?then("أول إجراء", "الحل")>البلاغ ${reference} (${mailbox}، ${category}) يجب أن يحظى بـ${measureName} قبل ${due} (بالتوقيت العالمي).

ردّ على إشعاره بأمر (#assign me أو #status investigating ...) للتعامل معه.
