As you asked, we have deleted everything that could identify you as the reporter of this report: your email address, your original messages and the receipt code.

Reference: ${reference}

This is the last message you will receive from us about this report. We can no longer link your address to it, so we cannot answer you about it or add anything you send to it. If you write to us again, your message will be received as a new report.

What you reported stays, without your details, for the monitors to review.

The monitoring team
${organisation}

This is an automatic message.
