<#assign measureName = (measure == "first-action")?then("first action", "resolution")>Ticket ${reference} (${mailbox}, ${category}) missed its service level: its ${measureName} was due by ${due} (UTC).
The breach is recorded on the ticket and counted in the digest and the transparency report.

As a lead, please assign it or act on it.
