Thank you. Your report has been received.

Reference: ${reference}
<#if receiptCode?has_content>
Your receipt code: ${receiptCode}
</#if>

Please keep this reference: it is how we find your report.

To add information or evidence, reply to this message and keep the reference in the subject line. You can also write to ${mailbox} with the reference in the subject.
<#if receiptCode?has_content>

If you write from another email address, include the receipt code in your message so that we can add it to your report. Keep the receipt code private.
</#if>

Your identity is kept confidential. The monitors who review reports never see your name or your email address.

If you could be at risk, do not write to us from a device that other people can read, and delete this message once you have noted the reference somewhere safe.

The monitoring team
${organisation}

This is an automatic message.
