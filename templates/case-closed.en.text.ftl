Thank you for writing to us again.

Reference: ${reference}

This case is closed, and as promised the details that could identify its reporter have been deleted, so we cannot add your message to it.

If you have something new to report, please write a new message to ${mailbox} without this reference in the subject. It will be received as a new report.

The monitoring team
${organisation}

This is an automatic message.
