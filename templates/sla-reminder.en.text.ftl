<#assign measureName = (measure == "first-action")?then("first action", "resolution")>Ticket ${reference} (${mailbox}, ${category}) is due for its ${measureName} by ${due} (UTC).

Reply to its notification with a command (#assign me, #status investigating, ...) to act on it.
