Your reply about ticket ${reference} was not applied: the reply key in the notification you answered is older
than ${keyTtlDays} days, and old keys are refused so that a notification left in a mailbox cannot be used later.

Nothing was changed on the ticket, and nothing was sent to the reporter.

This mail carries a fresh key: reply to it (keep its Reply-To address, or its subject with the reference and the
[key:...] token) with the same commands.

${organisation}
