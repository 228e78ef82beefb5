Thank you. Your report has been received.

Reference: ${reference}
<#if receiptCode?has_content>
Your receipt code: ${receiptCode}
</#if>
<#if files?has_content>

Your message was larger than we can receive, so these files did not reach us:
${files}

We have your text. Please send each file again in a separate reply to this message, keeping the reference in the subject line, each under 25 MB. A phone can usually shorten or compress a video before sending it.
<#if largeFilesChannel?has_content>

If a file cannot be made smaller, you can also send it this way: ${largeFilesChannel}
</#if>
</#if>

Please keep this reference: it is how we find your report.

To add information or evidence, reply to this message and keep the reference in the subject line. You can also write to ${mailbox} with the reference in the subject.
<#if receiptCode?has_content>

If you write from another email address, include the receipt code in your message so that we can add it to your report. Keep the receipt code private.
</#if>

Your identity is kept confidential. The monitors who review reports never see your name or your email address.

You stay in control of your report. Reply to this message with one word on the first line: withdraw to take the report back, or erase to have us delete everything that could identify you (your address, your original message and the receipt code). We confirm each with one last message.

If you could be at risk, do not write to us from a device that other people can read, and delete this message once you have noted the reference somewhere safe.

The monitoring team
${organisation}

This is an automatic message.
